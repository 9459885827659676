import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdempotencyStore } from './idempotency-store';
import { migrateReadModels } from './migrate';
import { processIdentity, THIS_PROCESS } from './process-identity';
import { openSqliteRequests, type ReadModelDb } from './read-model-db';

describe('a reservation of an idempotency key', () => {
  let dir: string;
  let db: ReadModelDb;
  const at = new Date('2026-12-02T05:00:00Z');
  const soon = new Date(at.getTime() + 1000);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ruamjai-requests-'));
    db = openSqliteRequests(join(dir, 'requests.sqlite'));
    await migrateReadModels(db as never, []);
  });
  afterEach(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('held by a process that was killed is taken over at once by the next one', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    await new Promise((resolve) => child.once('spawn', resolve));
    const dead = processIdentity(child.pid!);
    const first = new IdempotencyStore(db, false, 30_000, dead);
    expect(await first.reserve('u', 'k1', 'h', at)).toEqual({ kind: 'reserved' });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const restarted = new IdempotencyStore(db, false, 30_000, THIS_PROCESS);
    expect(await restarted.reserve('u', 'k1', 'h', soon)).toEqual({ kind: 'reserved' });
  });

  it('held by a live process on this host stays in progress until it finishes', async () => {
    const other = new IdempotencyStore(db, false, 30_000, processIdentity(process.ppid));
    expect(await other.reserve('u', 'k2', 'h', at)).toEqual({ kind: 'reserved' });
    expect(await new IdempotencyStore(db, false, 30_000, THIS_PROCESS).reserve('u', 'k2', 'h', soon)).toEqual({
      kind: 'in_progress',
    });
  });

  it('held by a process on another host is taken over only when its lease runs out', async () => {
    const remote = new IdempotencyStore(db, false, 30_000, 'another-host/4242/123456');
    expect(await remote.reserve('u', 'k3', 'h', at)).toEqual({ kind: 'reserved' });
    const here = new IdempotencyStore(db, false, 30_000, THIS_PROCESS);
    expect(await here.reserve('u', 'k3', 'h', soon)).toEqual({ kind: 'in_progress' });
    expect(await here.reserve('u', 'k3', 'h', new Date(at.getTime() + 31_000))).toEqual({ kind: 'reserved' });
  });

  it('held by a pid now used by another process (started later) is taken over at once', async () => {
    const reused = new IdempotencyStore(db, false, 30_000, THIS_PROCESS.replace(/\/[^/]+$/, '/1'));
    expect(await reused.reserve('u', 'k4', 'h', at)).toEqual({ kind: 'reserved' });
    expect(await new IdempotencyStore(db, false, 30_000, THIS_PROCESS).reserve('u', 'k4', 'h', soon)).toEqual({
      kind: 'reserved',
    });
  });
});

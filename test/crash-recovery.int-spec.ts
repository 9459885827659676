import { collect, SqliteEventStore } from '@ruamjai/event-store';
import { systemClock } from '@ruamjai/kernel';
import { planningMigrations, planningProjections } from '@ruamjai/planning';
import {
  migrateReadModels,
  openSqliteReadModels,
  ProjectionRunner,
  rebuildProjections,
  type ReadModelDb,
} from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');

async function tables(db: ReadModelDb) {
  const k = db as unknown as Kysely<{
    plan_views: { plan_id: string; revision: number; doc: string };
    plan_projects: { plan_id: string; project_id: string; requested_budget_satang: number; updated_at: string };
  }>;
  const views = await k.selectFrom('plan_views').select(['plan_id', 'revision', 'doc']).orderBy('plan_id').execute();
  const projects = await k
    .selectFrom('plan_projects')
    .select(['plan_id', 'project_id', 'requested_budget_satang', 'updated_at'])
    .orderBy('plan_id')
    .orderBy('project_id')
    .execute();
  return { views, projects };
}

describe('a process killed with SIGKILL while appending', () => {
  // A child compiling its TypeScript on start, 400 acknowledged appends and a rebuild: well inside
  // a minute on a quiet machine, several when the image build compiles SQLite beside it.
  jest.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-crash-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));

  it('loses no acknowledged append, leaves no partial append, and its projections equal a full rebuild after restart', async () => {
    const child = spawn(
      process.execPath,
      ['--require', '@swc-node/register', join(root, 'test/support/crash-writer.ts'), dir],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, SWC_NODE_PROJECT: join(root, 'tsconfig.json') },
      },
    );
    const acked: Array<{ stream: string; position: bigint }> = [];
    let buffered = '';
    await new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) {
          const [word, stream, position] = line.split(' ');
          if (word === 'ack') acked.push({ stream, position: BigInt(position) });
        }
        if (acked.length >= 400) resolve();
      });
    });
    child.removeAllListeners('exit');
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;

    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const all = await collect(store.readAll());
    // Every acknowledged append is there.
    for (const { stream, position } of acked) {
      expect(all.some((e) => e.streamId === stream && e.position === position)).toBe(true);
    }
    // Every append is whole: five events of one batch, or none.
    const perBatch = new Map<string, number>();
    for (const e of all) {
      const batch = (e.metadata as { batch: string }).batch;
      perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1);
    }
    expect([...perBatch.values()].every((n) => n === 5)).toBe(true);
    // Positions are gap-free.
    expect(all.every((e, i) => e.position === BigInt(i + 1))).toBe(true);

    // Restart the projections where the crash left them, and let them catch up.
    const live = openSqliteReadModels(join(dir, 'read-models.sqlite'));
    await migrateReadModels(live as unknown as Kysely<unknown>, [planningMigrations]);
    const runner = new ProjectionRunner(store, live, planningProjections, systemClock);
    await runner.start();
    expect(await runner.waitFor(all[all.length - 1].position, 20_000)).toBe(true);
    await runner.stop();

    const fresh = openSqliteReadModels(join(dir, 'rebuilt.sqlite'));
    await migrateReadModels(fresh as unknown as Kysely<unknown>, [planningMigrations]);
    await rebuildProjections(store, fresh, planningProjections, systemClock);

    const recovered = await tables(live);
    const rebuilt = await tables(fresh);
    // Each append is one plan: a summary at revision 4 and four projects.
    expect(recovered.views.length).toBe(all.length / 5);
    expect(recovered.views.every((v) => v.revision === 4)).toBe(true);
    expect(recovered.projects.length).toBe((all.length / 5) * 4);
    expect(recovered).toEqual(rebuilt);
    await live.destroy();
    await fresh.destroy();
    await store.close();
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('embedded SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-store-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('the embedded store when its writer thread dies', () => {
  it('starts a new writer, so appends go on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ruamjai-writer-'));
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const event = () => ({ id: randomUUID(), type: 'Happened', data: {} });
    await store.append('s-1', [event()], { expected: 'no_stream' });
    const writer = (store as unknown as { worker: Worker }).worker;
    await writer.terminate();
    await new Promise((r) => setTimeout(r, 50));
    await expect(store.append('s-1', [event()], { expected: 0n })).resolves.toMatchObject({ nextExpectedRevision: 1n });
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

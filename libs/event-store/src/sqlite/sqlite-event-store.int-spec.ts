import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('embedded SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-store-'));
  let store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  return {
    store,
    reopen: async () => {
      await store.close();
      store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
      return store;
    },
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

describe('the embedded store when one append fails inside its writer', () => {
  it('rolls that append back whole, while the appends committed with it in the same transaction stand', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ruamjai-partial-'));
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const event = () => ({ id: randomUUID(), type: 'Happened', data: {} });
    const [a, b] = [event(), event()];
    // The third event repeats the first one's id: the writer refuses it after two were written.
    const outcomes = await Promise.allSettled([
      store.append('before', [event()], { expected: 'no_stream' }),
      store.append('broken', [a, b, a], { expected: 'no_stream' }),
      store.append('after', [event(), event()], { expected: 'no_stream' }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const all = [];
    for await (const e of store.readAll()) all.push(e);
    expect(all.map((e) => e.streamId)).toEqual(['before', 'after', 'after']);
    // Positions stay gap-free, and the refused ids are free to use.
    expect(all.map((e) => e.position)).toEqual([1n, 2n, 3n]);
    await expect(store.append('broken', [a, b], { expected: 'no_stream' })).resolves.toMatchObject({
      nextExpectedRevision: 1n,
      position: 5n,
    });
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

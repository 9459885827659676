import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTs } from '../../../../test/support/child-process';
import { InvalidAppend, StreamDeleted, StreamNotFound, WrongExpectedVersion } from '../event-store.errors';
import { collect } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

const event = (n = 0) => ({ id: randomUUID(), type: 'Happened', data: { n } });
const events = (count: number) => Array.from({ length: count }, (_, n) => event(n));

/** What the embedded store promises beyond the port's contract: its file, its threads, its process. */
describe('the embedded SQLite event store', () => {
  jest.setTimeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ruamjai-store-rules-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the folders of its file, open to its owner only', async () => {
    const file = join(dir, 'data', 'province', 'events.sqlite');
    const store = SqliteEventStore.open({ file });
    await store.append('s', [event()], { expected: 'no_stream' });
    await store.close();
    expect(statSync(join(dir, 'data', 'province')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'data')).mode & 0o777).toBe(0o700);
  });

  it('opened read-only, reads and subscribes but refuses every write', async () => {
    const file = join(dir, 'events.sqlite');
    const writer = SqliteEventStore.open({ file });
    await writer.append('s', events(2), { expected: 'no_stream' });
    const reader = SqliteEventStore.open({ file, readOnly: true });
    expect((await collect(reader.readStream('s'))).map((e) => e.revision)).toEqual([0n, 1n]);
    await expect(reader.append('s', [event()], { expected: 'any' })).rejects.toThrow('read-only');
    await expect(reader.deleteStream('s', { expected: 'any' })).rejects.toThrow('read-only');
    await expect(reader.tombstoneStream('s', { expected: 'any' })).rejects.toThrow('read-only');
    await expect(reader.setStreamMetadata('s', { maxCount: 1 })).rejects.toThrow('read-only');
    expect((await collect(reader.readStream('s'))).map((e) => e.revision)).toEqual([0n, 1n]);
    // A write of another process reaches a read-only subscriber (by polling).
    const polling = SqliteEventStore.open({ file, readOnly: true, pollIntervalMs: 20 });
    const sub = polling.subscribeToAll({ from: { after: 2n } });
    const later = event();
    await writer.append('s', [later], { expected: 1n });
    for await (const message of sub) if (message.kind === 'event') break;
    await sub.unsubscribe();
    await Promise.all([reader.close(), polling.close(), writer.close()]);
  });

  it('once closed, refuses writes and pings, and closing again is harmless', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    await store.append('s', [event()], { expected: 'no_stream' });
    await store.ping();
    await store.close();
    await store.close();
    await expect(store.append('s', [event()], { expected: 'any' })).rejects.toThrow('closed');
    await expect(store.ping()).rejects.toThrow();
  });

  it('keeps deduplicating every append of a log written before only first ids were indexed', async () => {
    const file = join(dir, 'events.sqlite');
    const [a, b, c] = events(3);
    let store = SqliteEventStore.open({ file });
    await store.append('s', [a, b], { expected: 'no_stream' });
    await store.append('s', [c], { expected: 1n });
    await store.close();
    // The layout before: every event id in a unique index of the events table, no append_ids.
    const old = new Database(file);
    old.exec('DELETE FROM append_ids; CREATE UNIQUE INDEX events_by_stream_event_id ON events (stream_id, event_id);');
    old.close();
    store = SqliteEventStore.open({ file });
    await expect(store.append('s', [a, b], { expected: 'no_stream' })).resolves.toMatchObject({
      nextExpectedRevision: 1n,
      position: 2n,
    });
    await expect(store.append('s', [b], { expected: 0n })).resolves.toMatchObject({ nextExpectedRevision: 1n });
    await expect(store.append('s', [c], { expected: 'any' })).resolves.toMatchObject({ nextExpectedRevision: 2n });
    expect(await collect(store.readStream('s'))).toHaveLength(3);
    await store.close();
    const upgraded = new Database(file, { readonly: true });
    const indexes = upgraded.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all();
    upgraded.close();
    expect(indexes).not.toContain('events_by_stream_event_id');
  });

  it('takes the rest of an earlier append, sent again at its own revision, as a retry', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const [a, b, c] = events(3);
    await store.append('s', [a, b, c], { expected: 'no_stream' });
    await expect(store.append('s', [b, c], { expected: 0n })).resolves.toMatchObject({
      nextExpectedRevision: 2n,
      position: 3n,
    });
    await expect(store.append('s', [c], { expected: 1n })).resolves.toMatchObject({ nextExpectedRevision: 2n });
    await expect(store.append('s', [c], { expected: 0n })).rejects.toBeInstanceOf(WrongExpectedVersion);
    expect(await collect(store.readStream('s'))).toHaveLength(3);
    await store.close();
  });

  it('takes stored events sent again at another expected state as a conflict, not a retry: an event id names one event of its stream', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const [a, b] = events(2);
    await store.append('s', [a], { expected: 'no_stream' });
    // The stream is at revision 0, as this states; but a's first attempt stated no stream.
    const again = await store.append('s', [a], { expected: 0n }).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(WrongExpectedVersion);
    expect(again).toMatchObject({ streamId: 's', expected: 0n, actual: 0n });
    await store.append('s', [b], { expected: 'stream_exists' });
    // The state each first attempt stated, or any, makes them retries.
    await expect(store.append('s', [b], { expected: 'stream_exists' })).resolves.toMatchObject({
      nextExpectedRevision: 1n,
    });
    await expect(store.append('s', [b], { expected: 0n })).resolves.toMatchObject({ nextExpectedRevision: 1n });
    await expect(store.append('s', [a], { expected: 'any' })).resolves.toMatchObject({ nextExpectedRevision: 0n });
    // b did not open the stream, nor did it follow revision 5.
    await expect(store.append('s', [b], { expected: 'no_stream' })).rejects.toMatchObject({
      name: 'WrongExpectedVersion',
      actual: 1n,
    });
    await expect(store.append('s', [b], { expected: 5n })).rejects.toBeInstanceOf(WrongExpectedVersion);
    expect((await collect(store.readStream('s'))).map((e) => e.id)).toEqual([a.id, b.id]);
    await store.close();
  });

  it('keeps a stream tombstoned before it was ever written from being written or read for ever', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    await store.tombstoneStream('never', { expected: 'any' });
    await expect(store.append('never', [event()], { expected: 'any' })).rejects.toBeInstanceOf(StreamDeleted);
    await expect(collect(store.readStream('never'))).rejects.toBeInstanceOf(StreamDeleted);
    await store.close();
  });

  it('refuses an append that carries one event id twice, and stores none of it', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const [a, b] = events(2);
    await expect(store.append('s', [a, b, a], { expected: 'no_stream' })).rejects.toThrow(/appears twice/);
    await expect(collect(store.readStream('s'))).rejects.toBeInstanceOf(StreamNotFound);
    await store.close();
  });

  it('has no head position while empty, and the last position once written', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    expect(await store.headPosition()).toBeUndefined();
    const written = await store.append('s', events(3), { expected: 'no_stream' });
    expect(await store.headPosition()).toBe(written.position);
    expect(written.position).toBe(3n);
    await store.close();
  });

  it('refuses an empty stream id, a metadata stream, an event id that is not a UUID and an empty event type', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    await expect(store.append('', [event()], { expected: 'any' })).rejects.toBeInstanceOf(InvalidAppend);
    await expect(store.append('$$s', [event()], { expected: 'any' })).rejects.toBeInstanceOf(InvalidAppend);
    await expect(store.deleteStream('$$s', { expected: 'any' })).rejects.toBeInstanceOf(InvalidAppend);
    await expect(store.tombstoneStream('', { expected: 'any' })).rejects.toBeInstanceOf(InvalidAppend);
    await expect(store.setStreamMetadata('$$s', { maxCount: 1 })).rejects.toBeInstanceOf(InvalidAppend);
    await expect(
      store.append('s', [{ id: 'not-a-uuid', type: 'Happened', data: {} }], { expected: 'any' }),
    ).rejects.toBeInstanceOf(InvalidAppend);
    await expect(
      store.append('s', [{ id: randomUUID(), type: '', data: {} }], { expected: 'any' }),
    ).rejects.toBeInstanceOf(InvalidAppend);
    // A stream id that starts with a single $ is an ordinary (system) stream.
    await expect(store.append('$s', [event()], { expected: 'no_stream' })).resolves.toMatchObject({
      nextExpectedRevision: 0n,
    });
    await expect(collect(store.readAll())).resolves.toHaveLength(1);
    await store.close();
  });

  it('stores an event without data or metadata as null data and empty metadata', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    await store.append('s', [{ id: randomUUID(), type: 'Bare' } as never], { expected: 'no_stream' });
    const [recorded] = await collect(store.readStream('s'));
    expect(recorded.data).toBeNull();
    expect(recorded.metadata).toEqual({});
    await store.close();
  });

  it('reads a stream from its ends and across pages in both directions, and $all across pages in both directions', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    await store.append('long', events(1100), { expected: 'no_stream' });
    const revisions = async (options: Parameters<typeof store.readStream>[1]) =>
      (await collect(store.readStream('long', options))).map((e) => Number(e.revision));
    const down = Array.from({ length: 1100 }, (_, i) => 1099 - i);
    expect(await revisions({ direction: 'backwards' })).toEqual(down);
    expect(await revisions({ direction: 'backwards', fromRevision: 'end', maxCount: 2 })).toEqual([1099, 1098]);
    expect(await revisions({ direction: 'backwards', fromRevision: 'start' })).toEqual([0]);
    expect(await revisions({ fromRevision: 'start', maxCount: 2 })).toEqual([0, 1]);
    expect(await revisions({ fromRevision: 'end' })).toEqual([]);
    expect(await revisions({ fromRevision: 1090n })).toEqual([
      1090, 1091, 1092, 1093, 1094, 1095, 1096, 1097, 1098, 1099,
    ]);
    expect(await revisions({ fromRevision: 1000n, maxCount: 600 })).toHaveLength(100);
    const positions = async (options: Parameters<typeof store.readAll>[0]) =>
      (await collect(store.readAll(options))).map((e) => Number(e.position));
    expect(await positions({})).toEqual(Array.from({ length: 1100 }, (_, i) => i + 1));
    expect(await positions({ direction: 'backwards' })).toEqual(down.map((r) => r + 1));
    expect(await positions({ direction: 'backwards', fromPosition: 'end', maxCount: 1 })).toEqual([1100]);
    expect(await positions({ direction: 'backwards', fromPosition: 'start' })).toEqual([]);
    expect(await positions({ fromPosition: 'end' })).toEqual([]);
    expect(await positions({ fromPosition: 'start', maxCount: 3 })).toEqual([1, 2, 3]);
    expect(await positions({ fromPosition: 1099n })).toEqual([1099, 1100]);
    expect(await positions({ direction: 'backwards', fromPosition: 600n, maxCount: 700 })).toEqual(
      Array.from({ length: 600 }, (_, i) => 600 - i),
    );
    await store.close();
  });

  it('reads a stream from below its truncation point as from that point, and a stream with only metadata as not found', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    await store.append('s', events(6), { expected: 'no_stream' });
    await store.setStreamMetadata('s', { truncateBefore: 4n });
    expect((await collect(store.readStream('s', { fromRevision: 1n }))).map((e) => e.revision)).toEqual([4n, 5n]);
    expect((await collect(store.readStream('s', { direction: 'backwards' }))).map((e) => e.revision)).toEqual([5n, 4n]);
    await store.setStreamMetadata('s', { maxCount: 1 });
    expect((await collect(store.readStream('s'))).map((e) => e.revision)).toEqual([5n]);
    await store.setStreamMetadata('only-metadata', { custom: { note: 'prepared' } });
    await expect(collect(store.readStream('only-metadata'))).rejects.toBeInstanceOf(StreamNotFound);
    await store.close();
  });

  it('gives back exactly the metadata it was given, and none for a stream without any', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    await store.append('s', [event()], { expected: 'no_stream' });
    expect(await store.getStreamMetadata('s')).toStrictEqual({
      streamId: 's',
      metadata: undefined,
      metadataRevision: undefined,
    });
    expect(await store.getStreamMetadata('never-written')).toStrictEqual({
      streamId: 'never-written',
      metadata: undefined,
      metadataRevision: undefined,
    });
    await store.setStreamMetadata('s', { maxAge: 3600 });
    expect(await store.getStreamMetadata('s')).toStrictEqual({
      streamId: 's',
      metadata: { maxAge: 3600 },
      metadataRevision: 0n,
    });
    await store.setStreamMetadata('s', { maxCount: 7, truncateBefore: 0n, custom: { owner: 'PSDHS-SK' } });
    expect(await store.getStreamMetadata('s')).toStrictEqual({
      streamId: 's',
      metadata: { maxCount: 7, truncateBefore: 0n, custom: { owner: 'PSDHS-SK' } },
      metadataRevision: 1n,
    });
    await store.tombstoneStream('s', { expected: 'any' });
    await expect(store.getStreamMetadata('s')).rejects.toBeInstanceOf(StreamDeleted);
    await store.close();
  });

  it("ends a subscriber's loop as soon as it unsubscribes, even while the subscription waits for new events", async () => {
    // A long poll interval: only the unsubscribe itself can end the wait.
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), pollIntervalMs: 60_000 });
    await store.append('s', events(2), { expected: 'no_stream' });
    const sub = store.subscribeToAll({ from: 'start' });
    const kinds: string[] = [];
    let caughtUp!: () => void;
    const isCaughtUp = new Promise<void>((resolve) => (caughtUp = resolve));
    const loop = (async () => {
      for await (const message of sub) {
        kinds.push(message.kind);
        if (message.kind === 'caughtUp') caughtUp();
      }
      return 'ended';
    })();
    await isCaughtUp;
    const started = Date.now();
    await sub.unsubscribe();
    await expect(Promise.race([loop, new Promise((r) => setTimeout(() => r('still waiting'), 5_000))])).resolves.toBe(
      'ended',
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(kinds).toEqual(['event', 'event', 'caughtUp']);
    await store.close();
  });

  it('delivers nothing more once unsubscribed, not even the rest of the page it was reading', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const [first] = events(3);
    await store.append('s', [first, ...events(2)], { expected: 'no_stream' });
    const sub = store.subscribeToAll({ from: 'start' });
    const iterator = sub[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ kind: 'event', event: { id: first.id } });
    await sub.unsubscribe();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    await store.close();
  });

  it('signals caught up only after every past event, however many pages they fill', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    for (let i = 0; i < 3; i++) await store.append(`s-${i}`, events(900), { expected: 'no_stream' });
    const sub = store.subscribeToAll({ from: 'start' });
    let delivered = 0;
    for await (const message of sub) {
      if (message.kind === 'caughtUp') {
        expect(message.position).toBe(2700n);
        break;
      }
      delivered++;
    }
    expect(delivered).toBe(2700);
    await sub.unsubscribe();
    // On an empty log it is caught up at once, at no position.
    const empty = SqliteEventStore.open({ file: join(dir, 'empty.sqlite') });
    const onEmpty = empty.subscribeToAll({ from: 'start' })[Symbol.asyncIterator]();
    expect((await onEmpty.next()).value).toEqual({ kind: 'caughtUp', position: undefined });
    await onEmpty.return?.();
    await empty.close();
    await store.close();
  });

  it("tells a subscriber of its own writer's commit at once, not at the next poll", async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), pollIntervalMs: 60_000 });
    // The writer thread is started and warm before the subscription begins to wait.
    const warm = await store.append('warm', events(1), { expected: 'no_stream' });
    const sub = store.subscribeToAll({ from: { after: warm.position } });
    const iterator = sub[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ kind: 'caughtUp', position: warm.position });
    const next = iterator.next();
    const [written] = events(1);
    await store.append('s', [written], { expected: 'no_stream' });
    const late = new Promise((r) => setTimeout(() => r('not told'), 5_000));
    expect(await Promise.race([next.then((n) => n.value), late])).toMatchObject({
      kind: 'event',
      event: { id: written.id },
    });
    // Caught up once: the live events that follow come without another caught-up signal.
    const following = iterator.next();
    const [later] = events(1);
    await store.append('s', [later], { expected: 0n });
    expect((await following).value).toMatchObject({ kind: 'event', event: { id: later.id } });
    await sub.unsubscribe();
    await store.close();
  });

  it('delivers an event committed while its subscriber was busy with an earlier one without waiting for the poll', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), pollIntervalMs: 60_000 });
    const [first, second] = events(2);
    await store.append('s', [first], { expected: 'no_stream' });
    const sub = store.subscribeToAll({ from: 'start' });
    const iterator = sub[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ kind: 'event', event: { id: first.id } });
    // Busy with the first event, the subscriber's own command commits the second.
    await store.append('s', [second], { expected: 0n });
    expect((await iterator.next()).value).toEqual({ kind: 'caughtUp', position: 1n });
    const late = new Promise((r) => setTimeout(() => r('not delivered'), 5_000));
    expect(await Promise.race([iterator.next().then((n) => n.value), late])).toMatchObject({
      kind: 'event',
      event: { id: second.id },
    });
    await sub.unsubscribe();
    await store.close();
  });

  it("lets an idle store's process end by itself, and keeps it alive until every write under way is committed", async () => {
    const file = join(dir, 'events.sqlite');
    // This process opens it first (the schema), writes and leaves it open: a test run never hangs on it.
    const store = SqliteEventStore.open({ file });
    await store.append('s', [event()], { expected: 'no_stream' });
    const exit = (child: ReturnType<typeof spawnTs>) =>
      new Promise<number | null>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`still running after 30 s; printed ${child.lines.length} lines`)),
          30_000,
        );
        child.process.once('exit', (code) => {
          clearTimeout(timer);
          resolve(code);
        });
      });
    const idle = spawnTs('test/support/store-process.ts', [file, 'idle']);
    try {
      expect(await exit(idle)).toBe(0);
    } finally {
      await idle.kill();
    }
    expect(idle.lines).toEqual(['opened']);
    const writes = spawnTs('test/support/store-process.ts', [file, 'writes', '300']);
    try {
      expect(await exit(writes)).toBe(0);
    } finally {
      await writes.kill();
    }
    expect(writes.lines.filter((l) => l === 'committed')).toHaveLength(300);
    expect(await collect(store.readAll())).toHaveLength(301);
    await store.close();
  });
});

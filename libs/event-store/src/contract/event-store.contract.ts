import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { StreamDeleted, StreamNotFound, WrongExpectedVersion } from '../event-store.errors';
import {
  collect,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
  type SubscriptionMessage,
} from '../event-store.port';

export interface ContractHarness {
  readonly store: EventStore;
  /** Closes the store and opens it again on the same data (a restart); later tests use the new one. */
  reopen(): Promise<EventStore>;
  dispose(): Promise<void>;
}

/**
 * The rules of shared/EVENT-STORE-SEMANTICS.md, run against any adapter. Stream names are unique per
 * test so the suite also runs against a shared server.
 */
export function describeEventStoreContract(adapter: string, open: () => Promise<ContractHarness>): void {
  describe(`event store contract: ${adapter}`, () => {
    let harness: ContractHarness;
    let store: EventStore;
    beforeAll(async () => {
      harness = await open();
      store = harness.store;
    });
    afterAll(async () => harness?.dispose());

    const stream = (name = 'contract') => `${name}-${randomUUID()}`;
    const event = (type = 'Happened', data: unknown = { n: 1 }): NewEvent => ({
      id: randomUUID(),
      type,
      data,
      metadata: { actorId: 'tester' },
    });
    const events = (n: number, type = 'Happened') => Array.from({ length: n }, (_, i) => event(type, { n: i }));
    const read = (id: string) => collect(store.readStream(id));
    const expectWrongVersion = async (promise: Promise<unknown>, streamId: string, actual: bigint | 'no_stream') => {
      const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WrongExpectedVersion);
      expect((error as WrongExpectedVersion).streamId).toBe(streamId);
      expect((error as WrongExpectedVersion).actual).toBe(actual);
      return error as WrongExpectedVersion;
    };

    describe('append with an expected state', () => {
      it('gives the first event of a stream revision 0 and keeps revisions dense', async () => {
        const id = stream();
        await store.append(id, events(2), { expected: 'no_stream' });
        await store.append(id, events(3), { expected: 1n });
        expect((await read(id)).map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
      });

      it('accepts any and no_stream on a new stream', async () => {
        const a = stream();
        const b = stream();
        await expect(store.append(a, events(1), { expected: 'any' })).resolves.toMatchObject({
          nextExpectedRevision: 0n,
        });
        await expect(store.append(b, events(1), { expected: 'no_stream' })).resolves.toMatchObject({
          nextExpectedRevision: 0n,
        });
      });

      it('refuses stream_exists on a new stream, reporting no_stream', async () => {
        const id = stream();
        const error = await expectWrongVersion(
          store.append(id, events(1), { expected: 'stream_exists' }),
          id,
          'no_stream',
        );
        expect(error.expected).toBe('stream_exists');
      });

      it('refuses an exact revision on a new stream', async () => {
        const id = stream();
        const error = await expectWrongVersion(store.append(id, events(1), { expected: 0n }), id, 'no_stream');
        expect(error.expected).toBe(0n);
      });

      it('accepts an exact revision only when it is the last revision', async () => {
        const id = stream();
        await store.append(id, events(3), { expected: 'no_stream' });
        await expectWrongVersion(store.append(id, events(1), { expected: 1n }), id, 2n);
        await expectWrongVersion(store.append(id, events(1), { expected: 5n }), id, 2n);
        await expect(store.append(id, events(1), { expected: 2n })).resolves.toMatchObject({
          nextExpectedRevision: 3n,
        });
      });

      it('checks the expected state of an append of no events, and writes nothing', async () => {
        const id = stream();
        await store.append(id, events(2), { expected: 'no_stream' });
        const head = await store.headPosition();
        await expectWrongVersion(store.append(id, [], { expected: 0n }), id, 1n);
        await expectWrongVersion(store.append(id, [], { expected: 'no_stream' }), id, 1n);
        await expect(store.append(id, [], { expected: 1n })).resolves.toMatchObject({ nextExpectedRevision: 1n });
        await expect(store.append(id, [], { expected: 'stream_exists' })).resolves.toMatchObject({
          nextExpectedRevision: 1n,
        });
        expect((await read(id)).map((e) => e.revision)).toEqual([0n, 1n]);
        expect(await store.headPosition()).toBe(head);
      });

      it('refuses no_stream on a stream that has events', async () => {
        const id = stream();
        await store.append(id, events(1), { expected: 'no_stream' });
        await expectWrongVersion(store.append(id, events(1), { expected: 'no_stream' }), id, 0n);
      });

      it('accepts stream_exists on a stream that has events', async () => {
        const id = stream();
        await store.append(id, events(1), { expected: 'no_stream' });
        await expect(store.append(id, events(1), { expected: 'stream_exists' })).resolves.toMatchObject({
          nextExpectedRevision: 1n,
        });
      });

      it('refuses stream_exists on a soft-deleted stream', async () => {
        const id = stream();
        await store.append(id, events(2), { expected: 'no_stream' });
        await store.deleteStream(id, { expected: 1n });
        await expectWrongVersion(store.append(id, events(1), { expected: 'stream_exists' }), id, 1n);
      });

      it('changes nothing when it refuses an append, so the next correct append succeeds densely', async () => {
        const id = stream();
        await store.append(id, events(2), { expected: 'no_stream' });
        const headBefore = await store.headPosition();
        await expectWrongVersion(store.append(id, events(3), { expected: 0n }), id, 1n);
        await expectWrongVersion(store.append(id, events(3), { expected: 'no_stream' }), id, 1n);
        expect(await store.headPosition()).toBe(headBefore);
        await store.append(id, events(1), { expected: 1n });
        expect((await read(id)).map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      });

      it('stores all events of one append or none', async () => {
        const id = stream();
        await store.append(id, events(1), { expected: 'no_stream' });
        const batch = events(5);
        await expectWrongVersion(store.append(id, batch, { expected: 3n }), id, 0n);
        expect(await read(id)).toHaveLength(1);
        await store.append(id, batch, { expected: 0n });
        expect((await read(id)).map((e) => e.id)).toEqual([expect.any(String), ...batch.map((e) => e.id)]);
      });

      it('stores nothing of an append whose last event cannot be stored, and burns none of its ids', async () => {
        const id = stream();
        const head = await store.headPosition();
        const good = events(2);
        const bad: NewEvent = { id: randomUUID(), type: 'Happened', data: { amount: 10n } };
        await expect(store.append(id, [...good, bad], { expected: 'no_stream' })).rejects.toBeDefined();
        await expect(read(id)).rejects.toBeInstanceOf(StreamNotFound);
        expect(await store.headPosition()).toBe(head);
        const notUuid: NewEvent = { id: 'not-a-uuid', type: 'Happened', data: {} };
        await expect(store.append(id, [...good, notUuid], { expected: 'no_stream' })).rejects.toBeDefined();
        await expect(read(id)).rejects.toBeInstanceOf(StreamNotFound);
        await expect(store.append(id, good, { expected: 'no_stream' })).resolves.toMatchObject({
          nextExpectedRevision: 1n,
        });
        expect((await read(id)).map((e) => e.id)).toEqual(good.map((e) => e.id));
      });

      it('never stalls the event loop, however many appends are under way', async () => {
        let last = performance.now();
        let longestGap = 0;
        const timer = setInterval(() => {
          const now = performance.now();
          longestGap = Math.max(longestGap, now - last);
          last = now;
        }, 2);
        const started = performance.now();
        try {
          // Twenty appenders, each appending thirty times in a row to its own stream.
          await Promise.all(
            Array.from({ length: 20 }, async () => {
              const id = stream('loop');
              for (let i = 0; i < 30; i++)
                await store.append(id, events(5, 'Loaded'), { expected: i === 0 ? 'no_stream' : BigInt(i * 5 - 1) });
            }),
          );
        } finally {
          clearInterval(timer);
        }
        const elapsed = performance.now() - started;
        // An adapter that wrote on the caller's thread would hold the loop for the whole burst (its
        // appends settle at once, so the appenders never yield to timers); a timer keeps firing here.
        expect(longestGap).toBeLessThan(Math.max(250, elapsed / 3));
      });

      it('returns the next expected revision and the position of the last event', async () => {
        const id = stream();
        const result = await store.append(id, events(3), { expected: 'no_stream' });
        const stored = await read(id);
        expect(result.nextExpectedRevision).toBe(2n);
        expect(result.position).toBe(stored[2].position);
      });

      it('makes contention on one stream a WrongExpectedVersion and nothing else', async () => {
        const id = stream();
        await store.append(id, events(1), { expected: 'no_stream' });
        const outcomes = await Promise.allSettled(
          Array.from({ length: 20 }, () => store.append(id, events(1), { expected: 0n })),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.every((o) => o.reason instanceof WrongExpectedVersion)).toBe(true);
        expect(await read(id)).toHaveLength(2);
      });

      it('lets many concurrent appenders on distinct streams all succeed without busy errors', async () => {
        const ids = Array.from({ length: 64 }, () => stream('concurrent'));
        const results = await Promise.all(ids.map((id) => store.append(id, events(2), { expected: 'no_stream' })));
        expect(results.every((r) => r.nextExpectedRevision === 1n)).toBe(true);
        const positions = results.map((r) => r.position);
        expect(new Set(positions.map(String)).size).toBe(64);
      });
    });

    describe('idempotent retry by event id', () => {
      it('returns the original result and writes nothing when the same events are appended again', async () => {
        const id = stream();
        await store.append(id, events(1), { expected: 'no_stream' });
        const batch = events(3);
        const first = await store.append(id, batch, { expected: 0n });
        const again = await store.append(id, batch, { expected: 0n });
        expect(again).toEqual(first);
        expect(await read(id)).toHaveLength(4);
      });

      it('treats a retry with no_stream as idempotent too', async () => {
        const id = stream();
        const batch = events(2);
        const first = await store.append(id, batch, { expected: 'no_stream' });
        await expect(store.append(id, batch, { expected: 'no_stream' })).resolves.toEqual(first);
        expect(await read(id)).toHaveLength(2);
      });

      it('refuses a retry whose first id matches but a later one differs', async () => {
        const id = stream();
        const batch = events(3);
        await store.append(id, batch, { expected: 'no_stream' });
        const changed = [batch[0], event(), batch[2]];
        await expectWrongVersion(store.append(id, changed, { expected: 'no_stream' }), id, 2n);
        expect(await read(id)).toHaveLength(3);
      });

      it('treats a retry with any as idempotent too', async () => {
        const id = stream();
        await store.append(id, events(2), { expected: 'no_stream' });
        const batch = events(3);
        const first = await store.append(id, batch, { expected: 'any' });
        await expect(store.append(id, batch, { expected: 'any' })).resolves.toEqual(first);
        expect(await read(id)).toHaveLength(5);
      });

      it('keeps deduplicating after the store is reopened, for exact revisions, no_stream and any', async () => {
        const exact = stream();
        const fresh = stream();
        const anyState = stream();
        await store.append(exact, events(1), { expected: 'no_stream' });
        const exactBatch = events(2);
        const freshBatch = events(2);
        const anyBatch = events(2);
        const results = [
          await store.append(exact, exactBatch, { expected: 0n }),
          await store.append(fresh, freshBatch, { expected: 'no_stream' }),
          await store.append(anyState, anyBatch, { expected: 'any' }),
        ];
        const head = await store.headPosition();
        store = await harness.reopen();
        expect(await store.append(exact, exactBatch, { expected: 0n })).toEqual(results[0]);
        expect(await store.append(fresh, freshBatch, { expected: 'no_stream' })).toEqual(results[1]);
        expect(await store.append(anyState, anyBatch, { expected: 'any' })).toEqual(results[2]);
        expect(await store.headPosition()).toBe(head);
        expect((await read(exact)).map((e) => e.id)).toEqual([expect.any(String), ...exactBatch.map((e) => e.id)]);
        expect((await read(fresh)).map((e) => e.id)).toEqual(freshBatch.map((e) => e.id));
        expect((await read(anyState)).map((e) => e.id)).toEqual(anyBatch.map((e) => e.id));
      });

      it('deduplicates per stream: the same id may be written to another stream', async () => {
        const shared = event();
        const a = stream();
        const b = stream();
        await store.append(a, [shared], { expected: 'no_stream' });
        await store.append(b, [shared], { expected: 'no_stream' });
        expect(await read(b)).toHaveLength(1);
      });
    });

    describe('reading', () => {
      it('records stream id, event id, revision, type, data, metadata, created time and position', async () => {
        const id = stream();
        const e = event('PlanDrafted', { title: 'แผน', amount: 120000 });
        const before = Date.now();
        await store.append(id, [e], { expected: 'no_stream' });
        const [recorded] = await read(id);
        expect(recorded).toMatchObject({
          streamId: id,
          id: e.id,
          revision: 0n,
          type: 'PlanDrafted',
          data: { title: 'แผน', amount: 120000 },
          metadata: { actorId: 'tester' },
        });
        expect(recorded.created.getTime()).toBeGreaterThanOrEqual(before - 1000);
        expect(typeof recorded.position).toBe('bigint');
      });

      it('reads a stream forwards and backwards, from a revision, with a max count', async () => {
        const id = stream();
        await store.append(id, events(10), { expected: 'no_stream' });
        const revs = (list: RecordedEvent[]) => list.map((e) => Number(e.revision));
        expect(revs(await collect(store.readStream(id, { fromRevision: 3n, maxCount: 4 })))).toEqual([3, 4, 5, 6]);
        expect(revs(await collect(store.readStream(id, { direction: 'backwards', maxCount: 3 })))).toEqual([9, 8, 7]);
        expect(
          revs(await collect(store.readStream(id, { direction: 'backwards', fromRevision: 4n, maxCount: 10 }))),
        ).toEqual([4, 3, 2, 1, 0]);
        expect(revs(await collect(store.readStream(id, { fromRevision: 'end' })))).toEqual([]);
      });

      it('reads a stream longer than one page in order', async () => {
        const id = stream();
        await store.append(id, events(1200), { expected: 'no_stream' });
        const all = await read(id);
        expect(all).toHaveLength(1200);
        expect(all.every((e, i) => e.revision === BigInt(i))).toBe(true);
      });

      it('says StreamNotFound for a missing stream', async () => {
        await expect(read(stream())).rejects.toBeInstanceOf(StreamNotFound);
      });

      it('orders $all by position, increasing in commit order, forwards and backwards from a position', async () => {
        const a = stream();
        const b = stream();
        const r1 = await store.append(a, events(2), { expected: 'no_stream' });
        const r2 = await store.append(b, events(2), { expected: 'no_stream' });
        const r3 = await store.append(a, events(1), { expected: 1n });
        expect(r1.position < r2.position && r2.position < r3.position).toBe(true);
        const forwards = await collect(store.readAll({ fromPosition: r1.position, maxCount: 100 }));
        const mine = forwards.filter((e) => e.streamId === a || e.streamId === b);
        expect(mine.map((e) => `${e.streamId === a ? 'a' : 'b'}${e.revision}`)).toEqual(['a1', 'b0', 'b1', 'a2']);
        for (let i = 1; i < forwards.length; i++) expect(forwards[i].position > forwards[i - 1].position).toBe(true);
        const backwards = await collect(
          store.readAll({ direction: 'backwards', fromPosition: r3.position, maxCount: 2 }),
        );
        expect(backwards[0].position).toBe(r3.position);
        expect(backwards[1].position < r3.position).toBe(true);
      });

      it('reads $all from its ends: nothing forwards from the end or backwards from the start, the newest first backwards from the end', async () => {
        const written = await store.append(stream(), events(1), { expected: 'no_stream' });
        expect(await collect(store.readAll({ fromPosition: 'end', maxCount: 10 }))).toEqual([]);
        expect(await collect(store.readAll({ fromPosition: 'start', direction: 'backwards', maxCount: 10 }))).toEqual(
          [],
        );
        // A server may write its own ($-typed) events meanwhile: the newest of ours is the one just written.
        const newest = (
          await collect(store.readAll({ fromPosition: 'end', direction: 'backwards', maxCount: 50 }))
        ).filter((e) => !e.type.startsWith('$'));
        expect(newest[0].position).toBe(written.position);
        const oldest = (await collect(store.readAll({ fromPosition: 'start', maxCount: 50 }))).filter(
          (e) => !e.type.startsWith('$'),
        );
        expect(oldest[0].position <= written.position).toBe(true);
      });
    });

    describe('deletion', () => {
      it('soft delete makes the stream read as not found, while $all keeps its events', async () => {
        const id = stream();
        const written = await store.append(id, events(2), { expected: 'no_stream' });
        await store.deleteStream(id, { expected: 1n });
        await expect(read(id)).rejects.toBeInstanceOf(StreamNotFound);
        const all = await collect(store.readAll({ fromPosition: written.position, maxCount: 1 }));
        expect(all[0].streamId).toBe(id);
      });

      it('after a soft delete, an append continues at last revision + 1 and only new events are visible', async () => {
        const id = stream();
        await store.append(id, events(3), { expected: 'no_stream' });
        await store.deleteStream(id, { expected: 'any' });
        const result = await store.append(id, events(2), { expected: 'any' });
        expect(result.nextExpectedRevision).toBe(4n);
        expect((await read(id)).map((e) => e.revision)).toEqual([3n, 4n]);
      });

      it('soft delete checks its expected revision', async () => {
        const id = stream();
        await store.append(id, events(2), { expected: 'no_stream' });
        await expectWrongVersion(store.deleteStream(id, { expected: 0n }), id, 1n);
        await expect(read(id)).resolves.toHaveLength(2);
      });

      // KurrentDB refuses it since 21.10 (kurrent-io/KurrentDB#3154; #4637 asks for `any` to pass).
      it('refuses a soft delete of a stream never written, whatever the expected state, and creates nothing', async () => {
        const id = stream();
        for (const expected of ['any', 'no_stream', 'stream_exists', 0n] as const) {
          const error = await expectWrongVersion(store.deleteStream(id, { expected }), id, 'no_stream');
          expect(error.expected).toBe(expected);
        }
        await expect(store.append(id, events(1), { expected: 'no_stream' })).resolves.toMatchObject({
          nextExpectedRevision: 0n,
        });
        expect((await read(id)).map((e) => e.revision)).toEqual([0n]);
      });

      it('a tombstoned stream can never be read or written again', async () => {
        const id = stream();
        await store.append(id, events(1), { expected: 'no_stream' });
        await store.tombstoneStream(id, { expected: 0n });
        await expect(read(id)).rejects.toBeInstanceOf(StreamDeleted);
        await expect(store.append(id, events(1), { expected: 'any' })).rejects.toBeInstanceOf(StreamDeleted);
        await expect(store.append(id, events(1), { expected: 'no_stream' })).rejects.toBeInstanceOf(StreamDeleted);
        await expect(store.tombstoneStream(id, { expected: 'any' })).rejects.toBeInstanceOf(StreamDeleted);
      });
    });

    describe('stream metadata', () => {
      it('stores custom keys and reads them back with the metadata revision', async () => {
        const id = stream();
        await store.append(id, events(1), { expected: 'no_stream' });
        await expect(
          store.setStreamMetadata(id, { custom: { classification: 'personal', owner: 'PSDHS-SK' } }),
        ).resolves.toMatchObject({ nextExpectedRevision: 0n });
        const result = await store.getStreamMetadata(id);
        expect(result.metadata?.custom).toEqual({ classification: 'personal', owner: 'PSDHS-SK' });
        expect(result.metadataRevision).toBe(0n);
        // Each setting is the next revision of the metadata stream, and says so.
        await expect(store.setStreamMetadata(id, { custom: { owner: 'IMM-SK' } })).resolves.toMatchObject({
          nextExpectedRevision: 1n,
        });
        expect((await store.getStreamMetadata(id)).metadataRevision).toBe(1n);
      });

      it('checks the expected revision of the metadata stream', async () => {
        const id = stream();
        await store.setStreamMetadata(id, { maxCount: 10 }, { expected: 'no_stream' });
        await expectWrongVersion(
          store.setStreamMetadata(id, { maxCount: 5 }, { expected: 'no_stream' }),
          `$$${id}`,
          0n,
        );
        await store.setStreamMetadata(id, { maxCount: 5 }, { expected: 0n });
        expect((await store.getStreamMetadata(id)).metadata?.maxCount).toBe(5);
      });

      it('applies maxCount when reading the stream, not when reading $all', async () => {
        const id = stream();
        const start = await store.headPosition();
        await store.append(id, events(5), { expected: 'no_stream' });
        await store.setStreamMetadata(id, { maxCount: 2 });
        expect((await read(id)).map((e) => e.revision)).toEqual([3n, 4n]);
        const all = await collect(
          store.readAll({ fromPosition: start === undefined ? 'start' : start, maxCount: 1000 }),
        );
        expect(all.filter((e) => e.streamId === id)).toHaveLength(5);
      });

      it('applies truncate-before when reading the stream', async () => {
        const id = stream();
        await store.append(id, events(5), { expected: 'no_stream' });
        await store.setStreamMetadata(id, { truncateBefore: 3n });
        expect((await read(id)).map((e) => e.revision)).toEqual([3n, 4n]);
        expect((await store.getStreamMetadata(id)).metadata?.truncateBefore).toBe(3n);
      });

      it('applies maxAge when reading the stream', async () => {
        const id = stream();
        await store.append(id, events(2), { expected: 'no_stream' });
        await store.setStreamMetadata(id, { maxAge: 1 });
        expect(await read(id)).toHaveLength(2);
        await new Promise((r) => setTimeout(r, 1100));
        expect(await read(id)).toHaveLength(0);
      });

      it('applies neither truncate-before nor maxAge when reading $all', async () => {
        const id = stream();
        const written = await store.append(id, events(4), { expected: 'no_stream' });
        await store.setStreamMetadata(id, { truncateBefore: 3n, maxAge: 1 });
        await new Promise((r) => setTimeout(r, 1100));
        expect(await read(id)).toHaveLength(0);
        const all = await collect(store.readAll({ fromPosition: 'end', direction: 'backwards', maxCount: 2000 }));
        expect(all.filter((e) => e.streamId === id).map((e) => e.revision)).toEqual([3n, 2n, 1n, 0n]);
        expect(all.some((e) => e.position === written.position)).toBe(true);
      });

      it('accepts stream_exists on a stream that has only metadata', async () => {
        const id = stream();
        await store.setStreamMetadata(id, { custom: { note: 'prepared' } });
        await expect(store.append(id, events(1), { expected: 'stream_exists' })).resolves.toMatchObject({
          nextExpectedRevision: 0n,
        });
      });
    });

    describe('against a model of the expected-state rules', () => {
      type Op =
        | {
            kind: 'append';
            stream: number;
            count: number;
            expected: 'any' | 'no_stream' | 'stream_exists' | { offset: number };
          }
        | { kind: 'delete'; stream: number }
        | { kind: 'tombstone'; stream: number };
      const op: fc.Arbitrary<Op> = fc.oneof(
        {
          weight: 8,
          arbitrary: fc.record({
            kind: fc.constant('append' as const),
            stream: fc.integer({ min: 0, max: 2 }),
            count: fc.integer({ min: 1, max: 3 }),
            expected: fc.oneof(
              fc.constant('any' as const),
              fc.constant('no_stream' as const),
              fc.constant('stream_exists' as const),
              fc.record({ offset: fc.integer({ min: -1, max: 1 }) }),
            ),
          }),
        },
        {
          weight: 1,
          arbitrary: fc.record({ kind: fc.constant('delete' as const), stream: fc.integer({ min: 0, max: 2 }) }),
        },
        {
          weight: 1,
          arbitrary: fc.record({ kind: fc.constant('tombstone' as const), stream: fc.integer({ min: 0, max: 2 }) }),
        },
      );

      it('agrees with the model on every outcome and on what each stream reads back', async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
            const names = [stream('model'), stream('model'), stream('model')];
            const model = names.map(() => ({ last: -1, tb: 0, soft: false, tomb: false, meta: false }));
            for (const o of ops) {
              const m = model[o.stream];
              const name = names[o.stream];
              if (o.kind !== 'append') {
                // Deletion is exercised on streams that have events (the server's behaviour on a never-written stream is not pinned down).
                if (m.last < 0 || m.tomb) continue;
                if (o.kind === 'delete') {
                  await store.deleteStream(name, { expected: 'any' });
                  Object.assign(m, { soft: true, tb: m.last + 1, meta: true });
                } else {
                  await store.tombstoneStream(name, { expected: 'any' });
                  m.tomb = true;
                }
                continue;
              }
              const expected =
                typeof o.expected === 'object' ? BigInt(Math.max(0, m.last + o.expected.offset)) : o.expected;
              const ok = m.tomb
                ? false
                : expected === 'any' ||
                  (expected === 'no_stream' && m.last < 0) ||
                  (expected === 'stream_exists' && !m.soft && (m.last >= 0 || m.meta)) ||
                  (typeof expected === 'bigint' && m.last >= 0 && expected === BigInt(m.last));
              const outcome = await store.append(name, events(o.count), { expected }).then(
                (r) => r,
                (e: unknown) => e,
              );
              if (m.tomb) {
                expect(outcome).toBeInstanceOf(StreamDeleted);
              } else if (ok) {
                expect(outcome).toMatchObject({ nextExpectedRevision: BigInt(m.last + o.count) });
                m.last += o.count;
                m.soft = false;
              } else {
                expect(outcome).toBeInstanceOf(WrongExpectedVersion);
                expect((outcome as WrongExpectedVersion).actual).toBe(m.last < 0 ? 'no_stream' : BigInt(m.last));
              }
            }
            for (let i = 0; i < names.length; i++) {
              const m = model[i];
              const result = await collect(store.readStream(names[i])).then(
                (r) => r,
                (e: unknown) => e,
              );
              if (m.tomb) expect(result).toBeInstanceOf(StreamDeleted);
              else if (m.last < 0 || m.soft) expect(result).toBeInstanceOf(StreamNotFound);
              else
                expect((result as RecordedEvent[]).map((e) => Number(e.revision))).toEqual(
                  Array.from({ length: m.last - m.tb + 1 }, (_, k) => m.tb + k),
                );
            }
          }),
          { numRuns: 60 },
        );
      });
    });

    describe('catch-up subscription to $all', () => {
      async function take(
        sub: AsyncIterable<SubscriptionMessage>,
        until: (seen: SubscriptionMessage[]) => boolean,
      ): Promise<SubscriptionMessage[]> {
        const seen: SubscriptionMessage[] = [];
        for await (const message of sub) {
          seen.push(message);
          if (until(seen)) break;
        }
        return seen;
      }
      const eventsOf = (messages: SubscriptionMessage[], streamId: string) =>
        messages.flatMap((m) => (m.kind === 'event' && m.event.streamId === streamId ? [m.event] : []));

      it('delivers past events in order, signals caught up, then delivers live events', async () => {
        const id = stream('sub');
        const start = await store.headPosition();
        await store.append(id, events(3), { expected: 'no_stream' });
        const sub = store.subscribeToAll({
          from: start === undefined ? 'start' : { after: start },
          filter: { streamPrefixes: [id] },
        });
        const seen: SubscriptionMessage[] = [];
        const done = take(sub, (s) => {
          seen.splice(0, seen.length, ...s);
          return eventsOf(s, id).length === 5;
        });
        await waitFor(() => seen.some((m) => m.kind === 'caughtUp'));
        await store.append(id, events(2), { expected: 2n });
        const messages = await done;
        await sub.unsubscribe();
        const kinds = messages.map((m) => (m.kind === 'caughtUp' ? 'caughtUp' : `e${m.event.revision}`));
        expect(kinds).toEqual(['e0', 'e1', 'e2', 'caughtUp', 'e3', 'e4']);
      });

      it('subscribes from the start of $all: the same first events as reading $all from the start', async () => {
        await store.append(stream('origin'), events(1), { expected: 'no_stream' });
        const first = (await collect(store.readAll({ fromPosition: 'start', maxCount: 50 })))
          .filter((e) => !e.type.startsWith('$'))
          .slice(0, 5);
        const sub = store.subscribeToAll({ from: 'start' });
        const messages = await take(
          sub,
          (s) => s.filter((m) => m.kind === 'event').length === first.length || s.some((m) => m.kind === 'caughtUp'),
        );
        await sub.unsubscribe();
        expect(messages.flatMap((m) => (m.kind === 'event' ? [m.event.id] : []))).toEqual(first.map((e) => e.id));
      });

      it('tells subscribers of an event only once it is committed, and never of a refused append', async () => {
        const id = stream('commit');
        const start = await store.headPosition();
        await store.append(id, events(1), { expected: 'no_stream' });
        const sub = store.subscribeToAll({
          from: start === undefined ? 'start' : { after: start },
          filter: { streamPrefixes: [id] },
        });
        const delivered: RecordedEvent[] = [];
        const visibleOnDelivery: boolean[] = [];
        const marker = event('Marker');
        const consumer = (async () => {
          for await (const message of sub) {
            if (message.kind !== 'event') continue;
            delivered.push(message.event);
            // A reader (any reader, another process too) already sees what a subscriber is told of.
            visibleOnDelivery.push((await read(id)).some((e) => e.id === message.event.id));
            if (message.event.id === marker.id) break;
          }
        })();
        const outcomes = await Promise.allSettled(
          Array.from({ length: 10 }, () => store.append(id, events(2, 'Contended'), { expected: 0n })),
        );
        const winner = outcomes.findIndex((o) => o.status === 'fulfilled');
        expect(winner).toBeGreaterThanOrEqual(0);
        const last = await store.append(id, [marker], { expected: 2n });
        await consumer;
        await sub.unsubscribe();
        expect(delivered.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
        expect(delivered[3].position).toBe(last.position);
        expect(visibleOnDelivery.every(Boolean)).toBe(true);
        const stored = await read(id);
        expect(delivered.map((e) => e.id)).toEqual(stored.map((e) => e.id));
      });

      it('starts after an exclusive position, so a checkpoint resumes with no gap and no duplicate', async () => {
        const id = stream('resume');
        await store.append(id, events(6), { expected: 'no_stream' });
        const stored = await read(id);
        const checkpoint = stored[2].position;
        const sub = store.subscribeToAll({ from: { after: checkpoint }, filter: { streamPrefixes: [id] } });
        const messages = await take(sub, (s) => s.some((m) => m.kind === 'caughtUp'));
        await sub.unsubscribe();
        expect(eventsOf(messages, id).map((e) => e.revision)).toEqual([3n, 4n, 5n]);
      });

      it('filters by event-type prefix and by event-type regex', async () => {
        const id = stream('types');
        const start = await store.headPosition();
        await store.append(
          id,
          [event('PlanDrafted'), event('ReferralSent'), event('PlanApproved'), event('CaseOpened')],
          { expected: 'no_stream' },
        );
        const from = start === undefined ? ('start' as const) : { after: start };
        const byPrefix = store.subscribeToAll({ from, filter: { eventTypePrefixes: ['Plan'] } });
        const a = await take(byPrefix, (s) => s.some((m) => m.kind === 'caughtUp'));
        await byPrefix.unsubscribe();
        expect(eventsOf(a, id).map((e) => e.type)).toEqual(['PlanDrafted', 'PlanApproved']);
        const byRegex = store.subscribeToAll({ from, filter: { eventTypeRegex: '^(Referral|Case)' } });
        const b = await take(byRegex, (s) => s.some((m) => m.kind === 'caughtUp'));
        await byRegex.unsubscribe();
        expect(eventsOf(b, id).map((e) => e.type)).toEqual(['ReferralSent', 'CaseOpened']);
      });

      it('filters by stream-name prefix and regex', async () => {
        const tag = randomUUID().slice(0, 8);
        const start = await store.headPosition();
        await store.append(`plan-${tag}`, events(1), { expected: 'no_stream' });
        await store.append(`referral-${tag}`, events(1), { expected: 'no_stream' });
        const from = start === undefined ? ('start' as const) : { after: start };
        const byPrefix = store.subscribeToAll({ from, filter: { streamPrefixes: [`referral-${tag}`] } });
        const a = await take(byPrefix, (s) => s.some((m) => m.kind === 'caughtUp'));
        await byPrefix.unsubscribe();
        expect(a.filter((m) => m.kind === 'event').map((m) => (m.kind === 'event' ? m.event.streamId : ''))).toEqual([
          `referral-${tag}`,
        ]);
        const byRegex = store.subscribeToAll({ from, filter: { streamRegex: `^plan-${tag}$` } });
        const b = await take(byRegex, (s) => s.some((m) => m.kind === 'caughtUp'));
        await byRegex.unsubscribe();
        expect(b.filter((m) => m.kind === 'event').map((m) => (m.kind === 'event' ? m.event.streamId : ''))).toEqual([
          `plan-${tag}`,
        ]);
      });

      it('excludes system events unless asked for them', async () => {
        const id = stream('system');
        const start = await store.headPosition();
        await store.append(id, [event('$system-note'), event('Visible')], { expected: 'no_stream' });
        const from = start === undefined ? ('start' as const) : { after: start };
        const plain = store.subscribeToAll({ from, filter: { streamPrefixes: [id] } });
        const a = await take(plain, (s) => s.some((m) => m.kind === 'caughtUp'));
        await plain.unsubscribe();
        expect(eventsOf(a, id).map((e) => e.type)).toEqual(['Visible']);
        const all = store.subscribeToAll({ from, filter: { streamPrefixes: [id], excludeSystemEvents: false } });
        const b = await take(all, (s) => s.some((m) => m.kind === 'caughtUp'));
        await all.unsubscribe();
        expect(eventsOf(b, id).map((e) => e.type)).toEqual(['$system-note', 'Visible']);
      });

      it('never lets a reader that has read up to position N find a new event below N later, however many writers commit at once', async () => {
        const tag = `order-${randomUUID().slice(0, 8)}`;
        const start = await store.headPosition();
        let writing = true;
        // Readers paging $all after what they have read, as fast as they can, as catch-up subscribers
        // do. An event that became visible after a reader had passed its position is lost to it: the
        // fault of positions taken from a sequence, which commit out of order.
        const readOn = async (): Promise<string[]> => {
          const seen: string[] = [];
          let cursor = start;
          for (;;) {
            const last = !writing;
            const page = (
              await collect(store.readAll({ fromPosition: cursor === undefined ? 'start' : cursor, maxCount: 500 }))
            ).filter((e) => cursor === undefined || e.position > cursor);
            for (const e of page) {
              cursor = e.position;
              if (e.streamId.startsWith(tag)) seen.push(e.id);
            }
            if (page.length > 0) continue;
            if (last) return seen;
            // Let the writers' completions in: an adapter that reads synchronously never waits.
            await new Promise((r) => setImmediate(r));
          }
        };
        const readers = Array.from({ length: 4 }, readOn);
        await Promise.all(
          Array.from({ length: 32 }, async (_, w) => {
            for (let i = 0; i < 15; i++)
              await store.append(`${tag}-${w}`, events(4), { expected: i === 0 ? 'no_stream' : BigInt(i * 4 - 1) });
          }),
        );
        writing = false;
        const seen = await Promise.all(readers);
        const all = (
          await collect(store.readAll({ fromPosition: start === undefined ? 'start' : start, maxCount: 100_000 }))
        ).filter((e) => e.streamId.startsWith(tag));
        expect(all).toHaveLength(32 * 15 * 4);
        for (const ids of seen) expect(ids).toEqual(all.map((e) => e.id));
      });

      it('delivers every live event of many concurrent appends exactly once, in position order', async () => {
        const tag = `live-${randomUUID().slice(0, 8)}`;
        const start = await store.headPosition();
        const sub = store.subscribeToAll({
          from: start === undefined ? 'start' : { after: start },
          filter: { streamPrefixes: [tag] },
        });
        const received: RecordedEvent[] = [];
        const consumer = take(sub, (s) => {
          received.splice(0, received.length, ...s.flatMap((m) => (m.kind === 'event' ? [m.event] : [])));
          return received.length === 100;
        });
        await Promise.all(
          Array.from({ length: 50 }, (_, i) => store.append(`${tag}-${i}`, events(2), { expected: 'no_stream' })),
        );
        await consumer;
        await sub.unsubscribe();
        expect(new Set(received.map((e) => e.id)).size).toBe(100);
        for (let i = 1; i < received.length; i++) expect(received[i].position > received[i - 1].position).toBe(true);
      });
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

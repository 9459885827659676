import type { Decider } from '@ruamjai/kernel';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandRunner, StaleRevision, WritesRefused, type CommandContext } from './command-runner';
import { verifyChains } from './audit-chain';
import { collect, type EventStore } from './event-store.port';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { freshPostgresDatabase, postgresServerUrl } from '../../../test/support/postgres';

type Counter = { type: 'Add'; data: { n: number }; at: Date; actor: { id: string } };
type Added = { type: 'Added'; data: { n: number; total: number } };
const counter: Decider<Counter, number, Added> = {
  initialState: 0,
  decide: (c, total) => [{ type: 'Added', data: { n: c.data.n, total: total + c.data.n } }],
  evolve: (_, e) => e.data.total,
};
/** A command that records two events, so a keyed outcome spans more than one. */
const twice: Decider<Counter, number, Added> = {
  initialState: 0,
  decide: (c, total) => [
    { type: 'Added', data: { n: c.data.n, total: total + c.data.n } },
    { type: 'Added', data: { n: c.data.n, total: total + 2 * c.data.n } },
  ],
  evolve: (_, e) => e.data.total,
};
/** A counter that exists only once something was added, and holds at most 10. */
class CounterRefused extends Error {}
const guarded: Decider<Counter, number, Added> = {
  initialState: 0,
  decide: (c, total) => {
    if (total === 0 && c.data.n === 0) throw new CounterRefused('no such counter');
    if (total >= 10) throw new CounterRefused('full');
    return [{ type: 'Added', data: { n: c.data.n, total: total + c.data.n } }];
  },
  evolve: (_, e) => e.data.total,
};
const add = (n: number): Counter => ({
  type: 'Add',
  data: { n },
  at: new Date('2019-02-14T00:00:00Z'),
  actor: { id: 'somchai' },
});
const context = (extra: Partial<CommandContext> = {}): CommandContext => ({
  actor: { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-27' },
  correlationId: 'c',
  causationId: 'c',
  ...extra,
});

/** A counter that a command adding 0 may create only while it does not exist. */
const created: Decider<Counter, number, Added> = {
  initialState: 0,
  decide: (c, total) => {
    if (c.data.n === 0 && total > 0) throw new CounterRefused('exists');
    return [{ type: 'Added', data: { n: c.data.n, total: total + c.data.n } }];
  },
  evolve: (_, e) => e.data.total,
};

/** A store on storage of its own, and how to close it and throw the storage away. */
type OpenStore = () => Promise<{ store: EventStore; dispose: () => Promise<void> }>;

/** The runner's rules, on one adapter (`on` names it in the suite names; empty for the embedded store). */
function describeCommandRunner(on: string, openStore: OpenStore): void {
  describe(`the command runner${on}`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ store, dispose } = await openStore());
    });
    afterAll(() => dispose());

    it('decides against the whole history, from the cache or from the store', async () => {
      const stream = `counter-${randomUUID()}`;
      const first = new CommandRunner(store);
      await first.run(counter, stream, add(2), context());
      await first.run(counter, stream, add(3), context());
      const second = new CommandRunner(store);
      const outcome = await second.run(counter, stream, add(4), context());
      expect(outcome.events).toEqual([{ type: 'Added', data: { n: 4, total: 9 } }]);
      expect(outcome.revision).toBe(2n);
    });

    it('notices another writer behind its cache and decides again when no version was pinned', async () => {
      const stream = `counter-${randomUUID()}`;
      const mine = new CommandRunner(store);
      const theirs = new CommandRunner(store);
      await mine.run(counter, stream, add(1), context());
      await theirs.run(counter, stream, add(10), context());
      const outcome = await mine.run(counter, stream, add(100), context());
      expect(outcome.events[0].data.total).toBe(111);
    });

    it('trusts the state it kept for a command pinned to the revision it holds, reading nothing, and reads again for any other pin', async () => {
      const stream = `counter-${randomUUID()}`;
      const runner = new CommandRunner(store);
      await runner.run(counter, stream, add(1), context());
      const spy = jest.spyOn(store, 'readStream');
      try {
        const pinned = await runner.run(counter, stream, add(2), context({ expectedRevision: 0n }));
        expect(pinned.events[0].data.total).toBe(3);
        expect(spy).not.toHaveBeenCalled();
        await expect(runner.run(counter, stream, add(4), context({ expectedRevision: 0n }))).rejects.toBeInstanceOf(
          StaleRevision,
        );
        // Any other pin: it looks in the log for what came after the state it kept.
        expect(spy.mock.calls).toEqual([[stream, { fromRevision: 2n }]]);
      } finally {
        spy.mockRestore();
      }
    });

    it('refuses a pinned version that another writer moved past', async () => {
      const stream = `counter-${randomUUID()}`;
      const mine = new CommandRunner(store);
      const theirs = new CommandRunner(store);
      await mine.run(counter, stream, add(1), context());
      await theirs.run(counter, stream, add(10), context());
      await expect(mine.run(counter, stream, add(100), context({ expectedRevision: 0n }))).rejects.toBeInstanceOf(
        StaleRevision,
      );
      expect(await collect(store.readStream(stream))).toHaveLength(2);
    });

    it('accepts a pinned version it has not cached yet, written by another process', async () => {
      const stream = `counter-${randomUUID()}`;
      const mine = new CommandRunner(store);
      const theirs = new CommandRunner(store);
      await mine.run(counter, stream, add(1), context());
      await theirs.run(counter, stream, add(10), context());
      const outcome = await mine.run(counter, stream, add(100), context({ expectedRevision: 1n }));
      expect(outcome.events[0].data.total).toBe(111);
    });

    it('writes the same event ids for a retried idempotency key, so the retry appends nothing', async () => {
      const stream = `counter-${randomUUID()}`;
      const runner = new CommandRunner(store);
      await runner.run(counter, stream, add(1), context());
      const first = await runner.run(counter, stream, add(5), context({ expectedRevision: 0n, idempotencyKey: 'k-1' }));
      const retry = await new CommandRunner(store).run(
        counter,
        stream,
        add(5),
        context({ expectedRevision: 0n, idempotencyKey: 'k-1' }),
      );
      expect(retry.revision).toBe(first.revision);
      expect(retry.position).toBe(first.position);
      // Decided against the state the caller saw (revision 0), as the first time.
      expect(retry.events).toEqual(first.events);
      expect(await collect(store.readStream(stream))).toHaveLength(2);
    });

    it('refuses a stale pin without a key at once, without trying to write', async () => {
      const stream = `counter-${randomUUID()}`;
      await new CommandRunner(store).run(counter, stream, add(1), context());
      await new CommandRunner(store).run(counter, stream, add(2), context());
      const runner = new CommandRunner(store);
      const append = jest.spyOn(store, 'append');
      try {
        await expect(runner.run(counter, stream, add(5), context({ expectedRevision: 0n }))).rejects.toBeInstanceOf(
          StaleRevision,
        );
        expect(append).not.toHaveBeenCalled();
      } finally {
        append.mockRestore();
      }
    });

    it('passes on a failure of the store while answering a retry, rather than calling it a stale version', async () => {
      const stream = `counter-${randomUUID()}`;
      const runner = new CommandRunner(store);
      await runner.run(counter, stream, add(1), context());
      await runner.run(counter, stream, add(5), context({ expectedRevision: 0n, idempotencyKey: 'k-store' }));
      const failure = new Error('disk full');
      const append = jest.spyOn(store, 'append').mockRejectedValueOnce(failure);
      try {
        await expect(
          new CommandRunner(store).run(
            counter,
            stream,
            add(5),
            context({ expectedRevision: 0n, idempotencyKey: 'k-store' }),
          ),
        ).rejects.toBe(failure);
      } finally {
        append.mockRestore();
      }
    });

    it('lets the domain say why a pin cannot hold on a stream that does not exist, and calls a pin on a live stream stale without asking it', async () => {
      const missing = `counter-${randomUUID()}`;
      await expect(
        new CommandRunner(store).run(guarded, missing, add(0), context({ expectedRevision: 0n })),
      ).rejects.toBeInstanceOf(CounterRefused);
      const full = `counter-${randomUUID()}`;
      await new CommandRunner(store).run(guarded, full, add(4), context());
      await new CommandRunner(store).run(guarded, full, add(7), context());
      // Against the stream as it is (11) the domain would refuse ("full"); the pin is simply stale.
      await expect(
        new CommandRunner(store).run(guarded, full, add(1), context({ expectedRevision: 0n })),
      ).rejects.toBeInstanceOf(StaleRevision);
    });

    it('answers a retried creation with the original outcome, even when the response was lost', async () => {
      const stream = `counter-${randomUUID()}`;
      const retry = context({ expectedRevision: -1n, idempotencyKey: 'create-1', requestFingerprint: 'f1' });
      const first = await new CommandRunner(store).run(counter, stream, add(7), retry);
      const again = await new CommandRunner(store).run(counter, stream, add(7), retry);
      expect(again.revision).toBe(first.revision);
      expect(again.position).toBe(first.position);
      expect(await collect(store.readStream(stream))).toHaveLength(1);
    });

    it('does not take another request under the same key for a retry', async () => {
      const stream = `counter-${randomUUID()}`;
      const runner = new CommandRunner(store);
      await runner.run(counter, stream, add(1), context());
      await runner.run(
        counter,
        stream,
        add(2),
        context({ expectedRevision: 0n, idempotencyKey: 'k', requestFingerprint: 'a' }),
      );
      await expect(
        runner.run(
          counter,
          stream,
          add(3),
          context({ expectedRevision: 0n, idempotencyKey: 'k', requestFingerprint: 'b' }),
        ),
      ).rejects.toBeInstanceOf(StaleRevision);
      expect((await collect(store.readStream(stream))).map((e) => (e.data as { total: number }).total)).toEqual([1, 3]);
    });

    it('records who, why and how on every event', async () => {
      const stream = `counter-${randomUUID()}`;
      await new CommandRunner(store).run(counter, stream, add(1), context({ reason: 'ทดสอบ' }));
      const [event] = await collect(store.readStream(stream));
      expect(event.metadata).toEqual({
        actorId: 'somchai',
        agency: 'PSDHS-SK',
        role: 'coordinator',
        reason: 'ทดสอบ',
        correlationId: 'c',
        causationId: 'c',
        commandType: 'Add',
        schemaVersion: 1,
        occurredAt: '2019-02-14T00:00:00.000Z',
        prevHash: '0'.repeat(64),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    });

    it('links each event to the one before it', async () => {
      const stream = `counter-${randomUUID()}`;
      const runner = new CommandRunner(store);
      await runner.run(counter, stream, add(1), context());
      await new CommandRunner(store).run(counter, stream, add(2), context());
      await runner.run(counter, stream, add(3), context());
      const events = await collect(store.readStream(stream));
      const meta = events.map((e) => e.metadata as { prevHash: string; hash: string });
      expect(meta[1].prevHash).toBe(meta[0].hash);
      expect(meta[2].prevHash).toBe(meta[1].hash);
    });
  });

  describe(`a peek at another aggregate${on}`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ store, dispose } = await openStore());
    });
    afterAll(() => dispose());

    it("serves a recent look from memory, sees its own writes at once, and others' after the window", async () => {
      const stream = `counter-${randomUUID()}`;
      const mine = new CommandRunner(store);
      const theirs = new CommandRunner(store);
      await mine.run(counter, stream, add(1), context());
      expect(await mine.peek(counter, stream, 1000, 0)).toBe(1);
      await theirs.run(counter, stream, add(10), context());
      expect(await mine.peek(counter, stream, 1000, 500)).toBe(1);
      expect(await mine.peek(counter, stream, 1000, 1500)).toBe(11);
      await mine.run(counter, stream, add(100), context());
      expect(await mine.peek(counter, stream, 1000, 1600)).toBe(111);
    });
  });

  describe(`writes refused while the read models are ahead of the log${on}`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ store, dispose } = await openStore());
    });
    afterAll(() => dispose());
    const ahead = () => new WritesRefused(3n, [{ name: 'plan_view', position: 9n }]);

    it('refuses every command with its reason, asks again at the next command, and takes writes once the check finds the cause gone', async () => {
      const stream = `counter-${randomUUID()}`;
      const runner = new CommandRunner(store);
      await runner.run(counter, stream, add(1), context());
      expect(runner.writesRefused).toBeUndefined();
      const answers = [false, true];
      let asked = 0;
      const error = ahead();
      runner.refuseWrites(error, async () => answers[asked++]);
      expect(runner.writesRefused).toBe(error);
      await expect(runner.run(counter, stream, add(2), context())).rejects.toBe(error);
      expect(asked).toBe(1);
      expect(await collect(store.readStream(stream))).toHaveLength(1);
      const outcome = await runner.run(counter, stream, add(3), context());
      expect(asked).toBe(2);
      expect(outcome.events[0].data.total).toBe(4);
      expect(runner.writesRefused).toBeUndefined();
      // Lifted: no more checks.
      await runner.run(counter, stream, add(4), context());
      expect(asked).toBe(2);
    });

    it('asks one check at a time, however many commands arrive while it runs, and refuses them all with the reason', async () => {
      const stream = `counter-${randomUUID()}`;
      const runner = new CommandRunner(store);
      let asked = 0;
      let answer!: (gone: boolean) => void;
      const error = ahead();
      runner.refuseWrites(error, () => {
        asked++;
        return new Promise<boolean>((resolve) => (answer = resolve));
      });
      const commands = [1, 2, 3].map((n) =>
        runner.run(counter, stream, add(n), context()).then(
          () => 'written',
          (e: unknown) => e,
        ),
      );
      await new Promise((r) => setTimeout(r, 20));
      expect(asked).toBe(1);
      answer(false);
      expect(await Promise.all(commands)).toEqual([error, error, error]);
      // The next command asks anew.
      const next = runner.run(counter, stream, add(4), context());
      await new Promise((r) => setTimeout(r, 20));
      expect(asked).toBe(2);
      answer(true);
      await next;
      expect(await collect(store.readStream(stream))).toHaveLength(1);
    });

    it('keeps a refusal set again while a check of the earlier one ran', async () => {
      const stream = `counter-${randomUUID()}`;
      const runner = new CommandRunner(store);
      let answer!: (gone: boolean) => void;
      runner.refuseWrites(ahead(), () => new Promise<boolean>((resolve) => (answer = resolve)));
      const first = runner.run(counter, stream, add(1), context());
      await new Promise((r) => setTimeout(r, 20));
      const later = ahead();
      runner.refuseWrites(later, async () => false);
      answer(true);
      await first;
      expect(runner.writesRefused).toBe(later);
      await expect(runner.run(counter, stream, add(2), context())).rejects.toBe(later);
    });

    it('reads each stream from its first event once writes are taken again, forgetting the states it kept (the log may have been restored)', async () => {
      const stream = `counter-${randomUUID()}`;
      const runner = new CommandRunner(store);
      await runner.run(counter, stream, add(1), context());
      const spy = jest.spyOn(store, 'readStream');
      await runner.run(counter, stream, add(2), context());
      // Remembered: it decides from the state it kept and reads nothing.
      expect(spy).not.toHaveBeenCalled();
      runner.refuseWrites(ahead(), async () => true);
      await runner.run(counter, stream, add(3), context());
      expect(spy.mock.calls).toEqual([[stream, { fromRevision: 0n }]]);
      spy.mockRestore();
    });
  });

  describe(`what a keyed command already recorded${on}`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ store, dispose } = await openStore());
    });
    afterAll(() => dispose());

    it('names the revision and position of the last event a keyed command recorded, among others before and after it', async () => {
      const stream = `counter-${randomUUID()}`;
      const runner = new CommandRunner(store);
      await runner.run(counter, stream, add(1), context());
      const keyed = await runner.run(twice, stream, add(2), context({ idempotencyKey: 'seed-step-7' }));
      await runner.run(counter, stream, add(3), context({ idempotencyKey: 'seed-step-8' }));
      await runner.run(counter, stream, add(4), context());
      expect(keyed.revision).toBe(2n);
      expect(await runner.recordedOutcome(stream, 'Add', context({ idempotencyKey: 'seed-step-7' }))).toEqual({
        revision: 2n,
        position: keyed.position,
      });
      const eighth = (await collect(store.readStream(stream)))[3];
      expect(await runner.recordedOutcome(stream, 'Add', context({ idempotencyKey: 'seed-step-8' }))).toEqual({
        revision: 3n,
        position: eighth.position,
      });
    });

    it('knows nothing for a key never used, a command of another type, a command without a key, or a stream that does not exist', async () => {
      const stream = `counter-${randomUUID()}`;
      const runner = new CommandRunner(store);
      await runner.run(counter, stream, add(1), context({ idempotencyKey: 'k-used' }));
      expect(await runner.recordedOutcome(stream, 'Add', context({ idempotencyKey: 'k-used' }))).toMatchObject({
        revision: 0n,
      });
      expect(await runner.recordedOutcome(stream, 'Add', context({ idempotencyKey: 'k-never' }))).toBeUndefined();
      expect(await runner.recordedOutcome(stream, 'Remove', context({ idempotencyKey: 'k-used' }))).toBeUndefined();
      expect(await runner.recordedOutcome(stream, 'Add', context())).toBeUndefined();
      expect(
        await runner.recordedOutcome(`counter-${randomUUID()}`, 'Add', context({ idempotencyKey: 'k-used' })),
      ).toBeUndefined();
    });
  });

  describe(`the command runner, at the edges of its rules${on}`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ store, dispose } = await openStore());
    });
    afterAll(() => dispose());
    const stream = () => `counter-${randomUUID()}`;
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: unknown) => error,
      );

    it('says why writes are refused: where the log ends and each view ahead of it, in Thai and English, and as details', () => {
      const error = new WritesRefused(3n, [
        { name: 'plan_view', position: 9n },
        { name: 'case_view', position: 12n },
      ]);
      expect(error.text.en).toContain('it ends at position 3; plan_view at 9, case_view at 12');
      expect(error.text.th).toContain('สิ้นสุดที่ตำแหน่ง 3');
      expect(error.details).toEqual({ headPosition: '3', checkpointsAhead: { plan_view: '9', case_view: '12' } });
      const empty = new WritesRefused(undefined, []);
      expect(empty.text.en).toContain('it ends at position 0;');
      expect(empty.text.th).toContain('สิ้นสุดที่ตำแหน่ง 0');
      expect(empty.details).toEqual({ headPosition: '0', checkpointsAhead: {} });
    });

    it('names the stream as it is in a stale refusal: not there yet, or at its revision', async () => {
      const missing = stream();
      const none = await refusal(
        new CommandRunner(store).run(counter, missing, add(1), context({ expectedRevision: 3n })),
      );
      expect(none).toMatchObject({ streamId: missing, expected: 3n, actual: 'no_stream' });
      const live = stream();
      await new CommandRunner(store).run(counter, live, add(1), context());
      await new CommandRunner(store).run(counter, live, add(2), context());
      const moved = await refusal(
        new CommandRunner(store).run(counter, live, add(3), context({ expectedRevision: 0n })),
      );
      expect(moved).toBeInstanceOf(StaleRevision);
      expect(moved).toMatchObject({ streamId: live, expected: 0n, actual: 1n });
    });

    it('lets the domain say why a creation cannot be made on a stream that exists', async () => {
      const once = stream();
      await new CommandRunner(store).run(created, once, add(5), context());
      await expect(
        new CommandRunner(store).run(created, once, add(0), context({ expectedRevision: -1n })),
      ).rejects.toThrow('exists');
    });

    it('calls a pin on a stream of one event stale, without asking the domain', async () => {
      const one = stream();
      await new CommandRunner(store).run(guarded, one, add(10), context());
      // The domain would refuse ("full") against the stream as it is; the pin is simply wrong.
      const refused = await refusal(
        new CommandRunner(store).run(guarded, one, add(1), context({ expectedRevision: 3n })),
      );
      expect(refused).toBeInstanceOf(StaleRevision);
      expect(refused).toMatchObject({ expected: 3n, actual: 0n });
    });

    /** Another writer appends to `id` just before the runner's next append reaches the store, `times` times. */
    function raceAppends(id: string, times: number): jest.SpyInstance {
      const original = store.append.bind(store);
      const spy = jest.spyOn(store, 'append');
      for (let i = 0; i < times; i++) {
        spy.mockImplementationOnce(async (...args: Parameters<typeof store.append>) => {
          const head = (await collect(store.readStream(id))).length - 1;
          await original(id, [{ id: randomUUID(), type: 'Added', data: { n: 10, total: 0 }, metadata: {} }], {
            expected: head < 0 ? 'no_stream' : BigInt(head),
          });
          return original(...args);
        });
      }
      return spy;
    }

    it('calls a race with another writer between its read and its write stale when it had nothing cached', async () => {
      const raced = stream();
      await new CommandRunner(store).run(counter, raced, add(1), context());
      const spy = raceAppends(raced, 1);
      try {
        await expect(new CommandRunner(store).run(counter, raced, add(2), context())).rejects.toBeInstanceOf(
          StaleRevision,
        );
      } finally {
        spy.mockRestore();
      }
    });

    it('decides again once, not forever, when its cache was behind and another writer keeps winning', async () => {
      const raced = stream();
      const runner = new CommandRunner(store);
      await runner.run(counter, raced, add(1), context());
      const spy = raceAppends(raced, 2);
      try {
        await expect(runner.run(counter, raced, add(2), context())).rejects.toBeInstanceOf(StaleRevision);
        expect(spy).toHaveBeenCalledTimes(2);
      } finally {
        spy.mockRestore();
      }
    });

    it('passes on a failure of the store while reading, whether loading a stream or looking for a keyed outcome', async () => {
      const failing = stream();
      await new CommandRunner(store).run(counter, failing, add(1), context());
      const failure = new Error('disk failure');
      const read = jest.spyOn(store, 'readStream').mockImplementation(() => {
        throw failure;
      });
      try {
        await expect(new CommandRunner(store).run(counter, failing, add(2), context())).rejects.toBe(failure);
        await expect(
          new CommandRunner(store).recordedOutcome(failing, 'Add', context({ idempotencyKey: 'k' })),
        ).rejects.toBe(failure);
      } finally {
        read.mockRestore();
      }
    });

    it('serves a peek from memory for exactly its window, counted from when it looked', async () => {
      const watched = stream();
      const mine = new CommandRunner(store);
      await new CommandRunner(store).run(counter, watched, add(1), context());
      expect(await mine.peek(counter, watched, 1000, 500)).toBe(1);
      await new CommandRunner(store).run(counter, watched, add(10), context());
      expect(await mine.peek(counter, watched, 1000, 1500)).toBe(1);
      expect(await mine.peek(counter, watched, 1000, 1501)).toBe(11);
    });

    it('keeps at most the states it was told to, dropping the oldest first', async () => {
      const [a, b, c] = [stream(), stream(), stream()];
      const runner = new CommandRunner(store, 2);
      for (const id of [a, b, c]) await runner.run(counter, id, add(1), context());
      const read = jest.spyOn(store, 'readStream');
      try {
        await runner.run(counter, b, add(1), context());
        await runner.run(counter, c, add(1), context());
        expect(read).not.toHaveBeenCalled();
        await runner.run(counter, a, add(1), context());
        expect(read.mock.calls).toEqual([[a, { fromRevision: 0n }]]);
      } finally {
        read.mockRestore();
      }
    });

    it('keeps at most as many peeks, dropping the oldest first', async () => {
      const [a, b, c] = [stream(), stream(), stream()];
      for (const id of [a, b, c]) await new CommandRunner(store).run(counter, id, add(1), context());
      const runner = new CommandRunner(store, 2);
      for (const id of [a, b, c]) await runner.peek(counter, id, 60_000, 0);
      const read = jest.spyOn(store, 'readStream');
      try {
        await runner.peek(counter, b, 60_000, 1);
        await runner.peek(counter, c, 60_000, 1);
        expect(read).not.toHaveBeenCalled();
        await runner.peek(counter, a, 60_000, 1);
        expect(read).toHaveBeenCalledTimes(1);
      } finally {
        read.mockRestore();
      }
    });

    it('records the idempotency key on the events of a keyed command, and chains events the audit can verify', async () => {
      // A store of its own: the verification walks the whole log.
      const { store: chained, dispose: disposeChained } = await openStore();
      try {
        const id = stream();
        const runner = new CommandRunner(chained);
        await runner.run(counter, id, add(1), context());
        await runner.run(twice, id, add(2), context({ expectedRevision: 0n, idempotencyKey: 'k-chain' }));
        const events = await collect(chained.readStream(id));
        expect(events.map((e) => (e.metadata as { idempotencyKey?: string }).idempotencyKey)).toEqual([
          undefined,
          'k-chain',
          'k-chain',
        ]);
        expect(await verifyChains(chained)).toMatchObject({ ok: true, eventsChecked: 3, firstBreak: null });
      } finally {
        await disposeChained();
      }
    });
  });
}

describeCommandRunner('', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-runner-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// The same rules on PostgreSQL, where the integration run has one (a CI run requires it).
const pgServer = postgresServerUrl();
if (pgServer) {
  describeCommandRunner(' on PostgreSQL', async () => {
    const database = await freshPostgresDatabase(pgServer);
    const store = await PostgresEventStore.open({ connectionString: database.url });
    return {
      store,
      dispose: async () => {
        await store.close();
        await database.drop();
      },
    };
  });
} else {
  describe('the command runner on PostgreSQL', () => {
    it.skip("needs the test run's PostgreSQL (started by the global setup, or DATABASE_URL)", () => undefined);
  });
}

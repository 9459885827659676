import type { Decider } from '@ruamjai/kernel';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandRunner, StaleRevision, WritesRefused, type CommandContext } from './command-runner';
import { collect } from './event-store.port';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

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
const add = (n: number): Counter => ({ type: 'Add', data: { n }, at: new Date('2019-02-14T00:00:00Z'), actor: { id: 'somchai' } });
const context = (extra: Partial<CommandContext> = {}): CommandContext => ({
  actor: { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' },
  correlationId: 'c',
  causationId: 'c',
  ...extra,
});

describe('the command runner', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-runner-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

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
      await expect(runner.run(counter, stream, add(4), context({ expectedRevision: 0n }))).rejects.toBeInstanceOf(StaleRevision);
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
    await expect(mine.run(counter, stream, add(100), context({ expectedRevision: 0n }))).rejects.toBeInstanceOf(StaleRevision);
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
    const retry = await new CommandRunner(store).run(counter, stream, add(5), context({ expectedRevision: 0n, idempotencyKey: 'k-1' }));
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
      await expect(runner.run(counter, stream, add(5), context({ expectedRevision: 0n }))).rejects.toBeInstanceOf(StaleRevision);
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
      await expect(new CommandRunner(store).run(counter, stream, add(5), context({ expectedRevision: 0n, idempotencyKey: 'k-store' }))).rejects.toBe(failure);
    } finally {
      append.mockRestore();
    }
  });

  it("lets the domain say why a pin cannot hold on a stream that does not exist, and calls a pin on a live stream stale without asking it", async () => {
    const missing = `counter-${randomUUID()}`;
    await expect(new CommandRunner(store).run(guarded, missing, add(0), context({ expectedRevision: 0n }))).rejects.toBeInstanceOf(CounterRefused);
    const full = `counter-${randomUUID()}`;
    await new CommandRunner(store).run(guarded, full, add(4), context());
    await new CommandRunner(store).run(guarded, full, add(7), context());
    // Against the stream as it is (11) the domain would refuse ("full"); the pin is simply stale.
    await expect(new CommandRunner(store).run(guarded, full, add(1), context({ expectedRevision: 0n }))).rejects.toBeInstanceOf(StaleRevision);
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
    await runner.run(counter, stream, add(2), context({ expectedRevision: 0n, idempotencyKey: 'k', requestFingerprint: 'a' }));
    await expect(runner.run(counter, stream, add(3), context({ expectedRevision: 0n, idempotencyKey: 'k', requestFingerprint: 'b' }))).rejects.toBeInstanceOf(StaleRevision);
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

describe('a peek at another aggregate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-peek-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a recent look from memory, sees its own writes at once, and others\' after the window', async () => {
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

describe('writes refused while the read models are ahead of the log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-refused-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
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
    const commands = [1, 2, 3].map((n) => runner.run(counter, stream, add(n), context()).then(() => 'written', (e: unknown) => e));
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

describe('what a keyed command already recorded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-recorded-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the revision and position of the last event a keyed command recorded, among others before and after it', async () => {
    const stream = `counter-${randomUUID()}`;
    const runner = new CommandRunner(store);
    await runner.run(counter, stream, add(1), context());
    const keyed = await runner.run(twice, stream, add(2), context({ idempotencyKey: 'seed-step-7' }));
    await runner.run(counter, stream, add(3), context({ idempotencyKey: 'seed-step-8' }));
    await runner.run(counter, stream, add(4), context());
    expect(keyed.revision).toBe(2n);
    expect(await runner.recordedOutcome(stream, 'Add', context({ idempotencyKey: 'seed-step-7' }))).toEqual({ revision: 2n, position: keyed.position });
    const eighth = (await collect(store.readStream(stream)))[3];
    expect(await runner.recordedOutcome(stream, 'Add', context({ idempotencyKey: 'seed-step-8' }))).toEqual({ revision: 3n, position: eighth.position });
  });

  it('knows nothing for a key never used, a command of another type, a command without a key, or a stream that does not exist', async () => {
    const stream = `counter-${randomUUID()}`;
    const runner = new CommandRunner(store);
    await runner.run(counter, stream, add(1), context({ idempotencyKey: 'k-used' }));
    expect(await runner.recordedOutcome(stream, 'Add', context({ idempotencyKey: 'k-used' }))).toMatchObject({ revision: 0n });
    expect(await runner.recordedOutcome(stream, 'Add', context({ idempotencyKey: 'k-never' }))).toBeUndefined();
    expect(await runner.recordedOutcome(stream, 'Remove', context({ idempotencyKey: 'k-used' }))).toBeUndefined();
    expect(await runner.recordedOutcome(stream, 'Add', context())).toBeUndefined();
    expect(await runner.recordedOutcome(`counter-${randomUUID()}`, 'Add', context({ idempotencyKey: 'k-used' }))).toBeUndefined();
  });
});

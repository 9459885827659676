import { SqliteEventStore } from '@ruamjai/event-store';
import { FixedClock } from '@ruamjai/kernel';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCheckpoints } from './checkpoints';
import { migrateReadModels } from './migrate';
import type { Projection } from './projection';
import { readStalls, requestRetry } from './projection-failures';
import { ProjectionRunner } from './projection-runner';
import { openSqliteReadModels } from './read-model-db';

describe('a projection runner facing an event it cannot apply', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-runner-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));

  it('retries while it runs, stops when told without moving the checkpoint past the event, and applies the event at the next start', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const db = openSqliteReadModels(join(dir, 'read-models.sqlite'));
    await migrateReadModels(db as unknown as Kysely<unknown>, []);
    let poisoned = true;
    let attempts = 0;
    const applied: string[] = [];
    const projection: Projection = {
      name: 'picky',
      handles: () => true,
      begin: () => ({
        apply: async (events) => {
          attempts++;
          if (poisoned) throw new TypeError("Cannot read properties of null (reading 'length')");
          applied.push(...events.map((e) => e.type));
        },
        flush: async () => undefined,
      }),
      reset: async () => undefined,
    };
    const clock = new FixedClock(new Date('2019-07-15T03:00:00Z'));
    const silent = { info: () => undefined, error: () => undefined };
    const { position } = await store.append(
      `thing-${randomUUID()}`,
      [{ id: randomUUID(), type: 'ThingHappened', data: {} }],
      { expected: 'no_stream' },
    );

    const first = new ProjectionRunner(store, db, [projection], clock, silent);
    await first.start();
    while (attempts < 3) await new Promise((r) => setTimeout(r, 20));
    expect(await first.waitFor(position, 50)).toBe(false);
    const stopped = await Promise.race([
      first.stop().then(() => 'stopped'),
      new Promise((r) => setTimeout(() => r('hung'), 10_000)),
    ]);
    expect(stopped).toBe('stopped');
    expect((await readCheckpoints(db)).get('picky') ?? 0n).toBe(0n);

    poisoned = false;
    const second = new ProjectionRunner(store, db, [projection], clock, silent);
    await second.start();
    expect(await second.waitFor(position, 10_000)).toBe(true);
    expect(applied).toEqual(['ThingHappened']);
    await second.stop();
    await store.close();
    await db.destroy();
  });
  it('keeps the events before the one a projection fails on, retries that one with back-off, then marks the projection stalled while the others apply every event', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'stall-events.sqlite') });
    const db = openSqliteReadModels(join(dir, 'stall-read-models.sqlite'));
    await migrateReadModels(db as unknown as Kysely<unknown>, []);
    const clock = new FixedClock(new Date('2019-07-15T03:00:00Z'));
    let poisoned = true;
    const seen = { steady: [] as string[], picky: [] as string[] };
    const attempts: number[] = [];
    const projection = (name: 'steady' | 'picky'): Projection => ({
      name,
      handles: () => true,
      begin: () => {
        const pending: string[] = [];
        return {
          apply: async (events) => {
            for (const e of events) {
              if (name === 'picky' && poisoned && e.type === 'Poison') {
                attempts.push(Date.now());
                throw new TypeError("Cannot read properties of undefined (reading 'budget')");
              }
              pending.push((e.data as { n: string }).n);
            }
          },
          // Kept only once the transaction's work is done: what a failed transaction applied is rolled back.
          flush: async () => void seen[name].push(...pending),
        };
      },
      reset: async () => undefined,
    });
    const append = async (type: string, n: string) =>
      (
        await store.append(`thing-${randomUUID()}`, [{ id: randomUUID(), type, data: { n } }], {
          expected: 'no_stream',
        })
      ).position;
    const before = await append('ThingHappened', 'one');
    const poison = await append('Poison', 'two');
    await append('ThingHappened', 'three');

    const runner = new ProjectionRunner(
      store,
      db,
      [projection('steady'), projection('picky')],
      clock,
      undefined,
      0,
      undefined,
      {
        maxAttempts: 3,
        firstDelayMs: 50,
        maxDelayMs: 1000,
        retryRequestPollMs: 50,
      },
    );
    await runner.start();
    const later = await append('ThingHappened', 'four');
    expect(await runner.waitFor(later, 10_000, ['steady'])).toBe(true);
    expect(seen.steady).toEqual(['one', 'two', 'three', 'four']);

    const deadline = Date.now() + 10_000;
    while (runner.failures()[0]?.state !== 'stalled' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(runner.failures()).toEqual([
      expect.objectContaining({
        name: 'picky',
        state: 'stalled',
        position: poison,
        eventType: 'Poison',
        attempts: 3,
        error: expect.stringContaining("reading 'budget'"),
      }),
    ]);
    // Back-off: the second attempt waited at least 50 ms, the third at least 100 ms (the first
    // attempt is the batch, then the event alone; each retry is the event alone).
    const gaps = attempts.slice(-3).map((t, i, all) => (i === 0 ? 0 : t - all[i - 1]));
    expect(gaps[1]).toBeGreaterThanOrEqual(45);
    expect(gaps[2]).toBeGreaterThanOrEqual(95);
    // What came before the event is kept; nothing after it is applied, so nothing is skipped.
    expect(seen.picky).toEqual(['one']);
    expect(runner.checkpoints().get('picky')).toBe(before);
    expect(await runner.waitFor(later, 100, ['picky'])).toBe(false);
    expect((await readStalls(db)).map((s) => [s.name, s.position, s.eventType])).toEqual([['picky', poison, 'Poison']]);

    // The others go on while it stays stalled.
    const fifth = await append('ThingHappened', 'five');
    expect(await runner.waitFor(fifth, 10_000, ['steady'])).toBe(true);
    expect(seen.steady).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(seen.picky).toEqual(['one']);

    // The cause fixed, a retry asked through the read-model store (`projections retry picky`): it
    // applies the event, catches up from the log by itself, and goes on with the others.
    poisoned = false;
    expect(await requestRetry(db, 'picky', clock.now())).toBe(true);
    expect(await runner.waitFor(fifth, 10_000, ['picky'])).toBe(true);
    const sixth = await append('ThingHappened', 'six');
    expect(await runner.waitFor(sixth, 10_000)).toBe(true);
    expect(seen.picky).toEqual(['one', 'two', 'three', 'four', 'five', 'six']);
    expect(seen.steady).toEqual(['one', 'two', 'three', 'four', 'five', 'six']);
    expect(runner.failures()).toEqual([]);
    expect(await readStalls(db)).toEqual([]);
    await runner.stop();
    await store.close();
    await db.destroy();
  });
});

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
import { ProjectionRunner } from './projection-runner';
import { openSqliteReadModels, type CoreTables } from './read-model-db';

describe('a projection runner facing an event it cannot apply', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-runner-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps retrying while it runs, stops when told without moving the checkpoint, and applies the event at the next start', async () => {
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
    const { position } = await store.append(`thing-${randomUUID()}`, [{ id: randomUUID(), type: 'ThingHappened', data: {} }], { expected: 'no_stream' });

    const first = new ProjectionRunner(store, db, [projection], clock, silent);
    await first.start();
    while (attempts < 3) await new Promise((r) => setTimeout(r, 20));
    expect(await first.waitFor(position, 50)).toBe(false);
    const stopped = await Promise.race([first.stop().then(() => 'stopped'), new Promise((r) => setTimeout(() => r('hung'), 10_000))]);
    expect(stopped).toBe('stopped');
    expect((await readCheckpoints(db as unknown as Kysely<CoreTables>)).get('picky') ?? 0n).toBe(0n);

    poisoned = false;
    const second = new ProjectionRunner(store, db, [projection], clock, silent);
    await second.start();
    expect(await second.waitFor(position, 10_000)).toBe(true);
    expect(applied).toEqual(['ThingHappened']);
    await second.stop();
    await store.close();
    await db.destroy();
  });
});

import { casesMigrations, casesProjections } from '@ruamjai/cases';
import { loadConfig } from '@ruamjai/config';
import { SqliteEventStore } from '@ruamjai/event-store';
import { FixedClock } from '@ruamjai/kernel';
import { planningMigrations, planningProjections } from '@ruamjai/planning';
import {
  migrateReadModels,
  openPostgresReadModels,
  openSqliteReadModels,
  ProjectionRunner,
  rebuildProjections,
  type Projection,
  type ReadModelDb,
} from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSakaeo2562 } from '../apps/cli/src/seed/run-seed';
import { freshPostgresDatabase, postgresServerUrl } from './support/postgres';

/** Tables of the platform itself, not written by projections. */
const NOT_PROJECTED = /^(projection_checkpoints|kysely_migration.*|inbound_messages|idempotency.*|requests?)$/;
const projections: readonly Projection[] = [...planningProjections, ...casesProjections];
const clock = new FixedClock(new Date('2019-10-01T00:00:00Z'));

interface Dialect {
  name: string;
  open(): Promise<{ db: ReadModelDb; dispose(): Promise<void> }>;
}
const dir = mkdtempSync(join(tmpdir(), 'ruamjai-exactly-once-'));
const dialects: Dialect[] = [
  {
    name: 'SQLite',
    open: async () => {
      const file = join(mkdtempSync(join(dir, 'rm-')), 'read-models.sqlite');
      const db = openSqliteReadModels(file);
      return { db, dispose: () => db.destroy() };
    },
  },
];
const pgServer = postgresServerUrl();
if (pgServer) {
  dialects.push({
    name: 'PostgreSQL',
    open: async () => {
      const database = await freshPostgresDatabase(pgServer);
      const db = openPostgresReadModels(database.url);
      return {
        db,
        dispose: async () => {
          await db.destroy();
          await database.drop();
        },
      };
    },
  });
} else {
  describe('projections exactly once on PostgreSQL', () => {
    it.skip("need the test run's PostgreSQL (started by the global setup, or DATABASE_URL)", () => undefined);
  });
}

/** Every row of every table the projections write, in a stable order. */
async function snapshot(db: ReadModelDb): Promise<Record<string, string[]>> {
  const k = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const tables = (await k.introspection.getTables())
    .map((t) => t.name)
    .filter((name) => !NOT_PROJECTED.test(name))
    .sort();
  const out: Record<string, string[]> = {};
  for (const table of tables)
    out[table] = (await k.selectFrom(table).selectAll().execute()).map((row) => JSON.stringify(row)).sort();
  return out;
}

describe.each(dialects)(
  'projections on $name, replayed after a crash between a commit and the next batch',
  (dialect) => {
    jest.setTimeout(240_000);
    let store: SqliteEventStore;
    beforeAll(async () => {
      // The Sa Kaeo seed, through the commands: events for every table the projections write.
      const seedDir = join(dir, `seed-${dialect.name}`);
      await seedSakaeo2562(loadConfig({ DATA_DIR: seedDir, LOG_LEVEL: 'silent' }));
      store = SqliteEventStore.open({ file: join(seedDir, 'events.sqlite'), readOnly: true });
    });
    afterAll(async () => {
      await store?.close();
    });

    it('apply every event exactly once to every table, dashboard cells included: the same rows as a rebuild', async () => {
      const live = await dialect.open();
      const rebuilt = await dialect.open();
      try {
        for (const { db } of [live, rebuilt])
          await migrateReadModels(db as unknown as Kysely<unknown>, [planningMigrations, casesMigrations]);
        const head = (await store.headPosition())!;

        // The first batches commit, and the runner fails right after each commit, before it records
        // its progress (a crash there): it applies the same batch again.
        let crashes = 0;
        let told = '';
        const crashing = new ProjectionRunner(store, live.db, projections, clock, undefined, 0, (checkpoints) => {
          // Told of checkpoints that moved: a batch has just been committed.
          const now = JSON.stringify([...checkpoints].map(([name, position]) => [name, String(position)]));
          const moved = now !== told;
          told = now;
          if (moved && crashes < 3 && [...checkpoints.values()].some((p) => p > 0n)) {
            crashes++;
            throw new Error('crashed after the commit');
          }
        });
        await crashing.start();
        expect(await crashing.waitFor(head, 120_000)).toBe(true);
        await crashing.stop();
        expect(crashes).toBeGreaterThan(0);

        // A restart that reads $all from the start (a new projection has no checkpoint yet) hands
        // every event to the others again.
        const probe: Projection = {
          name: 'probe',
          handles: () => false,
          begin: () => ({ apply: async () => undefined, flush: async () => undefined }),
          reset: async () => undefined,
        };
        const restarted = new ProjectionRunner(store, live.db, [...projections, probe], clock);
        await restarted.start();
        expect(await restarted.waitFor(head, 120_000)).toBe(true);
        await restarted.stop();

        await rebuildProjections(store, rebuilt.db, projections, clock);
        const replayed = await snapshot(live.db);
        const expected = await snapshot(rebuilt.db);
        for (const table of [
          'plan_views',
          'plan_projects',
          'plan_dashboard',
          'agencies',
          'case_register',
          'referral_register',
          'commitment_register',
        ]) {
          expect([table, (expected[table] ?? []).length > 0]).toEqual([table, true]);
        }
        expect(Object.keys(replayed)).toEqual(Object.keys(expected));
        for (const table of Object.keys(expected)) expect([table, replayed[table]]).toEqual([table, expected[table]]);
      } finally {
        await live.dispose();
        await rebuilt.dispose();
      }
    });
  },
);

afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }));

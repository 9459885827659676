import { profiled, type Breakdown } from './profile';
import Database from 'better-sqlite3';
import { SqliteEventStore, type NewEvent } from '@ruamjai/event-store';
import { systemClock } from '@ruamjai/kernel';
import { planningMigrations, planningProjections } from '@ruamjai/planning';
import {
  migrateReadModels,
  openPostgresReadModels,
  openSqliteReadModels,
  rebuildProjections,
  type ReadModelDb,
} from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

/**
 * (e) Rebuild of the plan projections over `total` plan events: 2,000 plans of 50 events, written
 * interleaved (round-robin in 10-event appends) as many coordinators would write them.
 */
export interface RebuildFigure {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** Where this thread's time went during a rebuild (its CPU profile). */
  profile?: Breakdown;
}

export async function rebuildFigures(
  dir: string,
  total: number,
  postgresUrl?: string,
): Promise<{ floor: RebuildFigure; storeRead: RebuildFigure; sqlite: RebuildFigure; postgres?: RebuildFigure }> {
  const file = join(dir, 'rebuild-bench.sqlite');
  const store = SqliteEventStore.open({ file });
  try {
    await writePlans(store, total);
    const floor = readFloor(file);
    const storeRead = await readThroughStore(store);
    const sqlite = await rebuildInto(
      store,
      openSqliteReadModels(join(dir, 'rebuild-read-models.sqlite'), { cacheMb: 256 }),
    );
    const postgres = postgresUrl ? await rebuildInto(store, openPostgresReadModels(postgresUrl)) : undefined;
    return { floor, storeRead, sqlite, postgres };
  } finally {
    await store.close();
  }
}

/**
 * The floor for a rebuild: every event of the log read from the file in order and its data and
 * metadata JSON-parsed, with no projection work and no store in between (better-sqlite3, one query).
 */
export function readFloor(file: string): RebuildFigure {
  const db = new Database(file, { readonly: true });
  try {
    const started = performance.now();
    let events = 0;
    let fields = 0;
    const rows = db.prepare<[], [string, string, string]>('SELECT type, data, metadata FROM events ORDER BY position');
    for (const [type, data, metadata] of rows.raw().iterate()) {
      if (type.startsWith('$')) continue;
      const parsed = JSON.parse(data) as object;
      const meta = JSON.parse(metadata) as object;
      fields += Object.keys(parsed).length + Object.keys(meta).length;
      events += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    if (fields === 0) throw new Error('the floor read no fields');
    return { events, seconds, eventsPerSecond: events / seconds };
  } finally {
    db.close();
  }
}

/** The same read through our store's `readAll` (what a rebuild reads), still with no projection work. */
async function readThroughStore(store: SqliteEventStore): Promise<RebuildFigure> {
  const started = performance.now();
  let events = 0;
  for await (const event of store.readAll({ fromPosition: 'start' })) if (!event.type.startsWith('$')) events += 1;
  const seconds = (performance.now() - started) / 1000;
  return { events, seconds, eventsPerSecond: events / seconds };
}

async function rebuildInto(store: SqliteEventStore, db: ReadModelDb): Promise<RebuildFigure> {
  try {
    await migrateReadModels(db as unknown as Kysely<unknown>, [planningMigrations]);
    // Timed inside the profiled run: the profiler's start and stop are not the rebuild's.
    let seconds = 0;
    const { result, breakdown } = await profiled(async () => {
      const started = performance.now();
      const rebuilt = await rebuildProjections(store, db, planningProjections, systemClock);
      seconds = (performance.now() - started) / 1000;
      return rebuilt;
    });
    return { events: result.events, seconds, eventsPerSecond: result.events / seconds, profile: breakdown };
  } finally {
    await db.destroy();
  }
}

async function writePlans(store: SqliteEventStore, total: number): Promise<void> {
  const perPlan = 50;
  const plans = Array.from({ length: Math.ceil(total / perPlan) }, () => ({ id: randomUUID(), revision: -1n }));
  for (let round = 0; round < perPlan / 10; round++) {
    await Promise.all(
      plans.map(async (plan) => {
        const result = await store.append(`plan-${plan.id}`, planEvents(plan.id, round === 0, 10), {
          expected: plan.revision < 0n ? 'no_stream' : plan.revision,
        });
        plan.revision = result.nextExpectedRevision;
      }),
    );
  }
}

const meta = {
  actorId: 'bench',
  agency: 'PSDHS-SK',
  role: 'coordinator',
  correlationId: 'bench',
  causationId: 'bench',
  commandType: 'AddProject',
  schemaVersion: 1,
  occurredAt: '2019-02-14T03:00:00.000Z',
};

/** `count` events of plan `planId`: its drafting first when `first`, then new projects. */
export function planEvents(planId: string, first: boolean, count: number): NewEvent[] {
  return Array.from({ length: count }, (_, i) =>
    first && i === 0
      ? {
          id: randomUUID(),
          type: 'PlanDrafted',
          data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนปฏิบัติการ', titleEn: null },
          metadata: meta,
        }
      : {
          id: randomUUID(),
          type: 'ProjectAdded',
          data: {
            planId,
            projectId: randomUUID(),
            titleTh: 'โครงการป้องกันการค้ามนุษย์',
            titleEn: null,
            strategy: 'prevention',
            participatingAgencyCodes: [],
            targetGroups: [],
            objectives: [],
            leadAgencyCode: 'PSDHS-SK',
            districtCodes: ['2706', '2708'],
            requestedBudgetSatang: 1_000_000 + i,
            fundingSource: 'provincial_budget',
          },
          metadata: meta,
        },
  );
}

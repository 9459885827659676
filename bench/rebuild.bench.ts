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
}

export async function rebuildFigures(
  dir: string,
  total: number,
  postgresUrl?: string,
): Promise<{ sqlite: RebuildFigure; postgres?: RebuildFigure }> {
  const store = SqliteEventStore.open({ file: join(dir, 'rebuild-bench.sqlite') });
  try {
    await writePlans(store, total);
    const sqlite = await rebuildInto(store, openSqliteReadModels(join(dir, 'rebuild-read-models.sqlite')));
    const postgres = postgresUrl ? await rebuildInto(store, openPostgresReadModels(postgresUrl)) : undefined;
    return { sqlite, postgres };
  } finally {
    await store.close();
  }
}

async function rebuildInto(store: SqliteEventStore, db: ReadModelDb): Promise<RebuildFigure> {
  try {
    await migrateReadModels(db as unknown as Kysely<unknown>, [planningMigrations]);
    const started = performance.now();
    const result = await rebuildProjections(store, db, planningProjections, systemClock);
    const seconds = (performance.now() - started) / 1000;
    return { events: result.events, seconds, eventsPerSecond: result.events / seconds };
  } finally {
    await db.destroy();
  }
}

async function writePlans(store: SqliteEventStore, total: number): Promise<void> {
  const perPlan = 50;
  const plans = Array.from({ length: Math.ceil(total / perPlan) }, () => ({ id: randomUUID(), revision: -1n }));
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
  for (let round = 0; round < perPlan / 10; round++) {
    await Promise.all(
      plans.map(async (plan) => {
        const events: NewEvent[] = Array.from({ length: 10 }, (_, i) =>
          round === 0 && i === 0
            ? {
                id: randomUUID(),
                type: 'PlanDrafted',
                data: {
                  planId: plan.id,
                  provinceCode: 'TH-27',
                  fiscalYear: 2562,
                  titleTh: 'แผนปฏิบัติการ',
                  titleEn: null,
                },
                metadata: meta,
              }
            : {
                id: randomUUID(),
                type: 'ProjectAdded',
                data: {
                  planId: plan.id,
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
        const result = await store.append(`plan-${plan.id}`, events, {
          expected: plan.revision < 0n ? 'no_stream' : plan.revision,
        });
        plan.revision = result.nextExpectedRevision;
      }),
    );
  }
}

/**
 * Appends plans in a loop until killed: each append is one PlanDrafted and four ProjectAdded events
 * in one stream. Prints every acknowledged append as "ack <stream> <position>". Projections run in
 * the same process, as they do in the API on the embedded default.
 */
import { SqliteEventStore } from '@ruamjai/event-store';
import { systemClock } from '@ruamjai/kernel';
import { planningMigrations, planningProjections } from '@ruamjai/planning';
import { migrateReadModels, openSqliteReadModels, ProjectionRunner } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

async function main() {
  const dir = process.argv[2];
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  const db = openSqliteReadModels(join(dir, 'read-models.sqlite'));
  await migrateReadModels(db as unknown as Kysely<unknown>, [planningMigrations]);
  const runner = new ProjectionRunner(store, db, planningProjections, systemClock);
  await runner.start();
  process.stdout.write('ready\n');
  const writer = async () => {
    for (;;) {
      const planId = randomUUID();
      const batch = randomUUID();
      const meta = {
        actorId: 'crash',
        agency: 'PSDHS-SK',
        role: 'coordinator',
        correlationId: batch,
        causationId: batch,
        commandType: 'Test',
        schemaVersion: 1,
        occurredAt: new Date().toISOString(),
        batch,
      };
      const events = [
        {
          id: randomUUID(),
          type: 'PlanDrafted',
          data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนทดสอบ', titleEn: null },
          metadata: meta,
        },
        ...Array.from({ length: 4 }, (_, i) => ({
          id: randomUUID(),
          type: 'ProjectAdded',
          data: {
            planId,
            projectId: randomUUID(),
            titleTh: `โครงการ ${i}`,
            titleEn: null,
            strategy: 'prevention',
            participatingAgencyCodes: [],
            targetGroups: [],
            objectives: [],
            leadAgencyCode: 'PSDHS-SK',
            districtCodes: ['2706'],
            requestedBudgetSatang: 1000 * (i + 1),
            fundingSource: 'provincial_budget',
          },
          metadata: meta,
        })),
      ];
      const result = await store.append(`plan-${planId}`, events, { expected: 'no_stream' });
      process.stdout.write(`ack plan-${planId} ${result.position}\n`);
    }
  };
  // Several writers at once, so group commits are under way when the kill lands.
  await Promise.all([writer(), writer(), writer(), writer()]);
}

void main();

import { CommandRunner, SqliteEventStore } from '@ruamjai/event-store';
import { FixedClock } from '@ruamjai/kernel';
import { migrateReadModels, openSqliteReadModels, ProjectionRunner } from '@ruamjai/read-models';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanCommand } from '../domain/plan.commands';
import { planDecider, planStreamId } from '../domain/plan.decider';
import { FUNDING_SOURCES } from '../domain/funding-source';
import { PlanAudit } from './plan-audit';
import { planningProjections } from './plan-projections';
import { PlanQueries } from './plan-queries';
import type { PlanView } from './plan-view';
import { planningMigrations } from './planning-tables';

type Step = { kind: 'add'; budget: number; source: number; districts: number[]; minutes: number } | { kind: 'revise'; project: number; budget: number; minutes: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    budget: fc.integer({ min: 0, max: 50_000_000 }),
    source: fc.integer({ min: 0, max: FUNDING_SOURCES.length - 1 }),
    districts: fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
    minutes: fc.integer({ min: 1, max: 60 * 24 * 10 }),
  }),
  fc.record({ kind: fc.constant('revise' as const), project: fc.nat(), budget: fc.integer({ min: 0, max: 50_000_000 }), minutes: fc.integer({ min: 1, max: 60 * 24 * 10 }) }),
);

describe('the plan as it was', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-asof-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  const db = openSqliteReadModels(join(dir, 'read-models.sqlite'));
  const clock = new FixedClock(new Date('2019-01-01T00:00:00Z'));
  const runner = new ProjectionRunner(store, db, planningProjections, clock, undefined, 0);
  const commands = new CommandRunner(store);
  const queries = new PlanQueries(db);
  const audit = new PlanAudit(store);
  const actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' as const };

  beforeAll(async () => {
    await migrateReadModels(db as unknown as Kysely<unknown>, [planningMigrations]);
    await runner.start();
  });
  afterAll(async () => {
    await runner.stop();
    await store.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('equals, at every event\'s time and revision, the view the projection had built by then', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 12 }), async (steps) => {
        const planId = randomUUID();
        const projects: string[] = [];
        let at = new Date('2019-01-01T00:00:00Z');
        const snapshots: Array<{ at: Date; view: PlanView }> = [];
        const run = async (command: PlanCommand) => {
          const outcome = await commands.run(planDecider, planStreamId(planId), command, { actor, correlationId: 'p', causationId: 'p' });
          expect(await runner.waitFor(outcome.position, 10_000)).toBe(true);
          snapshots.push({ at: command.at, view: (await queries.view(planId))! });
        };
        await run({ type: 'DraftPlan', actor, at, data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนทดสอบ' } });
        for (const s of steps) {
          at = new Date(at.getTime() + s.minutes * 60_000);
          if (s.kind === 'add') {
            const projectId = randomUUID();
            projects.push(projectId);
            await run({
              type: 'AddProject',
              leadAgency: { status: 'active', code: 'PSDHS-SK', nameTh: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว', agencyType: 'social_development', districtCode: '2701' } as const,
              actor,
              at,
              data: { planId, projectId, titleTh: 'โครงการ', leadAgencyCode: 'PSDHS-SK', districtCodes: s.districts.map((d) => `270${d}`), requestedBudgetSatang: s.budget, fundingSource: FUNDING_SOURCES[s.source] },
            });
          } else if (projects.length > 0) {
            const projectId = projects[s.project % projects.length];
            const current = snapshots[snapshots.length - 1].view.projects.find((p) => p.projectId === projectId)!;
            if (current.requestedBudgetSatang === s.budget) continue;
            await run({ type: 'ReviseProjectBudget', actor, at, data: { planId, projectId, requestedBudgetSatang: s.budget, reason: 'ปรับ' } });
          }
        }
        for (const snapshot of snapshots) {
          expect(await audit.viewAt(planId, { at: snapshot.at })).toEqual(snapshot.view);
          expect(await audit.viewAt(planId, { revision: snapshot.view.revision })).toEqual(snapshot.view);
        }
      }),
      { numRuns: 25 },
    );
  });
});

import { collect, CommandRunner, SqliteEventStore } from '@ruamjai/event-store';
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
import type { PlanEvent } from '../domain/plan.events';
import { foldPlanView, PlanAudit } from './plan-audit';
import { planningProjections } from './plan-projections';
import { PlanQueries } from './plan-queries';
import type { PlanView, ViewEvent } from './plan-view';
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
              agencies: { 'PSDHS-SK': { status: 'active', code: 'PSDHS-SK', nameTh: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว', agencyType: 'social_development', districtCode: '2701' } as const },
              actor,
              at,
              data: { planId, projectId, titleTh: 'โครงการ', strategy: 'prevention', leadAgencyCode: 'PSDHS-SK', districtCodes: s.districts.map((d) => `270${d}`), requestedBudgetSatang: s.budget, fundingSource: FUNDING_SOURCES[s.source] },
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

describe('the plan as it was, on a long plan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-asof-long-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes from kept folds and still equals folding every event, at any point asked in any order', async () => {
    const commands = new CommandRunner(store);
    const actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' as const };
    const leadAgency = { status: 'active', code: 'PSDHS-SK', nameTh: 'พมจ.สระแก้ว', agencyType: 'social_development', districtCode: '2701' } as const;
    const planId = randomUUID();
    let at = new Date('2019-01-01T00:00:00Z');
    const run = (command: Omit<PlanCommand, 'actor' | 'at'>) => {
      at = new Date(at.getTime() + 60_000);
      return commands.run(planDecider, planStreamId(planId), { ...command, actor, at } as PlanCommand, { actor, correlationId: 'p', causationId: 'p' });
    };
    await run({ type: 'DraftPlan', data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนยาว' } } as unknown as PlanCommand);
    const projects: string[] = [];
    for (let i = 1; i < 2600; i++) {
      if (i % 3 === 0 && projects.length > 0) {
        await run({ type: 'ReviseProjectBudget', data: { planId, projectId: projects[i % projects.length], requestedBudgetSatang: 1000 + i, reason: 'ปรับ' } } as unknown as PlanCommand);
      } else {
        const projectId = randomUUID();
        projects.push(projectId);
        await run({ type: 'AddProject', agencies: { 'PSDHS-SK': leadAgency }, data: { planId, projectId, titleTh: 'โครงการ', strategy: 'prevention', leadAgencyCode: 'PSDHS-SK', districtCodes: ['2706'], requestedBudgetSatang: 500 + i, fundingSource: 'provincial_budget' } } as unknown as PlanCommand);
      }
    }
    const all: ViewEvent[] = (await collect(store.readStream(planStreamId(planId)))).map((e) => ({
      event: e as unknown as PlanEvent,
      revision: Number(e.revision),
      occurredAt: (e.metadata as { occurredAt: string }).occurredAt,
    }));
    const audit = new PlanAudit(store);
    const points = [2599, 1200, 2999, 999, 1000, 0, 2000, 1999, 1501, 2598];
    for (const revision of points) {
      expect(await audit.viewAt(planId, { revision })).toEqual(foldPlanView(all.filter((e) => e.revision <= revision)));
      const time = new Date(Date.parse(all[Math.min(revision, all.length - 1)].occurredAt));
      expect(await audit.viewAt(planId, { at: time })).toEqual(foldPlanView(all.filter((e) => Date.parse(e.occurredAt) <= time.getTime())));
    }
  });
});

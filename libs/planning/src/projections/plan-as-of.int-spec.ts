import { collect, CommandRunner, SqliteEventStore } from '@ruamjai/event-store';
import { DomainError, FixedClock } from '@ruamjai/kernel';
import { migrateReadModels, openSqliteReadModels, ProjectionRunner } from '@ruamjai/read-models';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanCommand } from '../plan/plan.commands';
import { planDecider, planStreamId } from '../plan/plan.decider';
import { FUNDING_SOURCES } from '../plan/funding-source';
import { STRATEGY_AREAS } from '../plan/plan-structure';
import type { PlanEvent } from '../plan/plan.events';
import { foldPlanView, PlanAudit } from './plan-audit';
import { planningProjections } from './plan-projections';
import { PlanQueries } from './plan-queries';
import { PlanDashboardQueries } from './plan-dashboard-queries';
import {
  addContribution,
  cellKey,
  isEmpty,
  MEASURES,
  type DashboardCells,
  type DashboardDimension,
} from './plan-dashboard';
import type { PlanView, ViewEvent } from './plan-view';
import { planningMigrations, type PlanningTables } from './planning-tables';

/** One random thing done to a plan; indices pick among what exists, and a refused command just records nothing. */
type Step =
  | { kind: 'add'; budget: number; source: number; districts: number[]; strategy: number; minutes: number }
  | { kind: 'revise'; project: number; budget: number; minutes: number }
  | { kind: 'activity'; project: number; district: number; children: number; minutes: number }
  | { kind: 'line'; project: number; source: number; budget: number; minutes: number }
  | { kind: 'revise-line'; line: number; budget: number; minutes: number }
  | { kind: 'change'; project: number; strategy: number; minutes: number }
  | { kind: 'reassign'; project: number; minutes: number }
  | { kind: 'kpi'; project: number; target: number; minutes: number }
  | { kind: 'withdraw-activity'; activity: number; minutes: number }
  | { kind: 'withdraw-project'; project: number; minutes: number }
  | { kind: 'approve'; minutes: number }
  | { kind: 'report'; activity: number; spend: number; reached: number; done: boolean; minutes: number }
  | { kind: 'actual'; kpi: number; actual: number; minutes: number };

const minutes = fc.integer({ min: 1, max: 60 * 24 * 10 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    budget: fc.integer({ min: 0, max: 50_000_000 }),
    source: fc.integer({ min: 0, max: FUNDING_SOURCES.length - 1 }),
    districts: fc.uniqueArray(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
    strategy: fc.integer({ min: 0, max: STRATEGY_AREAS.length - 1 }),
    minutes,
  }),
  fc.record({
    kind: fc.constant('revise' as const),
    project: fc.nat(),
    budget: fc.integer({ min: 0, max: 50_000_000 }),
    minutes,
  }),
  fc.record({
    kind: fc.constant('activity' as const),
    project: fc.nat(),
    district: fc.integer({ min: 1, max: 9 }),
    children: fc.integer({ min: 0, max: 500 }),
    minutes,
  }),
  fc.record({
    kind: fc.constant('line' as const),
    project: fc.nat(),
    source: fc.integer({ min: 0, max: FUNDING_SOURCES.length - 1 }),
    budget: fc.integer({ min: 0, max: 5_000_000 }),
    minutes,
  }),
  fc.record({
    kind: fc.constant('revise-line' as const),
    line: fc.nat(),
    budget: fc.integer({ min: 0, max: 5_000_000 }),
    minutes,
  }),
  fc.record({
    kind: fc.constant('change' as const),
    project: fc.nat(),
    strategy: fc.integer({ min: 0, max: STRATEGY_AREAS.length - 1 }),
    minutes,
  }),
  fc.record({ kind: fc.constant('reassign' as const), project: fc.nat(), minutes }),
  fc.record({
    kind: fc.constant('kpi' as const),
    project: fc.nat(),
    target: fc.integer({ min: 1, max: 100 }),
    minutes,
  }),
  fc.record({ kind: fc.constant('withdraw-activity' as const), activity: fc.nat(), minutes }),
  fc.record({ kind: fc.constant('withdraw-project' as const), project: fc.nat(), minutes }),
  fc.record({ kind: fc.constant('approve' as const), minutes }),
  fc.record({
    kind: fc.constant('report' as const),
    activity: fc.nat(),
    spend: fc.integer({ min: 0, max: 1_000_000 }),
    reached: fc.integer({ min: 0, max: 100 }),
    done: fc.boolean(),
    minutes,
  }),
  fc.record({ kind: fc.constant('actual' as const), kpi: fc.nat(), actual: fc.integer({ min: 0, max: 150 }), minutes }),
);

const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items.length > 0 ? items[index % items.length] : undefined;

describe('the plan as it was', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-asof-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  const db = openSqliteReadModels(join(dir, 'read-models.sqlite'));
  const clock = new FixedClock(new Date('2019-01-01T00:00:00Z'));
  const runner = new ProjectionRunner(store, db, planningProjections, clock, undefined, 0);
  const commands = new CommandRunner(store);
  const queries = new PlanQueries(db);
  const audit = new PlanAudit(store);
  const dashboards = new PlanDashboardQueries(db);
  const actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' as const, province: 'TH-27' };

  beforeAll(async () => {
    await migrateReadModels(db as unknown as Kysely<unknown>, [planningMigrations]);
    await runner.start();
  });
  afterAll(async () => {
    await runner.stop();
    await store.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  });

  it("equals, at every event's time and revision, the view the projection had built by then", async () => {
    const agencies = {
      'PSDHS-SK': {
        status: 'active',
        code: 'PSDHS-SK',
        nameTh: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว',
        agencyType: 'social_development',
        districtCode: '2701',
      },
      'IMM-SK': {
        status: 'active',
        code: 'IMM-SK',
        nameTh: 'ตรวจคนเข้าเมืองจังหวัดสระแก้ว',
        agencyType: 'immigration',
        districtCode: '2706',
      },
    } as const;
    const chair = { id: 'governor', agency: 'PROV-SK', role: 'chair' as const, province: 'TH-27' };
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 6, maxLength: 30, size: 'max' }), async (steps) => {
        const planId = randomUUID();
        const projects: string[] = [];
        const lines: string[] = [];
        const activities: string[] = [];
        const kpis: string[] = [];
        let at = new Date('2019-01-01T00:00:00Z');
        const snapshots: Array<{ at: Date; view: PlanView }> = [];
        /** Runs a command; one the rules refuse records nothing, which is fine for a random walk. */
        const run = async (command: PlanCommand): Promise<boolean> => {
          try {
            const outcome = await commands.run(planDecider, planStreamId(planId), command, {
              actor: command.actor,
              correlationId: 'p',
              causationId: 'p',
            });
            expect(await runner.waitFor(outcome.position, 10_000)).toBe(true);
          } catch (error) {
            if (error instanceof DomainError) return false;
            throw error;
          }
          snapshots.push({ at: command.at, view: (await queries.view(planId))! });
          return true;
        };
        const base = () => ({ actor, at, agencies });
        await run({
          type: 'DraftPlan',
          actor,
          at,
          data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนทดสอบ' },
        });
        for (const s of steps) {
          at = new Date(at.getTime() + s.minutes * 60_000);
          const reason = 'ปรับตามมติที่ประชุม';
          switch (s.kind) {
            case 'add': {
              const projectId = randomUUID();
              const data = {
                planId,
                projectId,
                titleTh: 'โครงการ',
                strategy: STRATEGY_AREAS[s.strategy],
                leadAgencyCode: 'PSDHS-SK',
                participatingAgencyCodes: ['IMM-SK'],
                targetGroups: ['children' as const],
                districtCodes: s.districts.map((d) => `270${d}`),
                requestedBudgetSatang: s.budget,
                fundingSource: FUNDING_SOURCES[s.source],
                reason,
              };
              if (await run({ type: 'AddProject', ...base(), data })) {
                projects.push(projectId);
                lines.push(projectId);
              }
              break;
            }
            case 'revise': {
              const projectId = pick(projects, s.project);
              if (projectId)
                await run({
                  type: 'ReviseProjectBudget',
                  actor,
                  at,
                  data: { planId, projectId, requestedBudgetSatang: s.budget, reason },
                });
              break;
            }
            case 'activity': {
              const projectId = pick(projects, s.project);
              const activityId = randomUUID();
              const data = {
                planId,
                projectId: projectId!,
                activityId,
                titleTh: 'กิจกรรม',
                districtCode: `270${s.district}`,
                startDate: '2019-03-01',
                endDate: '2019-08-31',
                targets: { children: s.children },
                reason,
              };
              if (projectId && (await run({ type: 'AddActivity', ...base(), data }))) activities.push(activityId);
              break;
            }
            case 'line': {
              const projectId = pick(projects, s.project);
              const lineId = randomUUID();
              if (
                projectId &&
                (await run({
                  type: 'AddBudgetLine',
                  actor,
                  at,
                  data: {
                    planId,
                    projectId,
                    lineId,
                    fundingSource: FUNDING_SOURCES[s.source],
                    amountSatang: s.budget,
                    reason,
                  },
                }))
              )
                lines.push(lineId);
              break;
            }
            case 'revise-line': {
              const lineId = pick(lines, s.line);
              if (lineId)
                await run({
                  type: 'ReviseBudgetLine',
                  actor,
                  at,
                  data: { planId, lineId, amountSatang: s.budget, reason },
                });
              break;
            }
            case 'change': {
              const projectId = pick(projects, s.project);
              if (projectId)
                await run({
                  type: 'ChangeProject',
                  actor,
                  at,
                  data: { planId, projectId, strategy: STRATEGY_AREAS[s.strategy], reason },
                });
              break;
            }
            case 'reassign': {
              const projectId = pick(projects, s.project);
              const current =
                projectId && snapshots[snapshots.length - 1].view.projects.find((p) => p.projectId === projectId);
              const lead = current && current.leadAgencyCode === 'PSDHS-SK' ? 'IMM-SK' : 'PSDHS-SK';
              if (projectId)
                await run({
                  type: 'ReassignProject',
                  ...base(),
                  data: { planId, projectId, leadAgencyCode: lead, reason },
                });
              break;
            }
            case 'kpi': {
              const projectId = pick(projects, s.project);
              const kpiId = randomUUID();
              if (
                projectId &&
                (await run({
                  type: 'AddKpi',
                  actor,
                  at,
                  data: { planId, projectId, kpiId, descriptionTh: 'ตัวชี้วัด', unit: 'คน', target: s.target, reason },
                }))
              )
                kpis.push(kpiId);
              break;
            }
            case 'withdraw-activity': {
              const activityId = pick(activities, s.activity);
              if (activityId) await run({ type: 'WithdrawActivity', actor, at, data: { planId, activityId, reason } });
              break;
            }
            case 'withdraw-project': {
              const projectId = pick(projects, s.project);
              if (projectId) await run({ type: 'WithdrawProject', actor, at, data: { planId, projectId, reason } });
              break;
            }
            case 'approve':
              await run({ type: 'SubmitPlan', actor, at, data: { planId } });
              // A time names one state: the approval comes a minute after the submission.
              at = new Date(at.getTime() + 60_000);
              await run({
                type: 'ApprovePlan',
                actor: chair,
                at,
                data: { planId, meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' },
              });
              break;
            case 'report': {
              const activityId = pick(activities, s.activity);
              const on = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
              if (activityId)
                await run({
                  type: 'ReportActivityProgress',
                  actor,
                  at,
                  data: {
                    planId,
                    activityId,
                    reportedOn: on,
                    participantsReached: { children: s.reached },
                    spendSatang: s.spend,
                    completed: s.done,
                  },
                });
              break;
            }
            case 'actual': {
              const kpiId = pick(kpis, s.kpi);
              const on = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
              if (kpiId)
                await run({
                  type: 'RecordKpiActual',
                  actor,
                  at,
                  data: { planId, kpiId, actual: s.actual, measuredOn: on },
                });
              break;
            }
            default: {
              const _: never = s;
              throw new Error(`unknown step ${JSON.stringify(_)}`);
            }
          }
        }
        for (const snapshot of snapshots) {
          expect(await audit.viewAt(planId, { at: snapshot.at })).toEqual(snapshot.view);
          expect(await audit.viewAt(planId, { revision: snapshot.view.revision })).toEqual(snapshot.view);
        }
        for (const event of await collect(store.readStream(planStreamId(planId)))) seen.add(event.type);
        // The dashboard cells, kept by difference event by event, equal the cells counted afresh from the final view.
        const fresh: DashboardCells = new Map();
        for (const project of snapshots[snapshots.length - 1].view.projects) addContribution(fresh, project, 1);
        const dashboard = (await dashboards.forPlan(planId))!;
        const cuts = {
          plan: [{ key: '', ...dashboard.totals }],
          strategy: dashboard.byStrategy,
          district: dashboard.byDistrict,
          agency: dashboard.byAgency,
          source: dashboard.bySource,
          target_group: dashboard.byTargetGroup,
        };
        const kept = new Map(
          Object.entries(cuts).flatMap(([dimension, cells]) =>
            cells.map(
              (c) =>
                [
                  cellKey(dimension as DashboardDimension, c.key),
                  Object.fromEntries(MEASURES.map((m) => [m, c[m]])),
                ] as const,
            ),
          ),
        );
        const expected = new Map([...fresh].filter(([, m]) => !isEmpty(m)));
        if (expected.size === 0) kept.delete(cellKey('plan', ''));
        expect(Object.fromEntries(kept)).toEqual(Object.fromEntries(expected));
      }),
      {
        numRuns: 40,
        // One walk through every kind of change, besides the random ones.
        examples: [
          [
            [
              { kind: 'add', budget: 1_000_000, source: 0, districts: [6, 8], strategy: 0, minutes: 60 },
              { kind: 'activity', project: 0, district: 6, children: 40, minutes: 60 },
              { kind: 'kpi', project: 0, target: 40, minutes: 60 },
              { kind: 'line', project: 0, source: 3, budget: 200_000, minutes: 60 },
              { kind: 'revise-line', line: 1, budget: 250_000, minutes: 60 },
              { kind: 'change', project: 0, strategy: 1, minutes: 60 },
              { kind: 'add', budget: 500_000, source: 1, districts: [1], strategy: 2, minutes: 60 },
              { kind: 'activity', project: 1, district: 1, children: 10, minutes: 60 },
              { kind: 'approve', minutes: 60 * 24 * 60 },
              { kind: 'report', activity: 0, spend: 100_000, reached: 35, done: true, minutes: 60 },
              { kind: 'actual', kpi: 0, actual: 41, minutes: 60 },
              { kind: 'reassign', project: 0, minutes: 60 },
              { kind: 'withdraw-activity', activity: 1, minutes: 60 },
              { kind: 'withdraw-project', project: 1, minutes: 60 },
              { kind: 'revise', project: 0, budget: 900_000, minutes: 60 },
            ],
          ],
        ],
      },
    );
    // The walk reached the structure, the amendments and the progress, not only the first steps.
    for (const type of [
      'ProjectAdded',
      'ActivityAdded',
      'BudgetLineAdded',
      'BudgetLineRevised',
      'ProjectChanged',
      'ProjectReassigned',
      'KpiAdded',
      'ActivityWithdrawn',
      'ProjectWithdrawn',
      'PlanApproved',
      'PlanAmended',
      'ActivityProgressReported',
      'KpiActualRecorded',
    ]) {
      expect(seen).toContain(type);
    }
  });
});

describe('the plan as it was, on a long plan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-asof-long-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  });

  it('resumes from kept folds and still equals folding every event, at any point asked in any order', async () => {
    const commands = new CommandRunner(store);
    const actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' as const, province: 'TH-27' };
    const leadAgency = {
      status: 'active',
      code: 'PSDHS-SK',
      nameTh: 'พมจ.สระแก้ว',
      agencyType: 'social_development',
      districtCode: '2701',
    } as const;
    const planId = randomUUID();
    let at = new Date('2019-01-01T00:00:00Z');
    const run = (command: Omit<PlanCommand, 'actor' | 'at'>) => {
      at = new Date(at.getTime() + 60_000);
      return commands.run(planDecider, planStreamId(planId), { ...command, actor, at } as PlanCommand, {
        actor,
        correlationId: 'p',
        causationId: 'p',
      });
    };
    await run({
      type: 'DraftPlan',
      data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนยาว' },
    } as unknown as PlanCommand);
    const projects: string[] = [];
    for (let i = 1; i < 2600; i++) {
      if (i % 3 === 0 && projects.length > 0) {
        await run({
          type: 'ReviseProjectBudget',
          data: { planId, projectId: projects[i % projects.length], requestedBudgetSatang: 1000 + i, reason: 'ปรับ' },
        } as unknown as PlanCommand);
      } else {
        const projectId = randomUUID();
        projects.push(projectId);
        await run({
          type: 'AddProject',
          agencies: { 'PSDHS-SK': leadAgency },
          data: {
            planId,
            projectId,
            titleTh: 'โครงการ',
            strategy: 'prevention',
            leadAgencyCode: 'PSDHS-SK',
            districtCodes: ['2706'],
            requestedBudgetSatang: 500 + i,
            fundingSource: 'provincial_budget',
          },
        } as unknown as PlanCommand);
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
      expect(await audit.viewAt(planId, { at: time })).toEqual(
        foldPlanView(all.filter((e) => Date.parse(e.occurredAt) <= time.getTime())),
      );
    }

    // The snapshots the projection keeps: a first view on a fresh reader resumes from them, exactly.
    const db = openSqliteReadModels(join(dir, 'read-models.sqlite'));
    try {
      await migrateReadModels(db as unknown as Kysely<unknown>, [planningMigrations]);
      const projections = new ProjectionRunner(
        store,
        db,
        planningProjections,
        new FixedClock(new Date()),
        undefined,
        0,
      );
      await projections.start();
      expect(await projections.waitFor((await store.headPosition())!, 30_000)).toBe(true);
      await projections.stop();
      const kept = await (db as unknown as Kysely<PlanningTables>)
        .selectFrom('plan_snapshots')
        .select('revision')
        .where('plan_id', '=', planId)
        .execute();
      expect(kept.length).toBeGreaterThanOrEqual(2);
      for (const revision of [...points, ...kept.map((k) => Number(k.revision))]) {
        const cold = new PlanAudit(store, db);
        expect(await cold.viewAt(planId, { revision })).toEqual(
          foldPlanView(all.filter((e) => e.revision <= revision)),
        );
        const time = new Date(Date.parse(all[Math.min(revision, all.length - 1)].occurredAt));
        expect(await new PlanAudit(store, db).viewAt(planId, { at: time })).toEqual(
          foldPlanView(all.filter((e) => Date.parse(e.occurredAt) <= time.getTime())),
        );
      }
      // A snapshot that does not match the log (here: named after another event) is not used.
      const top = Math.max(...kept.map((k) => Number(k.revision)));
      await (db as unknown as Kysely<PlanningTables>)
        .updateTable('plan_snapshots')
        .set({ event_id: 'not-the-event', doc: JSON.stringify({ summary: { planId, titleTh: 'ปลอม' }, projects: [] }) })
        .where('plan_id', '=', planId)
        .where('revision', '=', top)
        .execute();
      expect(await new PlanAudit(store, db).viewAt(planId, { revision: 2599 })).toEqual(
        foldPlanView(all.filter((e) => e.revision <= 2599)),
      );
    } finally {
      await db.destroy();
    }
  });
});

describe('the plan as it was, when command times run out of order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ruamjai-asof-order-'));
  const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  });

  it('is a state the plan really had: the events in log order up to the first one after the time asked', async () => {
    const commands = new CommandRunner(store);
    const actor = { id: 'somchai', agency: 'PSDHS-SK', role: 'coordinator' as const, province: 'TH-27' };
    const agencies = {
      'PSDHS-SK': {
        status: 'active',
        code: 'PSDHS-SK',
        nameTh: 'พมจ.สระแก้ว',
        agencyType: 'social_development',
        districtCode: '2701',
      },
    } as const;
    const planId = randomUUID();
    const run = (command: PlanCommand) =>
      commands.run(planDecider, planStreamId(planId), command, { actor, correlationId: 'p', causationId: 'p' });
    const add = (at: string, budget: number) =>
      run({
        type: 'AddProject',
        actor,
        at: new Date(at),
        agencies,
        data: {
          planId,
          projectId: randomUUID(),
          titleTh: 'โครงการ',
          strategy: 'prevention',
          leadAgencyCode: 'PSDHS-SK',
          districtCodes: ['2706'],
          requestedBudgetSatang: budget,
          fundingSource: 'provincial_budget',
        },
      });
    await run({
      type: 'DraftPlan',
      actor,
      at: new Date('2019-02-01T00:00:00Z'),
      data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผน' },
    });
    await add('2019-02-10T00:00:00Z', 100);
    // A clock behind the others: recorded after, dated before.
    await add('2019-02-05T00:00:00Z', 200);
    const audit = new PlanAudit(store);
    const early = await audit.viewAt(planId, { at: new Date('2019-02-06T00:00:00Z') });
    expect(early).toMatchObject({ revision: 0, totals: { requestedBudgetSatang: 0 } });
    const later = await audit.viewAt(planId, { at: new Date('2019-02-11T00:00:00Z') });
    expect(later).toMatchObject({ revision: 2, totals: { requestedBudgetSatang: 300 } });
  });
});

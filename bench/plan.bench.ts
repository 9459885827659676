import { profiled, type Breakdown } from './profile';
import { CommandRunner, SqliteEventStore, type CommandContext } from '@ruamjai/event-store';
import { FixedClock, type Actor } from '@ruamjai/kernel';
import {
  PlanAudit,
  planDecider,
  planningMigrations,
  planningProjections,
  planStreamId,
  type PlanCommand,
} from '@ruamjai/planning';
import { migrateReadModels, openSqliteReadModels, ProjectionRunner } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

const actor: Actor = { id: 'bench', agency: 'PSDHS-SK', role: 'coordinator', province: 'TH-27' };
const chair: Actor = { id: 'governor', agency: 'PROV-SK', role: 'chair', province: 'TH-27' };
const context: CommandContext = { actor, correlationId: 'bench', causationId: 'bench' };
const agencies = {
  'PSDHS-SK': {
    status: 'active',
    code: 'PSDHS-SK',
    nameTh: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว',
    agencyType: 'social_development',
    districtCode: '2701',
  },
} as const;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

type Run = (command: Omit<PlanCommand, 'actor' | 'at'>, by?: Actor) => Promise<unknown>;

function runnerFor(runner: CommandRunner, clock: FixedClock, planId: string): Run {
  return (command, by = actor) => {
    clock.advance(60_000);
    return runner.run(
      planDecider,
      planStreamId(planId),
      { ...command, actor: by, at: clock.now() } as unknown as PlanCommand,
      { ...context, actor: by },
    );
  };
}

const project = (planId: string, projectId: string, i: number) => ({
  type: 'AddProject',
  agencies,
  data: {
    planId,
    projectId,
    titleTh: `โครงการที่ ${i}`,
    strategy: 'prevention',
    leadAgencyCode: 'PSDHS-SK',
    districtCodes: ['2706'],
    requestedBudgetSatang: 100_000 + i,
    fundingSource: 'provincial_budget',
  },
});

/**
 * A year's plan as it grows in use: 40 projects with four activities and two KPIs each, approved,
 * then progress reports and KPI actuals until the stream holds `events` events.
 */
async function realisticPlan(
  runner: CommandRunner,
  clock: FixedClock,
  events: number,
): Promise<{ planId: string; projectId: string }> {
  const planId = randomUUID();
  const run = runnerFor(runner, clock, planId);
  await run({
    type: 'DraftPlan',
    data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนทดสอบ' },
  } as never);
  let count = 1;
  const activities: string[] = [];
  const kpis: string[] = [];
  let projectId = '';
  for (let p = 0; p < 40; p++) {
    projectId = randomUUID();
    await run(project(planId, projectId, p) as never);
    count++;
    for (let a = 0; a < 4; a++) {
      const activityId = randomUUID();
      activities.push(activityId);
      await run({
        type: 'AddActivity',
        agencies,
        data: {
          planId,
          projectId,
          activityId,
          titleTh: `กิจกรรม ${a}`,
          districtCode: '2706',
          startDate: '2019-01-01',
          endDate: '2019-09-30',
          targets: { children: 50, women: 20 },
        },
      } as never);
      count++;
    }
    for (let k = 0; k < 2; k++) {
      const kpiId = randomUUID();
      kpis.push(kpiId);
      await run({
        type: 'AddKpi',
        data: { planId, projectId, kpiId, descriptionTh: `ตัวชี้วัด ${k}`, unit: 'คน', target: 100 },
      } as never);
      count++;
    }
  }
  await run({ type: 'SubmitPlan', data: { planId } } as never);
  await run(
    { type: 'ApprovePlan', data: { planId, meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-01-01' } } as never,
    chair,
  );
  count += 2;
  for (let i = 0; count < events; i++, count++) {
    if (i % 10 === 9)
      await run({
        type: 'RecordKpiActual',
        data: { planId, kpiId: kpis[i % kpis.length], actual: i % 120, measuredOn: '2019-01-01' },
      } as never);
    else
      await run({
        type: 'ReportActivityProgress',
        data: {
          planId,
          activityId: activities[i % activities.length],
          reportedOn: '2019-01-01',
          participantsReached: { children: 1 + (i % 5) },
          spendSatang: 1_000 + i,
        },
      } as never);
  }
  return { planId, projectId };
}

/** The stress case: a plan whose every event adds one more project. */
async function projectsPlan(
  runner: CommandRunner,
  clock: FixedClock,
  events: number,
): Promise<{ planId: string; projectId: string }> {
  const planId = randomUUID();
  const run = runnerFor(runner, clock, planId);
  await run({
    type: 'DraftPlan',
    data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนทดสอบ' },
  } as never);
  let projectId = '';
  for (let i = 1; i < events; i++) {
    projectId = randomUUID();
    await run(project(planId, projectId, i) as never);
  }
  return { planId, projectId };
}

export interface AsOfFigures {
  /** First view ever on a fresh reader, from the projection's kept snapshots. */
  readonly cold: number;
  /** First view on a fresh reader that has only the log. */
  readonly coldLogOnly: number;
  /** Where the first view's time went (its CPU profile). */
  readonly coldProfile: Breakdown;
  readonly median: number;
  readonly p99: number;
  readonly midMedian: number;
}

async function asOfFigures(
  store: SqliteEventStore,
  db: ReturnType<typeof openSqliteReadModels>,
  planId: string,
  start: number,
  now: Date,
): Promise<AsOfFigures> {
  let t = performance.now();
  await new PlanAudit(store).viewAt(planId, { at: now });
  const coldLogOnly = performance.now() - t;
  const audit = new PlanAudit(store, db);
  // Timed inside the profiled run: the profiler's start and stop (it sends the whole profile back)
  // are not the view's.
  let cold = 0;
  const { result: first, breakdown: coldProfile } = await profiled(async () => {
    const started = performance.now();
    const view = await audit.viewAt(planId, { at: now });
    cold = performance.now() - started;
    return view;
  });
  if (!first || first.revision !== 9_999) throw new Error(`as-of view is wrong: revision ${first?.revision}`);
  const midTime = new Date(start + 5_000 * 60_000);
  const asOf: number[] = [];
  const mid: number[] = [];
  for (let i = 0; i < 30; i++) {
    t = performance.now();
    const view = await audit.viewAt(planId, { at: now });
    asOf.push(performance.now() - t);
    if (view?.revision !== 9_999) throw new Error('as-of view is wrong');
    t = performance.now();
    const then = await audit.viewAt(planId, { at: midTime });
    mid.push(performance.now() - t);
    if (!then || then.revision < 4_990 || then.revision > 5_010)
      throw new Error(`mid as-of view is wrong: ${then?.revision}`);
  }
  asOf.sort((a, b) => a - b);
  mid.sort((a, b) => a - b);
  return {
    cold,
    coldLogOnly,
    coldProfile,
    median: percentile(asOf, 50),
    p99: percentile(asOf, 99),
    midMedian: percentile(mid, 50),
  };
}

/**
 * The as-of view of a plan with 10,000 events (a year's plan in use, and the stress case of 9,999
 * projects), and command latency on the 10,000-event plan beside a 10-event one (p99 ratio: how much
 * a long history costs a command).
 */
export async function planFigures(dir: string): Promise<{
  realistic: AsOfFigures;
  projects: AsOfFigures;
  commandP99: { small: number; large: number; ratio: number };
}> {
  const store = SqliteEventStore.open({ file: join(dir, 'plan-bench.sqlite') });
  const db = openSqliteReadModels(join(dir, 'plan-bench-read-models.sqlite'));
  try {
    await migrateReadModels(db as unknown as Kysely<unknown>, [planningMigrations]);
    const clock = new FixedClock(new Date('2019-01-01T00:00:00Z'));
    const runner = new CommandRunner(store);
    const realStart = clock.now().getTime();
    const large = await realisticPlan(runner, clock, 10_000);
    const realNow = clock.now();
    const stressStart = clock.now().getTime();
    const stress = await projectsPlan(runner, clock, 10_000);
    const stressNow = clock.now();
    const small = await realisticPlan(runner, clock, 10);
    const projections = new ProjectionRunner(store, db, planningProjections, clock, undefined, 0);
    await projections.start();
    if (!(await projections.waitFor((await store.headPosition())!, 600_000)))
      throw new Error('projections did not catch up');
    await projections.stop();

    const realistic = await asOfFigures(store, db, large.planId, realStart, realNow);
    const projects = await asOfFigures(store, db, stress.planId, stressStart, stressNow);

    const latency = async (plan: { planId: string; projectId: string }) => {
      const times: number[] = [];
      for (let i = 0; i < 600; i++) {
        const t = performance.now();
        await runner.run(
          planDecider,
          planStreamId(plan.planId),
          {
            type: 'ReviseProjectBudget',
            actor,
            at: clock.now(),
            data: { planId: plan.planId, projectId: plan.projectId, requestedBudgetSatang: 200_000 + i, reason: 'ปรับ' },
          },
          context,
        );
        times.push(performance.now() - t);
      }
      return percentile(
        times.sort((a, b) => a - b),
        99,
      );
    };
    // Interleaved, so both see the same machine.
    const smallP99s: number[] = [];
    const largeP99s: number[] = [];
    for (let round = 0; round < 5; round++) {
      smallP99s.push(await latency(small));
      largeP99s.push(await latency(large));
    }
    const s = smallP99s.sort((a, b) => a - b)[2];
    const l = largeP99s.sort((a, b) => a - b)[2];
    return { realistic, projects, commandP99: { small: s, large: l, ratio: l / s } };
  } finally {
    await store.close();
    await db.destroy();
  }
}

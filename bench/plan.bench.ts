import { CommandRunner, SqliteEventStore, type CommandContext } from '@ruamjai/event-store';
import { FixedClock } from '@ruamjai/kernel';
import { PlanAudit, planDecider, planStreamId, type PlanCommand } from '@ruamjai/planning';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

const actor = { id: 'bench', agency: 'PSDHS-SK', role: 'coordinator' as const };
const context: CommandContext = { actor, correlationId: 'bench', causationId: 'bench' };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function planWith(runner: CommandRunner, clock: FixedClock, events: number): Promise<{ planId: string; projectId: string }> {
  const planId = randomUUID();
  const run = (command: Omit<PlanCommand, 'actor' | 'at'>) => runner.run(planDecider, planStreamId(planId), { ...command, actor, at: clock.now() } as PlanCommand, context);
  await run({ type: 'DraftPlan', data: { planId, provinceCode: 'TH-27', fiscalYear: 2562, titleTh: 'แผนทดสอบ' } } as unknown as PlanCommand);
  let projectId = '';
  for (let i = 1; i < events; i++) {
    projectId = randomUUID();
    clock.advance(60_000);
    await run({
      type: 'AddProject',
        agencies: { 'PSDHS-SK': { status: 'active', code: 'PSDHS-SK', nameTh: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดสระแก้ว', agencyType: 'social_development', districtCode: '2701' } as const },
      data: { planId, projectId, titleTh: `โครงการที่ ${i}`, strategy: 'prevention', leadAgencyCode: 'PSDHS-SK', districtCodes: ['2706'], requestedBudgetSatang: 100_000 + i, fundingSource: 'provincial_budget' },
    } as unknown as PlanCommand);
  }
  return { planId, projectId };
}

/**
 * The as-of view of a plan with 10,000 events (folded from the log), and command latency on a
 * 10,000-event plan beside a 10-event one (p99 ratio: how much a long history costs a command).
 */
export async function planFigures(dir: string): Promise<{ asOfMs: { cold: number; median: number; p99: number; midMedian: number }; commandP99: { small: number; large: number; ratio: number } }> {
  const store = SqliteEventStore.open({ file: join(dir, 'plan-bench.sqlite') });
  try {
    const clock = new FixedClock(new Date('2019-01-01T00:00:00Z'));
    const runner = new CommandRunner(store);
    const large = await planWith(runner, clock, 10_000);
    const small = await planWith(runner, clock, 10);

    const audit = new PlanAudit(store);
    const c0 = performance.now();
    const first = await audit.viewAt(large.planId, { at: clock.now() });
    const cold = performance.now() - c0;
    if (first?.projects.length !== 9_999) throw new Error('as-of view is wrong');
    const asOf: number[] = [];
    const mid: number[] = [];
    const midTime = new Date(Date.parse('2019-01-01T00:00:00Z') + 5_000 * 60_000);
    for (let i = 0; i < 30; i++) {
      let t = performance.now();
      const view = await audit.viewAt(large.planId, { at: clock.now() });
      asOf.push(performance.now() - t);
      if (view?.projects.length !== 9_999) throw new Error('as-of view is wrong');
      t = performance.now();
      const then = await audit.viewAt(large.planId, { at: midTime });
      mid.push(performance.now() - t);
      if (then?.projects.length !== 5_000) throw new Error(`mid as-of view is wrong: ${then?.projects.length}`);
    }
    asOf.sort((a, b) => a - b);
    mid.sort((a, b) => a - b);

    const latency = async (plan: { planId: string; projectId: string }) => {
      const times: number[] = [];
      for (let i = 0; i < 600; i++) {
        const t = performance.now();
        await runner.run(
          planDecider,
          planStreamId(plan.planId),
          { type: 'ReviseProjectBudget', actor, at: clock.now(), data: { planId: plan.planId, projectId: plan.projectId, requestedBudgetSatang: 200_000 + i, reason: 'ปรับ' } },
          context,
        );
        times.push(performance.now() - t);
      }
      return percentile(times.sort((a, b) => a - b), 99);
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
    return { asOfMs: { cold, median: percentile(asOf, 50), p99: percentile(asOf, 99), midMedian: percentile(mid, 50) }, commandP99: { small: s, large: l, ratio: l / s } };
  } finally {
    await store.close();
  }
}

import { change, existingPlan, liveKpi, mayChange, reasonOf } from '../guards';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { WithdrawKpi } from './withdraw-kpi.command';

export function decideWithdrawKpi({ data, actor }: WithdrawKpi, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  return change(plan, data.reason, () => {
    const { kpi, project } = liveKpi(plan, data.kpiId);
    mayChange(actor, plan, project.leadAgencyCode, project.projectId);
    return [
      {
        type: 'KpiWithdrawn',
        data: { planId: plan.planId, projectId: project.projectId, kpiId: kpi.kpiId, reason: reasonOf(data.reason) },
      },
    ];
  });
}

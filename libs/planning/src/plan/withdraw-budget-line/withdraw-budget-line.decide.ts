import { change, existingPlan, liveLine, mayChange, reasonOf } from '../guards';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import { FirstBudgetLineKept } from '../plan-structure.errors';
import type { WithdrawBudgetLine } from './withdraw-budget-line.command';

export function decideWithdrawBudgetLine({ data, actor }: WithdrawBudgetLine, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  return change(plan, data.reason, () => {
    const { line, project } = liveLine(plan, data.lineId);
    mayChange(actor, plan, project.leadAgencyCode, project.projectId);
    if (line.lineId === project.projectId) throw new FirstBudgetLineKept(line.lineId);
    return [
      {
        type: 'BudgetLineWithdrawn',
        data: { planId: plan.planId, projectId: project.projectId, lineId: line.lineId, reason: reasonOf(data.reason) },
      },
    ];
  });
}

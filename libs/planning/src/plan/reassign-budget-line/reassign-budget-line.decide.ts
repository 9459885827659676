import { change, existingPlan, liveLine, mayChange } from '../guards';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import { NothingChanged } from '../plan-structure.errors';
import type { ReassignBudgetLine } from './reassign-budget-line.command';

export function decideReassignBudgetLine({ data, actor }: ReassignBudgetLine, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  return change(plan, data.reason, () => {
    const { line, project } = liveLine(plan, data.lineId);
    mayChange(actor, plan, project.leadAgencyCode, project.projectId);
    if (line.fundingSource === data.fundingSource) throw new NothingChanged('budget_line', line.lineId);
    return [
      {
        type: 'BudgetLineReassigned',
        data: {
          planId: plan.planId,
          projectId: project.projectId,
          lineId: line.lineId,
          fundingSource: data.fundingSource,
          previousFundingSource: line.fundingSource,
        },
      },
    ];
  });
}

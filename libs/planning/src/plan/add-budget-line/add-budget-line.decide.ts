import { change, checkAmount, existingPlan, isNew, liveProject, mayChange, optionalText } from '../guards';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { AddBudgetLine } from './add-budget-line.command';

export function decideAddBudgetLine({ data, actor }: AddBudgetLine, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  return change(plan, data.reason, () => {
    const project = liveProject(plan, data.projectId);
    mayChange(actor, plan, project.leadAgencyCode, project.projectId);
    isNew(plan, 'budget_line', data.lineId);
    return [
      {
        type: 'BudgetLineAdded',
        data: {
          planId: plan.planId,
          projectId: project.projectId,
          lineId: data.lineId,
          fundingSource: data.fundingSource,
          amountSatang: checkAmount(data.amountSatang),
          descriptionTh: optionalText(data.descriptionTh),
        },
      },
    ];
  });
}

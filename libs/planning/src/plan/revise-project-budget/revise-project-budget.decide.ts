import { change, existingPlan, reviseLine } from '../guards';
import { ProjectNotFound } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { ReviseProjectBudget } from './revise-project-budget.command';

/** The project's requested budget is its first budget line. */
export function decideReviseProjectBudget({ data, actor }: ReviseProjectBudget, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  return change(plan, data.reason, () => {
    if (!plan.projects.has(data.projectId)) throw new ProjectNotFound(data.projectId);
    return reviseLine(plan, actor, {
      lineId: data.projectId,
      amountSatang: data.requestedBudgetSatang,
      reason: data.reason,
    });
  });
}

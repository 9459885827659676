import { change, existingPlan, reviseLine } from '../guards';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { ReviseBudgetLine } from './revise-budget-line.command';

export function decideReviseBudgetLine({ data, actor }: ReviseBudgetLine, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  return change(plan, data.reason, () => reviseLine(plan, actor, data));
}

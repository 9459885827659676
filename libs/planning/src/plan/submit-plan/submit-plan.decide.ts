import { existingPlan } from '../guards';
import { IllegalTransition, PlanHasNoProjects } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { SubmitPlan } from './submit-plan.command';

export function decideSubmitPlan({ type, data }: SubmitPlan, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  if (plan.status !== 'drafting') throw new IllegalTransition(plan.status, type);
  if (plan.projects.size === 0) throw new PlanHasNoProjects();
  return [{ type: 'PlanSubmitted', data: { planId: plan.planId } }];
}

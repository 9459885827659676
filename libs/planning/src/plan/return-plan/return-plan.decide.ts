import { existingPlan } from '../guards';
import { IllegalTransition, ReasonRequired } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { ReturnPlan } from './return-plan.command';

export function decideReturnPlan({ type, data }: ReturnPlan, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  if (plan.status !== 'submitted') throw new IllegalTransition(plan.status, type);
  if (!data.reason?.trim()) throw new ReasonRequired();
  return [{ type: 'PlanReturned', data: { planId: plan.planId, reason: data.reason.trim() } }];
}

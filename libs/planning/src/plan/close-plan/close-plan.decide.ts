import { fiscalYearOf, fiscalYearRange } from '@ruamjai/kernel';
import { existingPlan } from '../guards';
import { FiscalYearNotOver, IllegalTransition, ReasonRequired } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { ClosePlan } from './close-plan.command';

export function decideClosePlan({ type, data, at }: ClosePlan, state: PlanState): PlanEvent[] {
  const plan = existingPlan(state, data.planId);
  if (plan.status !== 'approved' && plan.status !== 'amended') throw new IllegalTransition(plan.status, type);
  const { end } = fiscalYearRange(plan.fiscalYear);
  if (fiscalYearOf(at) <= plan.fiscalYear) throw new FiscalYearNotOver(plan.fiscalYear, end);
  if (!data.resultsSummary?.trim()) throw new ReasonRequired();
  return [{ type: 'PlanClosed', data: { planId: plan.planId, resultsSummary: data.resultsSummary.trim() } }];
}

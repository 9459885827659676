import { fundRequest, openForFund } from '../guards';
import { ReasonRequired } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { ReturnFundRequest } from './return-fund-request.command';

export function decideReturnFundRequest(command: ReturnFundRequest, state: PlanState): PlanEvent[] {
  const plan = openForFund(state, command.data.planId);
  const { projectId, requestId } = fundRequest(plan, command, 'submitted');
  if (!command.data.reason?.trim()) throw new ReasonRequired();
  return [
    {
      type: 'FundRequestReturned',
      data: { planId: plan.planId, projectId, requestId, reason: command.data.reason.trim() },
    },
  ];
}

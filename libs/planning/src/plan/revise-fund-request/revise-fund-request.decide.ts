import { fundAmount, fundRequest, MAX_SATANG, openForFund } from '../guards';
import { ReasonRequired } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { ReviseFundRequest } from './revise-fund-request.command';

export function decideReviseFundRequest(command: ReviseFundRequest, state: PlanState): PlanEvent[] {
  const plan = openForFund(state, command.data.planId);
  const { projectId, requestId } = fundRequest(plan, command, 'returned');
  if (!command.data.justification?.trim()) throw new ReasonRequired();
  return [
    {
      type: 'FundRequestRevised',
      data: {
        planId: plan.planId,
        projectId,
        requestId,
        amountSatang: fundAmount(command.data.amountSatang, MAX_SATANG, 'request'),
        justification: command.data.justification.trim(),
      },
    },
  ];
}

import { fundAmount, fundRequest, openForFund } from '../guards';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { ApproveFundRequest } from './approve-fund-request.command';

/** The Fund may approve less than was asked, never more. */
export function decideApproveFundRequest(command: ApproveFundRequest, state: PlanState): PlanEvent[] {
  const plan = openForFund(state, command.data.planId);
  const request = fundRequest(plan, command, 'submitted');
  return [
    {
      type: 'FundRequestApproved',
      data: {
        planId: plan.planId,
        projectId: request.projectId,
        requestId: request.requestId,
        requestedSatang: request.amountSatang,
        approvedSatang: fundAmount(command.data.approvedAmountSatang, request.amountSatang, 'approval'),
      },
    },
  ];
}

import { fundAmount, fundRequest, openForFund } from '../guards';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { RecordFundDisbursement } from './record-fund-disbursement.command';

/** Payments on an approved request add up to the approved amount at most. */
export function decideRecordFundDisbursement(command: RecordFundDisbursement, state: PlanState): PlanEvent[] {
  const plan = openForFund(state, command.data.planId);
  const request = fundRequest(plan, command, 'approved');
  const paid = fundAmount(command.data.amountSatang, request.approvedSatang - request.disbursedSatang, 'disbursement');
  return [
    {
      type: 'FundDisbursed',
      data: {
        planId: plan.planId,
        projectId: request.projectId,
        requestId: request.requestId,
        amountSatang: paid,
        disbursedSatang: request.disbursedSatang + paid,
      },
    },
  ];
}

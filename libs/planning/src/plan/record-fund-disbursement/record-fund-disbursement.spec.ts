import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import { FundAmountInvalid } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import { planId, projectId, requestId, cmd, drafted, added, submitted, approved } from '../plan-fund.fixtures';

const spec = deciderSpec(planDecider);

describe('an approved Fund request', () => {
  it('is paid in parts up to the approved amount', () => {
    const first: PlanEvent = {
      type: 'FundDisbursed',
      data: { planId, projectId, requestId, amountSatang: 5_000_000, disbursedSatang: 5_000_000 },
    };
    spec
      .given([drafted, added, submitted, approved])
      .when(cmd('RecordFundDisbursement', { amountSatang: 5_000_000 }))
      .then([first]);
    spec
      .given([drafted, added, submitted, approved, first])
      .when(cmd('RecordFundDisbursement', { amountSatang: 7_000_000 }))
      .then([
        {
          type: 'FundDisbursed',
          data: { planId, projectId, requestId, amountSatang: 7_000_000, disbursedSatang: 12_000_000 },
        },
      ]);
    spec
      .given([drafted, added, submitted, approved, first])
      .when(cmd('RecordFundDisbursement', { amountSatang: 7_000_001 }))
      .thenRefuses(FundAmountInvalid);
  });
  it('paid in full takes no more payment', () => {
    const inFull: PlanEvent = {
      type: 'FundDisbursed',
      data: { planId, projectId, requestId, amountSatang: 12_000_000, disbursedSatang: 12_000_000 },
    };
    spec
      .given([drafted, added, submitted, approved])
      .when(cmd('RecordFundDisbursement', { amountSatang: 12_000_000 }))
      .then([inFull]);
    spec
      .given([drafted, added, submitted, approved, inFull])
      .when(cmd('RecordFundDisbursement', { amountSatang: 1 }))
      .thenRefuses(FundAmountInvalid, 'FUND.AMOUNT_INVALID');
  });
});

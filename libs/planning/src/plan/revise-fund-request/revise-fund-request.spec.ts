import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import { FundRequestIllegalTransition } from '../plan.errors';
import { cmd, drafted, added, submitted } from '../plan-fund.fixtures';

const spec = deciderSpec(planDecider);

describe('a submitted Fund request', () => {
  it('cannot be revised unless it was returned, nor paid before approval', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('ReviseFundRequest', { amountSatang: 1, justification: 'x' }))
      .thenRefuses(FundRequestIllegalTransition, 'FUND.ILLEGAL_TRANSITION');
    spec
      .given([drafted, added, submitted])
      .when(cmd('RecordFundDisbursement', { amountSatang: 1 }))
      .thenRefuses(FundRequestIllegalTransition);
  });
});

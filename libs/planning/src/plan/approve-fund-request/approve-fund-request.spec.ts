import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import { FundAmountInvalid, FundRequestIllegalTransition, FundRequestNotFound } from '../plan.errors';
import { cmd, drafted, added, submitted, approved } from '../plan-fund.fixtures';

const spec = deciderSpec(planDecider);

describe('a project without a Fund request', () => {
  it('has no request to approve', () => {
    spec
      .given([drafted, added])
      .when(cmd('ApproveFundRequest', { approvedAmountSatang: 1 }))
      .thenRefuses(FundRequestNotFound, 'FUND.REQUEST_NOT_FOUND');
  });
});

describe('a submitted Fund request', () => {
  it('is approved, possibly for less, never for more', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('ApproveFundRequest', { approvedAmountSatang: 12_000_000 }))
      .then([approved]);
    spec
      .given([drafted, added, submitted])
      .when(cmd('ApproveFundRequest', { approvedAmountSatang: 15_000_001 }))
      .thenRefuses(FundAmountInvalid);
  });
});

describe('an approved Fund request', () => {
  it('cannot be approved or rejected again', () => {
    spec
      .given([drafted, added, submitted, approved])
      .when(cmd('RejectFundRequest', { reason: 'x' }))
      .thenRefuses(FundRequestIllegalTransition);
  });
});

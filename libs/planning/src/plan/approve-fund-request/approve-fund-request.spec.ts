import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import { FundAmountInvalid, FundRequestIllegalTransition, FundRequestNotFound } from '../plan.errors';
import { chair } from '../plan-lifecycle.fixtures';
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
  it('is approved for the whole amount asked, by the chair', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('ApproveFundRequest', { approvedAmountSatang: 15_000_000 }, chair))
      .then([{ ...approved, data: { ...approved.data, approvedSatang: 15_000_000 } } as typeof approved]);
  });
  it('is not approved for nothing', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('ApproveFundRequest', { approvedAmountSatang: 0 }))
      .thenRefuses(FundAmountInvalid, 'FUND.AMOUNT_INVALID');
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

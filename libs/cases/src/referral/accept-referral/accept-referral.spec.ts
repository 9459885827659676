import { deciderSpec } from '@ruamjai/testing';
import { referralDecider } from '../referral.decider';
import { IllegalReferralTransition, NotReferralParty, ReferralNotFound } from '../referral.errors';
import { sender, recipient, cmd, sent, accepted, overdue } from '../referral.fixtures';

const spec = deciderSpec(referralDecider);

describe('an unknown referral', () => {
  it('is not found', () => {
    spec.given([]).when(cmd('AcceptReferral', recipient)).thenRefuses(ReferralNotFound, 'REFERRAL.NOT_FOUND');
  });
});

describe('a sent referral', () => {
  it('is accepted by the recipient only', () => {
    spec.given([sent]).when(cmd('AcceptReferral', recipient)).then([accepted]);
    spec.given([sent]).when(cmd('AcceptReferral', sender)).thenRefuses(NotReferralParty, 'REFERRAL.NOT_PARTY');
  });
});

describe('a referral not acknowledged by its due time', () => {
  it('can still be accepted late', () => {
    spec
      .given([sent, ...overdue])
      .when(cmd('AcceptReferral', recipient))
      .then([accepted]);
  });
});

describe('an accepted referral', () => {
  it('cannot be accepted again', () => {
    spec.given([sent, accepted]).when(cmd('AcceptReferral', recipient)).thenRefuses(IllegalReferralTransition);
  });
});

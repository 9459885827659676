import { deciderSpec } from '@ruamjai/testing';
import { referralDecider } from '../referral.decider';
import { ReferralNotFound } from '../referral.errors';
import { recipient, cmd, sent, accepted, overdue } from '../referral.fixtures';

const spec = deciderSpec(referralDecider);

describe('an unknown referral', () => {
  it('is not found', () => {
    spec.given([]).when(cmd('AcceptReferral', recipient)).thenRefuses(ReferralNotFound, 'REFERRAL.NOT_FOUND');
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

import { deciderSpec } from '@ruamjai/testing';
import { referralDecider } from '../referral.decider';
import { IllegalReferralTransition, NotReferralParty, ReferralNotFound } from '../referral.errors';
import {
  sender,
  recipient,
  other,
  at,
  referralId,
  cmd,
  sent,
  accepted,
  started,
  completed,
} from '../referral.fixtures';

const spec = deciderSpec(referralDecider);

describe('an unknown referral', () => {
  it('is not found', () => {
    spec
      .given([])
      .when(cmd('CompleteReferral', recipient, { outcome: 'service_provided' }))
      .thenRefuses(ReferralNotFound, 'REFERRAL.NOT_FOUND');
  });
});

describe('a sent referral', () => {
  it('cannot be completed before it is accepted', () => {
    spec
      .given([sent])
      .when(cmd('CompleteReferral', recipient, { outcome: 'service_provided' }))
      .thenRefuses(IllegalReferralTransition);
  });
});

describe('an accepted referral', () => {
  it('cannot be completed before its service has started', () => {
    spec
      .given([sent, accepted])
      .when(cmd('CompleteReferral', recipient, { outcome: 'service_provided' }))
      .thenRefuses(IllegalReferralTransition, 'REFERRAL.ILLEGAL_TRANSITION');
  });
});

describe('a referral in progress', () => {
  it('completes with an outcome', () => {
    spec
      .given([sent, accepted, started])
      .when(cmd('CompleteReferral', recipient, { outcome: 'service_provided' }))
      .then([completed]);
  });
  it('records the outcome the recipient gives, a service only partly provided included', () => {
    spec
      .given([sent, accepted, started])
      .when(cmd('CompleteReferral', recipient, { outcome: 'partially_provided' }))
      .then([
        {
          type: 'ReferralCompleted',
          data: { referralId, outcome: 'partially_provided', completedAt: at.toISOString() },
        },
      ]);
  });
  it('is not completed by its sender: only the receiving agency says how the service went', () => {
    spec
      .given([sent, accepted, started])
      .when(cmd('CompleteReferral', sender, { outcome: 'service_provided' }))
      .thenRefuses(NotReferralParty, 'REFERRAL.NOT_PARTY');
  });
  it('does not exist for an agency that is neither its sender nor its recipient', () => {
    spec
      .given([sent, accepted, started])
      .when(cmd('CompleteReferral', other, { outcome: 'service_provided' }))
      .thenRefuses(ReferralNotFound, 'REFERRAL.NOT_FOUND');
  });
});

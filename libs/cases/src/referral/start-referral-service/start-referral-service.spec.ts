import { deciderSpec } from '@ruamjai/testing';
import { referralDecider } from '../referral.decider';
import { IllegalReferralTransition, NotReferralParty, ReferralNotFound } from '../referral.errors';
import { sender, recipient, other, cmd, sent, accepted, started } from '../referral.fixtures';

const spec = deciderSpec(referralDecider);

describe('an unknown referral', () => {
  it('is not found', () => {
    spec.given([]).when(cmd('StartReferralService', recipient)).thenRefuses(ReferralNotFound, 'REFERRAL.NOT_FOUND');
  });
});

describe('a sent referral', () => {
  it('cannot start before it is accepted', () => {
    spec
      .given([sent])
      .when(cmd('StartReferralService', recipient))
      .thenRefuses(IllegalReferralTransition, 'REFERRAL.ILLEGAL_TRANSITION');
  });
});

describe('an accepted referral', () => {
  it('goes in progress when the recipient starts the service', () => {
    spec.given([sent, accepted]).when(cmd('StartReferralService', recipient)).then([started]);
  });
  it('is not started by its sender: the service is the receiving agency’s to give', () => {
    spec
      .given([sent, accepted])
      .when(cmd('StartReferralService', sender))
      .thenRefuses(NotReferralParty, 'REFERRAL.NOT_PARTY');
  });
  it('does not exist for an agency that is neither its sender nor its recipient', () => {
    spec
      .given([sent, accepted])
      .when(cmd('StartReferralService', other))
      .thenRefuses(ReferralNotFound, 'REFERRAL.NOT_FOUND');
  });
});

describe('a referral in progress', () => {
  it('cannot start its service a second time', () => {
    spec
      .given([sent, accepted, started])
      .when(cmd('StartReferralService', recipient))
      .thenRefuses(IllegalReferralTransition, 'REFERRAL.ILLEGAL_TRANSITION');
  });
});

import { deciderSpec } from '@ruamjai/testing';
import { referralDecider } from './referral.decider';
import { IllegalReferralTransition, NotReferralParty, ReasonRequired, ReferralNotFound } from './referral.errors';
import {
  sender,
  recipient,
  other,
  cmd,
  sent,
  accepted,
  started,
  completed,
  declined,
  revoked,
} from './referral.fixtures';

// Rules that span several referral commands; each use case's own rules are specified in its folder.
const spec = deciderSpec(referralDecider);

describe('a sent referral', () => {
  it('is accepted or declined with a reason by the recipient only', () => {
    spec.given([sent]).when(cmd('AcceptReferral', recipient)).then([accepted]);
    spec
      .given([sent])
      .when(cmd('DeclineReferral', recipient, { reason: ' เตียงเต็ม ' }))
      .then([declined]);
    spec
      .given([sent])
      .when(cmd('DeclineReferral', recipient, { reason: '' }))
      .thenRefuses(ReasonRequired);
    spec.given([sent]).when(cmd('AcceptReferral', sender)).thenRefuses(NotReferralParty, 'REFERRAL.NOT_PARTY');
  });
  it('does not exist for an agency that is neither its sender nor its recipient, whatever its state', () => {
    spec.given([sent]).when(cmd('AcceptReferral', other)).thenRefuses(ReferralNotFound, 'REFERRAL.NOT_FOUND');
    spec.given([sent, accepted]).when(cmd('AcceptReferral', other)).thenRefuses(ReferralNotFound, 'REFERRAL.NOT_FOUND');
    spec
      .given([sent, accepted])
      .when(cmd('RevokeReferral', other, { reason: 'x' }))
      .thenRefuses(ReferralNotFound);
  });
  it('cannot start or complete before it is accepted', () => {
    spec
      .given([sent])
      .when(cmd('StartReferralService', recipient))
      .thenRefuses(IllegalReferralTransition, 'REFERRAL.ILLEGAL_TRANSITION');
    spec
      .given([sent])
      .when(cmd('CompleteReferral', recipient, { outcome: 'service_provided' }))
      .thenRefuses(IllegalReferralTransition);
  });
});

describe('an accepted referral', () => {
  it('goes in progress, then completes with an outcome', () => {
    spec.given([sent, accepted]).when(cmd('StartReferralService', recipient)).then([started]);
    spec
      .given([sent, accepted, started])
      .when(cmd('CompleteReferral', recipient, { outcome: 'service_provided' }))
      .then([completed]);
  });
  it('cannot be accepted or declined again', () => {
    spec.given([sent, accepted]).when(cmd('AcceptReferral', recipient)).thenRefuses(IllegalReferralTransition);
    spec
      .given([sent, accepted])
      .when(cmd('DeclineReferral', recipient, { reason: 'x' }))
      .thenRefuses(IllegalReferralTransition);
  });
});

describe('a finished referral (declined, completed, revoked)', () => {
  it.each([
    ['declined', [sent, declined]],
    ['completed', [sent, accepted, started, completed]],
    ['revoked', [sent, revoked]],
  ] as const)('%s takes no further step', (_name, given) => {
    for (const [type, actor] of [
      ['AcceptReferral', recipient],
      ['StartReferralService', recipient],
      ['CompleteReferral', recipient],
      ['RevokeReferral', sender],
    ] as const) {
      spec
        .given([...given])
        .when(cmd(type, actor, { outcome: 'service_provided', reason: 'x' }))
        .thenRefuses(IllegalReferralTransition);
    }
  });
});

import { deciderSpec } from '@ruamjai/testing';
import { referralDecider } from './referral.decider';
import { IllegalReferralTransition, ReferralNotFound } from './referral.errors';
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
  it('does not exist for an agency that is neither its sender nor its recipient, whatever its state', () => {
    spec.given([sent]).when(cmd('AcceptReferral', other)).thenRefuses(ReferralNotFound, 'REFERRAL.NOT_FOUND');
    spec.given([sent, accepted]).when(cmd('AcceptReferral', other)).thenRefuses(ReferralNotFound, 'REFERRAL.NOT_FOUND');
    spec
      .given([sent, accepted])
      .when(cmd('RevokeReferral', other, { reason: 'x' }))
      .thenRefuses(ReferralNotFound);
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

import { deciderSpec } from '@ruamjai/testing';
import { referralDecider } from '../referral.decider';
import { NotReferralParty } from '../referral.errors';
import { sender, recipient, coordinator, cmd, sent, accepted, started, revoked } from '../referral.fixtures';

const spec = deciderSpec(referralDecider);

describe('a sent referral', () => {
  it('is revoked by its sender or the coordinator with a reason, not by the recipient', () => {
    spec
      .given([sent])
      .when(cmd('RevokeReferral', sender, { reason: 'ส่งผิดหน่วยงาน' }))
      .then([revoked]);
    spec
      .given([sent])
      .when(cmd('RevokeReferral', coordinator, { reason: 'ส่งผิดหน่วยงาน' }))
      .then([revoked]);
    spec
      .given([sent])
      .when(cmd('RevokeReferral', recipient, { reason: 'x' }))
      .thenRefuses(NotReferralParty);
  });
});

describe('an accepted referral', () => {
  it('can still be revoked while in progress', () => {
    spec
      .given([sent, accepted, started])
      .when(cmd('RevokeReferral', sender, { reason: 'ส่งผิดหน่วยงาน' }))
      .then([revoked]);
  });
});

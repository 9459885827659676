import { deciderSpec } from '@ruamjai/testing';
import { referralDecider } from '../referral.decider';
import { IllegalReferralTransition, NotReferralParty, ReasonRequired, ReferralNotFound } from '../referral.errors';
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
  overdue,
} from '../referral.fixtures';

const spec = deciderSpec(referralDecider);

describe('an unknown referral', () => {
  it('is not found', () => {
    spec
      .given([])
      .when(cmd('DeclineReferral', recipient, { reason: 'เตียงเต็ม' }))
      .thenRefuses(ReferralNotFound, 'REFERRAL.NOT_FOUND');
  });
});

describe('a sent referral', () => {
  it('is declined by the recipient with a reason', () => {
    spec
      .given([sent])
      .when(cmd('DeclineReferral', recipient, { reason: ' เตียงเต็ม ' }))
      .then([declined]);
    spec
      .given([sent])
      .when(cmd('DeclineReferral', recipient, { reason: '' }))
      .thenRefuses(ReasonRequired);
  });
  it('is not declined with a reason of blank space', () => {
    spec
      .given([sent])
      .when(cmd('DeclineReferral', recipient, { reason: ' \t ' }))
      .thenRefuses(ReasonRequired, 'REFERRAL.REASON_REQUIRED');
  });
  it('cannot be declined by its sender: only the receiving agency answers it', () => {
    spec
      .given([sent])
      .when(cmd('DeclineReferral', sender, { reason: 'เตียงเต็ม' }))
      .thenRefuses(NotReferralParty, 'REFERRAL.NOT_PARTY');
  });
  it('does not exist for an agency that is neither its sender nor its recipient', () => {
    spec
      .given([sent])
      .when(cmd('DeclineReferral', other, { reason: 'เตียงเต็ม' }))
      .thenRefuses(ReferralNotFound, 'REFERRAL.NOT_FOUND');
  });
});

describe('a referral not acknowledged by its due time', () => {
  it('can still be declined late', () => {
    spec
      .given([sent, ...overdue])
      .when(cmd('DeclineReferral', recipient, { reason: 'เตียงเต็ม' }))
      .then([declined]);
  });
});

describe('an accepted referral', () => {
  it('cannot be declined', () => {
    spec
      .given([sent, accepted])
      .when(cmd('DeclineReferral', recipient, { reason: 'x' }))
      .thenRefuses(IllegalReferralTransition);
  });
});

describe('a referral already answered or withdrawn', () => {
  it.each([
    ['in progress', [sent, accepted, started]],
    ['completed', [sent, accepted, started, completed]],
    ['declined', [sent, declined]],
    ['revoked', [sent, revoked]],
  ] as const)('cannot be declined once %s', (_name, given) => {
    spec
      .given([...given])
      .when(cmd('DeclineReferral', recipient, { reason: 'เตียงเต็ม' }))
      .thenRefuses(IllegalReferralTransition, 'REFERRAL.ILLEGAL_TRANSITION');
  });
});

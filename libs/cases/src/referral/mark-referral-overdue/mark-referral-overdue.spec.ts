import { deciderSpec } from '@ruamjai/testing';
import { referralDecider } from '../referral.decider';
import { NotYetOverdue } from '../referral.errors';
import { system, due, cmd, sent, accepted, declined, revoked, overdue } from '../referral.fixtures';

const spec = deciderSpec(referralDecider);

describe('a referral not acknowledged by its due time', () => {
  it('becomes overdue and is escalated to the coordinator exactly at the due time', () => {
    spec
      .given([sent])
      .when(cmd('MarkReferralOverdue', system, {}, new Date(due)))
      .then(overdue);
  });
  it('is not overdue a millisecond before', () => {
    spec
      .given([sent])
      .when(cmd('MarkReferralOverdue', system, {}, new Date(Date.parse(due) - 1)))
      .thenRefuses(NotYetOverdue, 'REFERRAL.NOT_OVERDUE');
  });
  it('is marked overdue only once', () => {
    spec
      .given([sent, ...overdue])
      .when(cmd('MarkReferralOverdue', system, {}, new Date(Date.parse(due) + 3600_000)))
      .thenRefuses(NotYetOverdue);
  });
  it('is not overdue once acknowledged (accepted, declined) or revoked', () => {
    for (const answer of [accepted, declined, revoked])
      spec
        .given([sent, answer])
        .when(cmd('MarkReferralOverdue', system, {}, new Date(due)))
        .thenRefuses(NotYetOverdue);
  });
});

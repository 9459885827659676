import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import { ReasonRequired } from '../plan.errors';
import { chair } from '../plan-lifecycle.fixtures';
import { planId, projectId, requestId, cmd, drafted, added, submitted } from '../plan-fund.fixtures';

const spec = deciderSpec(planDecider);

const rejected = {
  type: 'FundRequestRejected',
  data: { planId, projectId, requestId, reason: 'ไม่ตรงวัตถุประสงค์' },
} as const;

describe('a submitted Fund request', () => {
  it('is rejected with a reason', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('RejectFundRequest', { reason: 'ไม่ตรงวัตถุประสงค์' }))
      .then([rejected]);
    spec
      .given([drafted, added, submitted])
      .when(cmd('RejectFundRequest', { reason: '' }))
      .thenRefuses(ReasonRequired);
  });
  it('is rejected by the chair, whose agency leads no project', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('RejectFundRequest', { reason: 'ไม่ตรงวัตถุประสงค์' }, chair))
      .then([rejected]);
  });
  it('is not rejected without a reason, nor with a reason of spaces alone', () => {
    for (const reason of [undefined, ' \n ']) {
      spec
        .given([drafted, added, submitted])
        .when(cmd('RejectFundRequest', { reason }))
        .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
    }
  });
  it('keeps the reason without its surrounding spaces', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('RejectFundRequest', { reason: ' ไม่ตรงวัตถุประสงค์  ' }))
      .then([rejected]);
  });
});

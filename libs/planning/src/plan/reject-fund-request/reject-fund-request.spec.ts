import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import { ReasonRequired } from '../plan.errors';
import { planId, projectId, requestId, cmd, drafted, added, submitted } from '../plan-fund.fixtures';

const spec = deciderSpec(planDecider);

describe('a submitted Fund request', () => {
  it('is rejected with a reason', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('RejectFundRequest', { reason: 'ไม่ตรงวัตถุประสงค์' }))
      .then([{ type: 'FundRequestRejected', data: { planId, projectId, requestId, reason: 'ไม่ตรงวัตถุประสงค์' } }]);
    spec
      .given([drafted, added, submitted])
      .when(cmd('RejectFundRequest', { reason: '' }))
      .thenRefuses(ReasonRequired);
  });
});

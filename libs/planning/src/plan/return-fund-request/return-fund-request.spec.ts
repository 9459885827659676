import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import { ReasonRequired } from '../plan.errors';
import { chair } from '../plan-lifecycle.fixtures';
import { planId, projectId, requestId, cmd, drafted, added, submitted, returned } from '../plan-fund.fixtures';

const spec = deciderSpec(planDecider);

describe('a submitted Fund request', () => {
  it('is returned for revision, revised, and submitted again', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('ReturnFundRequest', { reason: 'แนบรายละเอียด' }))
      .then([returned]);
    spec
      .given([drafted, added, submitted, returned])
      .when(cmd('ReviseFundRequest', { amountSatang: 10_000_000, justification: 'ปรับตามคำแนะนำ' }))
      .then([
        {
          type: 'FundRequestRevised',
          data: { planId, projectId, requestId, amountSatang: 10_000_000, justification: 'ปรับตามคำแนะนำ' },
        },
      ]);
  });
  it('is returned by the chair, whose agency leads no project', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('ReturnFundRequest', { reason: 'แนบรายละเอียด' }, chair))
      .then([returned]);
  });
  it('is not returned without a reason, nor with a reason of spaces alone', () => {
    for (const reason of [undefined, '', '  ']) {
      spec
        .given([drafted, added, submitted])
        .when(cmd('ReturnFundRequest', { reason }))
        .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
    }
  });
  it('keeps the reason without its surrounding spaces', () => {
    spec
      .given([drafted, added, submitted])
      .when(cmd('ReturnFundRequest', { reason: '  แนบรายละเอียด\t' }))
      .then([returned]);
  });
});

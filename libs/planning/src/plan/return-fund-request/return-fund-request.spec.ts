import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import type { PlanEvent } from '../plan.events';
import { planId, projectId, requestId, cmd, drafted, added, submitted } from '../plan-fund.fixtures';

const spec = deciderSpec(planDecider);

describe('a submitted Fund request', () => {
  it('is returned for revision, revised, and submitted again', () => {
    const returned: PlanEvent = {
      type: 'FundRequestReturned',
      data: { planId, projectId, requestId, reason: 'แนบรายละเอียด' },
    };
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
});

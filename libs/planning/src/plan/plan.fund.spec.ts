import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from './plan.decider';
import { PlanNotEditable } from './plan.errors';
import type { PlanEvent } from './plan.events';
import { planId, cmd, drafted, added, submitted } from './plan-fund.fixtures';

const spec = deciderSpec(planDecider);

describe('a closed plan', () => {
  it('takes no more Fund business', () => {
    const closing: PlanEvent[] = [
      { type: 'PlanSubmitted', data: { planId } },
      {
        type: 'PlanApproved',
        data: { planId, edition: 1, meetingReference: 'ครั้งที่ 1/2562', meetingDate: '2019-03-15' },
      },
      { type: 'PlanClosed', data: { planId, resultsSummary: 'ครบ' } },
    ];
    spec
      .given([drafted, added, submitted, ...closing])
      .when(cmd('RecordFundDisbursement', { amountSatang: 1 }))
      .thenRefuses(PlanNotEditable);
  });
});

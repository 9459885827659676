import { deciderSpec } from '@ruamjai/testing';
import { ReasonRequired } from '../plan.errors';
import { ItemNotFound, ItemWithdrawn } from '../plan-structure.errors';
import {
  planId,
  projectId,
  activityId,
  newActivityId,
  changeActivity,
  reassignActivity,
  withdrawActivity,
  activityWithdrawn,
  drafting,
} from '../plan.fixtures';
import { planDecider } from '../plan.decider';

const spec = deciderSpec(planDecider);

describe('an activity in a drafting plan', () => {
  it('is withdrawn with a reason', () => {
    spec
      .given(drafting)
      .when(withdrawActivity(' ยกเลิกเพราะน้ำท่วม '))
      .then([{ type: 'ActivityWithdrawn', data: { planId, projectId, activityId, reason: 'ยกเลิกเพราะน้ำท่วม' } }]);
  });

  it('refuses to withdraw an activity without a reason', () => {
    spec.given(drafting).when(withdrawActivity('')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });

  it('refuses to withdraw an activity it does not have', () => {
    spec
      .given(drafting)
      .when(withdrawActivity('x', undefined, newActivityId))
      .thenRefuses(ItemNotFound, 'PLAN.ACTIVITY_NOT_FOUND');
  });
});

describe('a withdrawn activity', () => {
  const given = [...drafting, activityWithdrawn];

  it('takes no more changes, reassignments or withdrawals', () => {
    spec
      .given(given)
      .when(changeActivity({ titleTh: 'ใหม่' }))
      .thenRefuses(ItemWithdrawn, 'PLAN.ACTIVITY_WITHDRAWN');
    spec.given(given).when(reassignActivity('IMM-SK')).thenRefuses(ItemWithdrawn, 'PLAN.ACTIVITY_WITHDRAWN');
    spec.given(given).when(withdrawActivity()).thenRefuses(ItemWithdrawn, 'PLAN.ACTIVITY_WITHDRAWN');
  });
});

import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from './plan.decider';
import { PlanNotEditable, ReasonRequired } from './plan.errors';
import {
  planId,
  projectId,
  drafted,
  added,
  submitted,
  approved,
  amended,
  closed,
  revise,
} from './plan-lifecycle.fixtures';

const spec = deciderSpec(planDecider);

describe('a submitted plan', () => {
  it('is locked: no project can be added or revised until it is returned', () => {
    spec.given([drafted, added, submitted]).when(revise(200)).thenRefuses(PlanNotEditable, 'PLAN.NOT_EDITABLE');
  });
});

describe('an approved plan', () => {
  it('refuses a change without a reason', () => {
    spec
      .given([drafted, added, submitted, approved])
      .when(revise(200))
      .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });
  it('takes a change with a reason as an amendment: edition 2', () => {
    spec
      .given([drafted, added, submitted, approved])
      .when(revise(200, 'เพิ่มงบ'))
      .then([
        {
          type: 'ProjectBudgetRevised',
          data: { planId, projectId, previousBudgetSatang: 100, requestedBudgetSatang: 200, reason: 'เพิ่มงบ' },
        },
        amended,
      ]);
  });
  it('counts every further change as the next edition', () => {
    spec
      .given([drafted, added, submitted, approved, amended])
      .when(revise(300, 'อีกครั้ง'))
      .then([
        {
          type: 'ProjectBudgetRevised',
          data: { planId, projectId, previousBudgetSatang: 100, requestedBudgetSatang: 300, reason: 'อีกครั้ง' },
        },
        { type: 'PlanAmended', data: { planId, edition: 3, reason: 'อีกครั้ง' } },
      ]);
  });
});

describe('a closed plan', () => {
  it('takes no more changes, even with a reason', () => {
    spec.given([drafted, added, submitted, approved, closed]).when(revise(500, 'สาย')).thenRefuses(PlanNotEditable);
  });
});

import { deciderSpec } from '@ruamjai/testing';
import { ReasonRequired } from '../plan.errors';
import { FirstBudgetLineKept, ItemNotFound, ItemWithdrawn } from '../plan-structure.errors';
import {
  planId,
  projectId,
  lineId,
  newLineId,
  reviseBudgetLine,
  reassignBudgetLine,
  withdrawBudgetLine,
  lineWithdrawn,
  drafting,
  inForce,
} from '../plan.fixtures';
import { planDecider } from '../plan.decider';

const spec = deciderSpec(planDecider);

describe('a budget line in a drafting plan', () => {
  it('is withdrawn with a reason', () => {
    spec
      .given(drafting)
      .when(withdrawBudgetLine())
      .then([{ type: 'BudgetLineWithdrawn', data: { planId, projectId, lineId, reason: 'อบจ. รับไปดำเนินการเอง' } }]);
  });

  it('refuses to withdraw a line without a reason', () => {
    spec.given(drafting).when(withdrawBudgetLine('')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });

  it('refuses to withdraw a line it does not have', () => {
    spec
      .given(drafting)
      .when(withdrawBudgetLine('x', undefined, newLineId))
      .thenRefuses(ItemNotFound, 'PLAN.BUDGET_LINE_NOT_FOUND');
  });
});

describe("a project's first budget line", () => {
  it('cannot be withdrawn: the project is withdrawn instead', () => {
    spec
      .given(drafting)
      .when(withdrawBudgetLine('ไม่ใช้งบนี้', undefined, projectId))
      .thenRefuses(FirstBudgetLineKept, 'PLAN.FIRST_BUDGET_LINE_KEPT');
  });

  it('cannot be withdrawn after approval either', () => {
    spec
      .given(inForce)
      .when(withdrawBudgetLine('ไม่ใช้งบนี้', undefined, projectId))
      .thenRefuses(FirstBudgetLineKept, 'PLAN.FIRST_BUDGET_LINE_KEPT');
  });
});

describe('a withdrawn budget line', () => {
  const given = [...drafting, lineWithdrawn];

  it('takes no more revisions, moves or withdrawals', () => {
    spec.given(given).when(reviseBudgetLine(1)).thenRefuses(ItemWithdrawn, 'PLAN.BUDGET_LINE_WITHDRAWN');
    spec.given(given).when(reassignBudgetLine('agency_own')).thenRefuses(ItemWithdrawn, 'PLAN.BUDGET_LINE_WITHDRAWN');
    spec.given(given).when(withdrawBudgetLine()).thenRefuses(ItemWithdrawn, 'PLAN.BUDGET_LINE_WITHDRAWN');
  });
});

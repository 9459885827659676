import { deciderSpec } from '@ruamjai/testing';
import type { PlanEvent } from '../plan.events';
import { ItemNotFound, NothingChanged } from '../plan-structure.errors';
import { planId, projectId, lineId, newLineId, reassignBudgetLine, drafting } from '../plan.fixtures';
import { planDecider } from '../plan.decider';
import type { ExistingPlan, PlanState } from '../plan.state';

const spec = deciderSpec(planDecider);

describe('a budget line in a drafting plan', () => {
  it('is moved to another funding source', () => {
    spec
      .given(drafting)
      .when(reassignBudgetLine('agency_own'))
      .then([
        {
          type: 'BudgetLineReassigned',
          data: { planId, projectId, lineId, fundingSource: 'agency_own', previousFundingSource: 'provincial_budget' },
        },
      ]);
  });

  it('refuses a move to the source it already has', () => {
    spec
      .given(drafting)
      .when(reassignBudgetLine('provincial_budget'))
      .thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });

  it('refuses to move a line it does not have', () => {
    spec
      .given(drafting)
      .when(reassignBudgetLine('agency_own', { lineId: newLineId }))
      .thenRefuses(ItemNotFound, 'PLAN.BUDGET_LINE_NOT_FOUND');
  });
});

describe("a project's first budget line", () => {
  it("moves the project's funding source with it", () => {
    const moved: PlanEvent = {
      type: 'BudgetLineReassigned',
      data: {
        planId,
        projectId,
        lineId: projectId,
        fundingSource: 'provincial_budget',
        previousFundingSource: 'anti_trafficking_fund',
      },
    };
    spec
      .given(drafting)
      .when(reassignBudgetLine('provincial_budget', { lineId: projectId }))
      .then([moved]);
    spec
      .given([...drafting, moved])
      .when(reassignBudgetLine('provincial_budget', { lineId: projectId }))
      .thenRefuses(NothingChanged, 'PLAN.NOTHING_CHANGED');
  });
});

describe("a project's funding source, as the plan keeps it", () => {
  const fold = (events: PlanEvent[]): ExistingPlan =>
    events.reduce<PlanState>(planDecider.evolve, planDecider.initialState) as ExistingPlan;
  const reassigned = (line: string): PlanEvent => ({
    type: 'BudgetLineReassigned',
    data: { planId, projectId, lineId: line, fundingSource: 'agency_own', previousFundingSource: 'provincial_budget' },
  });
  it('is the source its first budget line is moved to', () => {
    expect(fold([...drafting, reassigned(projectId)]).projects.get(projectId)?.fundingSource).toBe('agency_own');
  });
  it('stays as it is when another of its lines is moved', () => {
    const before = fold(drafting).projects.get(projectId)?.fundingSource;
    expect(fold([...drafting, reassigned(lineId)]).projects.get(projectId)?.fundingSource).toBe(before);
    expect(before).not.toBe('agency_own');
  });
});

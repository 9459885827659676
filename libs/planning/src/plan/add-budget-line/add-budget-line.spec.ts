import { deciderSpec } from '@ruamjai/testing';
import { InvalidBudget, ProjectNotFound } from '../plan.errors';
import { ItemAlreadyExists } from '../plan-structure.errors';
import {
  planId,
  projectId,
  otherProjectId,
  newProjectId,
  lineId,
  newLineId,
  addBudgetLine,
  lineWithdrawn,
  drafting,
} from '../plan.fixtures';
import { planDecider } from '../plan.decider';

const spec = deciderSpec(planDecider);

describe('a budget line in a drafting plan', () => {
  it('is added to a project from another funding source', () => {
    spec
      .given(drafting)
      .when(addBudgetLine({ descriptionTh: ' ค่าพาหนะ ' }))
      .then([
        {
          type: 'BudgetLineAdded',
          data: {
            planId,
            projectId,
            lineId: newLineId,
            fundingSource: 'local_administration',
            amountSatang: 800_000,
            descriptionTh: 'ค่าพาหนะ',
          },
        },
      ]);
  });

  it('refuses a negative amount or fractions of a satang', () => {
    spec
      .given(drafting)
      .when(addBudgetLine({ amountSatang: -1 }))
      .thenRefuses(InvalidBudget, 'PLAN.INVALID_BUDGET');
    spec
      .given(drafting)
      .when(addBudgetLine({ amountSatang: 0.5 }))
      .thenRefuses(InvalidBudget, 'PLAN.INVALID_BUDGET');
  });

  it('refuses a line id already in the plan', () => {
    spec
      .given(drafting)
      .when(addBudgetLine({ lineId }))
      .thenRefuses(ItemAlreadyExists, 'PLAN.BUDGET_LINE_ALREADY_EXISTS');
  });

  it("refuses a line id that is a project's id: that is the project's first line", () => {
    spec
      .given(drafting)
      .when(addBudgetLine({ lineId: projectId }))
      .thenRefuses(ItemAlreadyExists, 'PLAN.BUDGET_LINE_ALREADY_EXISTS');
    spec
      .given(drafting)
      .when(addBudgetLine({ lineId: otherProjectId }))
      .thenRefuses(ItemAlreadyExists, 'PLAN.BUDGET_LINE_ALREADY_EXISTS');
  });

  it('refuses a line for a project the plan does not have', () => {
    spec
      .given(drafting)
      .when(addBudgetLine({ projectId: newProjectId }))
      .thenRefuses(ProjectNotFound, 'PLAN.PROJECT_NOT_FOUND');
  });
});

describe('a withdrawn budget line', () => {
  const given = [...drafting, lineWithdrawn];
  it('keeps its id: a new line cannot take it', () => {
    spec.given(given).when(addBudgetLine({ lineId })).thenRefuses(ItemAlreadyExists, 'PLAN.BUDGET_LINE_ALREADY_EXISTS');
  });
});

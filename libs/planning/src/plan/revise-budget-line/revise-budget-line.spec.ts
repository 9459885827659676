import { deciderSpec } from '@ruamjai/testing';
import { BudgetUnchanged, InvalidBudget, ReasonRequired } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import { ItemNotFound } from '../plan-structure.errors';
import { planId, projectId, lineId, newLineId, command, reviseBudgetLine, drafting } from '../plan.fixtures';
import { planDecider } from '../plan.decider';

const spec = deciderSpec(planDecider);

describe('a budget line in a drafting plan', () => {
  it('is revised with a reason, recording the previous amount', () => {
    spec
      .given(drafting)
      .when(reviseBudgetLine(4_500_000, { reason: ' ลดวันอบรม ' }))
      .then([
        {
          type: 'BudgetLineRevised',
          data: { planId, projectId, lineId, previousSatang: 5_000_000, amountSatang: 4_500_000, reason: 'ลดวันอบรม' },
        },
      ]);
  });

  it('is revised from its latest amount', () => {
    const first: PlanEvent = {
      type: 'BudgetLineRevised',
      data: { planId, projectId, lineId, previousSatang: 5_000_000, amountSatang: 4_500_000, reason: 'r' },
    };
    spec
      .given([...drafting, first])
      .when(reviseBudgetLine(0))
      .then([
        {
          type: 'BudgetLineRevised',
          data: { planId, projectId, lineId, previousSatang: 4_500_000, amountSatang: 0, reason: 'ราคาวัสดุสูงขึ้น' },
        },
      ]);
  });

  it('refuses a revision without a reason, even while drafting', () => {
    spec
      .given(drafting)
      .when(reviseBudgetLine(4_000_000, { reason: '  ' }))
      .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });

  it('refuses a revision to the amount it already has', () => {
    spec.given(drafting).when(reviseBudgetLine(5_000_000)).thenRefuses(BudgetUnchanged, 'PLAN.BUDGET_UNCHANGED');
  });

  it('refuses a negative revised amount', () => {
    spec.given(drafting).when(reviseBudgetLine(-5)).thenRefuses(InvalidBudget, 'PLAN.INVALID_BUDGET');
  });

  it('refuses to revise a line it does not have', () => {
    spec
      .given(drafting)
      .when(reviseBudgetLine(1, { lineId: newLineId }))
      .thenRefuses(ItemNotFound, 'PLAN.BUDGET_LINE_NOT_FOUND');
  });
});

describe("a project's first budget line", () => {
  it("has the project's id, and revising it revises the project's requested budget", () => {
    spec
      .given(drafting)
      .when(reviseBudgetLine(14_000_000, { lineId: projectId }))
      .then([
        {
          type: 'ProjectBudgetRevised',
          data: {
            planId,
            projectId,
            previousBudgetSatang: 15_000_000,
            requestedBudgetSatang: 14_000_000,
            reason: 'ราคาวัสดุสูงขึ้น',
          },
        },
      ]);
  });

  it('is the same budget ReviseProjectBudget revises', () => {
    const revised: PlanEvent = {
      type: 'ProjectBudgetRevised',
      data: { planId, projectId, previousBudgetSatang: 15_000_000, requestedBudgetSatang: 14_000_000, reason: 'r' },
    };
    spec
      .given([...drafting, revised])
      .when(reviseBudgetLine(14_000_000, { lineId: projectId }))
      .thenRefuses(BudgetUnchanged, 'PLAN.BUDGET_UNCHANGED');
    spec
      .given([...drafting, revised])
      .when(command('ReviseProjectBudget', { projectId, requestedBudgetSatang: 13_000_000, reason: 'r2' }))
      .then([
        {
          type: 'ProjectBudgetRevised',
          data: {
            planId,
            projectId,
            previousBudgetSatang: 14_000_000,
            requestedBudgetSatang: 13_000_000,
            reason: 'r2',
          },
        },
      ]);
  });

  it('may be revised to zero', () => {
    spec
      .given(drafting)
      .when(reviseBudgetLine(0, { lineId: projectId }))
      .then([expect.objectContaining({ type: 'ProjectBudgetRevised' })] as PlanEvent[]);
  });
});

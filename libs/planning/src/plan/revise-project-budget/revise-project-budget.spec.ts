import { deciderSpec } from '@ruamjai/testing';
import { planDecider } from '../plan.decider';
import { BudgetUnchanged, InvalidBudget, PlanNotFound, ProjectNotFound, ReasonRequired } from '../plan.errors';
import { planId, projectId, revise, drafted, projectAdded } from '../plan-drafting.fixtures';

const spec = deciderSpec(planDecider);

describe('a plan not yet drafted', () => {
  it('has no budgets to revise', () => {
    spec.given([]).when(revise()).thenRefuses(PlanNotFound);
  });
});

describe('a drafting plan', () => {
  it('revises a project budget, recording the previous amount and the reason', () => {
    spec
      .given([drafted, projectAdded])
      .when(revise())
      .then([
        {
          type: 'ProjectBudgetRevised',
          data: {
            planId,
            projectId,
            previousBudgetSatang: 15_000_000,
            requestedBudgetSatang: 12_000_000,
            reason: 'ลดจำนวนผู้เข้าร่วมจาก 50 เป็น 40 คน',
          },
        },
      ]);
  });

  it('revises from the latest revised amount', () => {
    const first = {
      type: 'ProjectBudgetRevised' as const,
      data: { planId, projectId, previousBudgetSatang: 15_000_000, requestedBudgetSatang: 12_000_000, reason: 'r' },
    };
    spec
      .given([drafted, projectAdded, first])
      .when(revise({ requestedBudgetSatang: 13_000_000, reason: 'เพิ่มกิจกรรม' }))
      .then([
        {
          type: 'ProjectBudgetRevised',
          data: {
            planId,
            projectId,
            previousBudgetSatang: 12_000_000,
            requestedBudgetSatang: 13_000_000,
            reason: 'เพิ่มกิจกรรม',
          },
        },
      ]);
  });

  it('refuses a budget revision without a reason', () => {
    spec
      .given([drafted, projectAdded])
      .when(revise({ reason: '   ' }))
      .thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });

  it('refuses a budget revision that changes nothing', () => {
    spec
      .given([drafted, projectAdded])
      .when(revise({ requestedBudgetSatang: 15_000_000 }))
      .thenRefuses(BudgetUnchanged);
  });

  it('refuses a budget revision of a project it does not have', () => {
    spec.given([drafted]).when(revise()).thenRefuses(ProjectNotFound, 'PLAN.PROJECT_NOT_FOUND');
  });

  it('refuses a negative revised budget', () => {
    spec
      .given([drafted, projectAdded])
      .when(revise({ requestedBudgetSatang: -100 }))
      .thenRefuses(InvalidBudget);
  });
});

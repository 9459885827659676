import { deciderSpec } from '@ruamjai/testing';
import { BudgetUnchanged, InvalidBudget, ProjectNotFound, ReasonRequired } from './plan.errors';
import type { PlanEvent } from './plan.events';
import {
  FirstBudgetLineKept,
  ItemAlreadyExists,
  ItemNotFound,
  ItemWithdrawn,
  NothingChanged,
} from './plan-structure.errors';
import {
  planId,
  projectId,
  otherProjectId,
  newProjectId,
  lineId,
  newLineId,
  command,
  addBudgetLine,
  reviseBudgetLine,
  reassignBudgetLine,
  withdrawBudgetLine,
  lineWithdrawn,
  drafting,
  inForce,
} from './plan.fixtures';
import { planDecider } from './plan.decider';

/*
 * The structure of a provincial plan: projects, their activities, KPIs and budget lines, each added,
 * changed, reassigned and withdrawn by command. While the plan is drafted changes are just made; a
 * submitted or closed plan takes none; an approved plan takes each as an amendment with a reason.
 */

const spec = deciderSpec(planDecider);

/* ===== budget lines ===== */

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
  it('keeps its id: a new line cannot take it', () => {
    spec.given(given).when(addBudgetLine({ lineId })).thenRefuses(ItemAlreadyExists, 'PLAN.BUDGET_LINE_ALREADY_EXISTS');
  });
});

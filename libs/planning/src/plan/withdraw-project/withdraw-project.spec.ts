import { deciderSpec } from '@ruamjai/testing';
import { ProjectNotFound, ReasonRequired } from '../plan.errors';
import { ItemWithdrawn } from '../plan-structure.errors';
import {
  planId,
  projectId,
  newProjectId,
  changeProject,
  reassignProject,
  withdrawProject,
  addActivity,
  changeActivity,
  addKpi,
  withdrawKpi,
  addBudgetLine,
  reviseBudgetLine,
  projectWithdrawn,
  drafting,
} from '../plan.fixtures';
import { planDecider } from '../plan.decider';

const spec = deciderSpec(planDecider);

describe('a project in a drafting plan', () => {
  it('is withdrawn with a reason, kept in the record', () => {
    spec
      .given(drafting)
      .when(withdrawProject('  โอนไปแผนปีหน้า '))
      .then([{ type: 'ProjectWithdrawn', data: { planId, projectId, reason: 'โอนไปแผนปีหน้า' } }]);
  });

  it('refuses to withdraw a project without a reason', () => {
    spec.given(drafting).when(withdrawProject('  ')).thenRefuses(ReasonRequired, 'PLAN.REASON_REQUIRED');
  });

  it('refuses to withdraw a project it does not have', () => {
    spec
      .given(drafting)
      .when(withdrawProject('x', undefined, newProjectId))
      .thenRefuses(ProjectNotFound, 'PLAN.PROJECT_NOT_FOUND');
  });
});

describe('a withdrawn project', () => {
  const given = [...drafting, projectWithdrawn];

  it('cannot be withdrawn again', () => {
    spec.given(given).when(withdrawProject()).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
  });
  it('takes no more changes or reassignments', () => {
    spec
      .given(given)
      .when(changeProject({ titleTh: 'ใหม่' }))
      .thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
    spec
      .given(given)
      .when(reassignProject({ leadAgencyCode: 'LAB-SK' }))
      .thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
  });
  it('takes no new activities, KPIs or budget lines', () => {
    spec.given(given).when(addActivity()).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
    spec.given(given).when(addKpi()).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
    spec.given(given).when(addBudgetLine()).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
  });
  it('takes no changes to the activities, KPIs and budget lines it had', () => {
    spec
      .given(given)
      .when(changeActivity({ titleTh: 'ใหม่' }))
      .thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
    spec.given(given).when(withdrawKpi()).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
    spec.given(given).when(reviseBudgetLine(1)).thenRefuses(ItemWithdrawn, 'PLAN.PROJECT_WITHDRAWN');
  });
});

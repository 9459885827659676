import { withData } from '@ruamjai/testing';
import * as fixtures from '../plan/plan.fixtures';
import type { PlanEvent } from '../plan/plan.events';
import {
  assemblePlanView,
  evolvePlanSummary,
  evolveProjectView,
  type PlanSummary,
  type ProjectView,
} from './plan-view';

const planId = '0d6f3f1e-0000-4000-8000-000000000001';
const drafted: PlanEvent = withData(fixtures.drafted, { planId, titleTh: 'แผน' });
const added = (
  projectId: string,
  amount: number,
  fundingSource: 'provincial_budget' | 'anti_trafficking_fund',
): PlanEvent => withData(fixtures.loneProjectAdded(amount, fundingSource, projectId), { planId });

describe('the plan view', () => {
  it('shows the fiscal year as its first and last day', () => {
    const summary = evolvePlanSummary(undefined, {
      event: drafted,
      revision: 0,
      occurredAt: '2019-02-14T03:00:00.000Z',
    });
    expect(summary).toMatchObject({
      fiscalYear: 2562,
      fiscalYearStart: '2018-10-01',
      fiscalYearEnd: '2019-09-30',
      revision: 0,
      status: 'drafting',
    });
  });

  it('moves its revision and time with every event', () => {
    const summary = evolvePlanSummary(undefined, { event: drafted, revision: 0, occurredAt: 't0' });
    const next = evolvePlanSummary(summary, {
      event: added('a', 100, 'provincial_budget'),
      revision: 1,
      occurredAt: 't1',
    });
    expect(next).toMatchObject({ revision: 1, updatedAt: 't1', draftedAt: 't0' });
  });

  it('keeps a revised budget on the project', () => {
    const project = evolveProjectView(undefined, {
      event: added('a', 100, 'provincial_budget'),
      revision: 1,
      occurredAt: 't1',
    });
    const revised = evolveProjectView(project, {
      event: {
        type: 'ProjectBudgetRevised',
        data: { planId, projectId: 'a', previousBudgetSatang: 100, requestedBudgetSatang: 80, reason: 'r' },
      },
      revision: 2,
      occurredAt: 't2',
    });
    expect(revised).toMatchObject({ requestedBudgetSatang: 80, addedAtRevision: 1, updatedAt: 't2' });
  });

  it('totals requested budgets overall and by funding source, in the order projects were added', () => {
    const summary = evolvePlanSummary(undefined, { event: drafted, revision: 0, occurredAt: 't0' }) as PlanSummary;
    const projects = [
      evolveProjectView(undefined, { event: added('b', 250, 'anti_trafficking_fund'), revision: 2, occurredAt: 't2' }),
      evolveProjectView(undefined, { event: added('a', 100, 'provincial_budget'), revision: 1, occurredAt: 't1' }),
      evolveProjectView(undefined, { event: added('c', 50, 'anti_trafficking_fund'), revision: 3, occurredAt: 't3' }),
    ] as ProjectView[];
    const view = assemblePlanView(summary, projects);
    expect(view.projects.map((p) => p.projectId)).toEqual(['a', 'b', 'c']);
    expect(view.totals).toEqual({
      projectCount: 3,
      requestedBudgetSatang: 400,
      requestedBySource: { provincial_budget: 100, anti_trafficking_fund: 300 },
      fund: { requestedSatang: 0, approvedSatang: 0, disbursedSatang: 0 },
      progress: {
        spentSatang: 0,
        spentBySource: {},
        activitiesPlanned: 0,
        activitiesDone: 0,
        participantsTarget: 0,
        participantsReached: 0,
        kpis: 0,
        kpisAttained: 0,
      },
    });
  });
});

import { emptyMap } from '@ruamjai/kernel';
import { upcastProjectAdded, type PlanEvent } from './plan.events';
import type { ExistingPlan, FundRequestState, PlanState } from './plan.state';

function existing(state: PlanState): ExistingPlan {
  if (state.status === 'empty') throw new Error('an event for a plan that was never drafted');
  return state;
}

/** state + event -> state: the decider's memory of a plan. Everything the rules need, nothing more. */
export function evolvePlan(state: PlanState, event: PlanEvent): PlanState {
  if (event.type === 'PlanDrafted') {
    const { planId, provinceCode, fiscalYear } = event.data;
    return {
      status: 'drafting',
      planId,
      provinceCode,
      fiscalYear,
      edition: 0,
      projects: emptyMap(),
      activities: emptyMap(),
      kpis: emptyMap(),
      budgetLines: emptyMap(),
      fundRequests: emptyMap(),
    };
  }
  const plan = existing(state);
  switch (event.type) {
    case 'PlanSubmitted':
      return { ...plan, status: 'submitted' };
    case 'PlanReturned':
      return { ...plan, status: 'drafting' };
    case 'PlanApproved':
      return { ...plan, status: 'approved', edition: event.data.edition };
    case 'PlanAmended':
      return { ...plan, status: 'amended', edition: event.data.edition };
    case 'PlanClosed':
      return { ...plan, status: 'closed' };
    case 'ProjectAdded': {
      const d = upcastProjectAdded(event.data);
      return {
        ...plan,
        projects: plan.projects.set(d.projectId, {
          projectId: d.projectId,
          titleTh: d.titleTh,
          titleEn: d.titleEn,
          strategy: d.strategy,
          leadAgencyCode: d.leadAgencyCode,
          participatingAgencyCodes: d.participatingAgencyCodes,
          districtCodes: d.districtCodes,
          targetGroups: d.targetGroups,
          objectives: d.objectives,
          requestedBudgetSatang: d.requestedBudgetSatang,
          fundingSource: d.fundingSource,
          withdrawn: false,
        }),
        budgetLines: plan.budgetLines.set(d.projectId, {
          lineId: d.projectId,
          projectId: d.projectId,
          fundingSource: d.fundingSource,
          amountSatang: d.requestedBudgetSatang,
          withdrawn: false,
        }),
      };
    }
    case 'ProjectBudgetRevised': {
      const { projectId, requestedBudgetSatang } = event.data;
      return {
        ...plan,
        projects: plan.projects.update(projectId, (p) => p && { ...p, requestedBudgetSatang }),
        budgetLines: plan.budgetLines.update(projectId, (l) => l && { ...l, amountSatang: requestedBudgetSatang }),
      };
    }
    case 'ProjectChanged':
      return {
        ...plan,
        projects: plan.projects.update(event.data.projectId, (p) => p && { ...p, ...event.data.changes }),
      };
    case 'ProjectReassigned': {
      const { leadAgencyCode, participatingAgencyCodes } = event.data;
      return {
        ...plan,
        projects: plan.projects.update(
          event.data.projectId,
          (p) => p && { ...p, leadAgencyCode, participatingAgencyCodes },
        ),
      };
    }
    case 'ProjectWithdrawn':
      return { ...plan, projects: plan.projects.update(event.data.projectId, (p) => p && { ...p, withdrawn: true }) };
    case 'ActivityAdded': {
      const { planId: _, ...activity } = event.data;
      return { ...plan, activities: plan.activities.set(activity.activityId, { ...activity, withdrawn: false }) };
    }
    case 'ActivityChanged':
      return {
        ...plan,
        activities: plan.activities.update(event.data.activityId, (a) => a && { ...a, ...event.data.changes }),
      };
    case 'ActivityReassigned':
      return {
        ...plan,
        activities: plan.activities.update(
          event.data.activityId,
          (a) => a && { ...a, responsibleAgencyCode: event.data.responsibleAgencyCode },
        ),
      };
    case 'ActivityWithdrawn':
      return {
        ...plan,
        activities: plan.activities.update(event.data.activityId, (a) => a && { ...a, withdrawn: true }),
      };
    case 'KpiAdded': {
      const { planId: _, ...kpi } = event.data;
      return { ...plan, kpis: plan.kpis.set(kpi.kpiId, { ...kpi, actual: null, withdrawn: false }) };
    }
    case 'KpiChanged':
      return { ...plan, kpis: plan.kpis.update(event.data.kpiId, (k) => k && { ...k, ...event.data.changes }) };
    case 'KpiWithdrawn':
      return { ...plan, kpis: plan.kpis.update(event.data.kpiId, (k) => k && { ...k, withdrawn: true }) };
    case 'KpiActualRecorded':
      return { ...plan, kpis: plan.kpis.update(event.data.kpiId, (k) => k && { ...k, actual: event.data.actual }) };
    case 'BudgetLineAdded': {
      const { lineId, projectId, fundingSource, amountSatang } = event.data;
      return {
        ...plan,
        budgetLines: plan.budgetLines.set(lineId, { lineId, projectId, fundingSource, amountSatang, withdrawn: false }),
      };
    }
    case 'BudgetLineRevised':
      return {
        ...plan,
        budgetLines: plan.budgetLines.update(
          event.data.lineId,
          (l) => l && { ...l, amountSatang: event.data.amountSatang },
        ),
      };
    case 'BudgetLineReassigned': {
      const { lineId, projectId, fundingSource } = event.data;
      const next = { ...plan, budgetLines: plan.budgetLines.update(lineId, (l) => l && { ...l, fundingSource }) };
      // The first line's source is the project's source.
      return lineId === projectId
        ? { ...next, projects: plan.projects.update(projectId, (p) => p && { ...p, fundingSource }) }
        : next;
    }
    case 'BudgetLineWithdrawn':
      return {
        ...plan,
        budgetLines: plan.budgetLines.update(event.data.lineId, (l) => l && { ...l, withdrawn: true }),
      };
    case 'ActivityProgressReported':
      // Progress is history for the views; the rules need nothing from it.
      return plan;
    case 'FundRequestSubmitted': {
      const { requestId, projectId, amountSatang } = event.data;
      return {
        ...plan,
        fundRequests: plan.fundRequests.set(requestId, {
          requestId,
          projectId,
          status: 'submitted',
          amountSatang,
          approvedSatang: 0,
          disbursedSatang: 0,
        }),
      };
    }
    case 'FundRequestReturned':
    case 'FundRequestRevised':
    case 'FundRequestApproved':
    case 'FundRequestRejected':
    case 'FundDisbursed':
      return {
        ...plan,
        fundRequests: plan.fundRequests.update(event.data.requestId, (r) => r && evolveFundRequest(r, event)),
      };
    default: {
      const _: never = event;
      return plan;
    }
  }
}

type FundEvent = Extract<
  PlanEvent,
  {
    type:
      'FundRequestReturned' | 'FundRequestRevised' | 'FundRequestApproved' | 'FundRequestRejected' | 'FundDisbursed';
  }
>;

function evolveFundRequest(request: FundRequestState, event: FundEvent): FundRequestState {
  switch (event.type) {
    case 'FundRequestReturned':
      return { ...request, status: 'returned' };
    case 'FundRequestRevised':
      return { ...request, status: 'submitted', amountSatang: event.data.amountSatang };
    case 'FundRequestApproved':
      return { ...request, status: 'approved', approvedSatang: event.data.approvedSatang };
    case 'FundRequestRejected':
      return { ...request, status: 'rejected' };
    case 'FundDisbursed':
      return { ...request, disbursedSatang: event.data.disbursedSatang };
    default: {
      const _: never = event;
      return request;
    }
  }
}

import { fiscalYearRange } from '@ruamjai/kernel';
import type { FundingSource } from '../domain/funding-source';
import type { PlanEvent } from '../domain/plan.events';
import type { PlanStatus } from '../domain/plan.state';
import type { FundCategory } from '../domain/plan.commands';

export interface ProjectView {
  readonly projectId: string;
  readonly titleTh: string;
  readonly titleEn: string | null;
  readonly leadAgencyCode: string;
  readonly districtCodes: readonly string[];
  readonly requestedBudgetSatang: number;
  readonly fundingSource: FundingSource;
  /** Revision of the plan at which the project was added: keeps projects in the order they came. */
  readonly addedAtRevision: number;
  readonly updatedAt: string;
  readonly fundRequests: readonly FundRequestView[];
}

export interface FundRequestView {
  readonly requestId: string;
  readonly category: FundCategory;
  readonly status: 'submitted' | 'returned' | 'approved' | 'rejected';
  readonly amountSatang: number;
  readonly approvedSatang: number;
  readonly disbursedSatang: number;
  readonly justification: string;
  readonly note: string | null;
}

export interface FundTotals {
  /** What was asked of the Fund and not rejected. */
  readonly requestedSatang: number;
  readonly approvedSatang: number;
  readonly disbursedSatang: number;
}

/** The plan's own fields; its projects are stored one row each, so a long plan stays cheap to update. */
export interface PlanSummary {
  readonly planId: string;
  readonly provinceCode: string;
  readonly fiscalYear: number;
  readonly fiscalYearStart: string;
  readonly fiscalYearEnd: string;
  readonly titleTh: string;
  readonly titleEn: string | null;
  readonly status: PlanStatus;
  /** 0 before approval, 1 when approved, then one more for every amendment. */
  readonly edition: number;
  readonly approvals: ReadonlyArray<{ edition: number; meetingReference: string; meetingDate: string; revision: number; approvedAt: string }>;
  readonly amendments: ReadonlyArray<{ edition: number; reason: string; revision: number; amendedAt: string }>;
  readonly submittedAt: string | null;
  readonly closure: { resultsSummary: string; closedAt: string } | null;
  readonly revision: number;
  readonly draftedAt: string;
  readonly updatedAt: string;
}

/** The current plan as coordination staff and dashboards read it. */
export interface PlanView extends PlanSummary {
  readonly projects: readonly ProjectView[];
  readonly totals: {
    readonly projectCount: number;
    readonly requestedBudgetSatang: number;
    readonly requestedBySource: Readonly<Partial<Record<FundingSource, number>>>;
    readonly fund: FundTotals;
  };
}

export interface ViewEvent {
  readonly event: PlanEvent;
  readonly revision: number;
  readonly occurredAt: string;
}

/** summary + event -> summary: pure, so a rebuild and the live runner cannot disagree. */
export function evolvePlanSummary(summary: PlanSummary | undefined, { event, revision, occurredAt }: ViewEvent): PlanSummary | undefined {
  if (event.type === 'PlanDrafted') {
    const { start, end } = fiscalYearRange(event.data.fiscalYear);
    return {
      planId: event.data.planId,
      provinceCode: event.data.provinceCode,
      fiscalYear: event.data.fiscalYear,
      fiscalYearStart: start,
      fiscalYearEnd: end,
      titleTh: event.data.titleTh,
      titleEn: event.data.titleEn,
      status: 'drafting',
      edition: 0,
      approvals: [],
      amendments: [],
      submittedAt: null,
      closure: null,
      revision,
      draftedAt: occurredAt,
      updatedAt: occurredAt,
    };
  }
  if (!summary) return summary;
  const next = { ...summary, revision, updatedAt: occurredAt };
  switch (event.type) {
    case 'ProjectAdded':
    case 'ProjectBudgetRevised':
    case 'FundRequestSubmitted':
    case 'FundRequestReturned':
    case 'FundRequestRevised':
    case 'FundRequestApproved':
    case 'FundRequestRejected':
    case 'FundDisbursed':
      return next;
    case 'PlanSubmitted':
      return { ...next, status: 'submitted', submittedAt: occurredAt };
    case 'PlanReturned':
      return { ...next, status: 'drafting', submittedAt: null };
    case 'PlanApproved': {
      const { edition, meetingReference, meetingDate } = event.data;
      return { ...next, status: 'approved', edition, approvals: [...summary.approvals, { edition, meetingReference, meetingDate, revision, approvedAt: occurredAt }] };
    }
    case 'PlanAmended':
      return {
        ...next,
        status: 'amended',
        edition: event.data.edition,
        amendments: [...summary.amendments, { edition: event.data.edition, reason: event.data.reason, revision, amendedAt: occurredAt }],
      };
    case 'PlanClosed':
      return { ...next, status: 'closed', closure: { resultsSummary: event.data.resultsSummary, closedAt: occurredAt } };
    default: {
      const _: never = event;
      return next;
    }
  }
}

/** The id of the project an event changes, if it changes one. */
export function projectIdOf(event: PlanEvent): string | undefined {
  switch (event.type) {
    case 'ProjectAdded':
    case 'ProjectBudgetRevised':
    case 'FundRequestSubmitted':
    case 'FundRequestReturned':
    case 'FundRequestRevised':
    case 'FundRequestApproved':
    case 'FundRequestRejected':
    case 'FundDisbursed':
      return event.data.projectId;
    case 'PlanDrafted':
    case 'PlanSubmitted':
    case 'PlanReturned':
    case 'PlanApproved':
    case 'PlanAmended':
    case 'PlanClosed':
      return undefined;
    default: {
      const _: never = event;
      return undefined;
    }
  }
}

/** project + event -> project, for the events that change one project. */
export function evolveProjectView(project: ProjectView | undefined, { event, revision, occurredAt }: ViewEvent): ProjectView | undefined {
  switch (event.type) {
    case 'ProjectAdded': {
      const d = event.data;
      return {
        projectId: d.projectId,
        titleTh: d.titleTh,
        titleEn: d.titleEn,
        leadAgencyCode: d.leadAgencyCode,
        districtCodes: d.districtCodes,
        requestedBudgetSatang: d.requestedBudgetSatang,
        fundingSource: d.fundingSource,
        addedAtRevision: revision,
        updatedAt: occurredAt,
        fundRequests: [],
      };
    }
    case 'ProjectBudgetRevised':
      return project && { ...project, requestedBudgetSatang: event.data.requestedBudgetSatang, updatedAt: occurredAt };
    case 'FundRequestSubmitted': {
      if (!project) return project;
      const { requestId, category, amountSatang, justification } = event.data;
      return { ...project, updatedAt: occurredAt, fundRequests: [...project.fundRequests, { requestId, category, status: 'submitted', amountSatang, approvedSatang: 0, disbursedSatang: 0, justification, note: null }] };
    }
    case 'FundRequestReturned':
    case 'FundRequestRevised':
    case 'FundRequestApproved':
    case 'FundRequestRejected':
    case 'FundDisbursed': {
      if (!project) return project;
      const fundRequests = project.fundRequests.map((r) => (r.requestId === event.data.requestId ? evolveFundRequestView(r, event) : r));
      return { ...project, updatedAt: occurredAt, fundRequests };
    }
    case 'PlanDrafted':
    case 'PlanSubmitted':
    case 'PlanReturned':
    case 'PlanApproved':
    case 'PlanAmended':
    case 'PlanClosed':
      return project;
    default: {
      const _: never = event;
      return project;
    }
  }
}

function evolveFundRequestView(
  request: FundRequestView,
  event: Extract<PlanEvent, { type: 'FundRequestReturned' | 'FundRequestRevised' | 'FundRequestApproved' | 'FundRequestRejected' | 'FundDisbursed' }>,
): FundRequestView {
  switch (event.type) {
    case 'FundRequestReturned':
      return { ...request, status: 'returned', note: event.data.reason };
    case 'FundRequestRevised':
      return { ...request, status: 'submitted', amountSatang: event.data.amountSatang, justification: event.data.justification, note: null };
    case 'FundRequestApproved':
      return { ...request, status: 'approved', approvedSatang: event.data.approvedSatang };
    case 'FundRequestRejected':
      return { ...request, status: 'rejected', note: event.data.reason };
    case 'FundDisbursed':
      return { ...request, disbursedSatang: event.data.disbursedSatang };
    default: {
      const _: never = event;
      return request;
    }
  }
}

/** A project's (or several projects') standing with the Fund. */
export function fundTotals(requests: readonly FundRequestView[]): FundTotals {
  let requestedSatang = 0;
  let approvedSatang = 0;
  let disbursedSatang = 0;
  for (const r of requests) {
    if (r.status !== 'rejected') requestedSatang += r.amountSatang;
    approvedSatang += r.approvedSatang;
    disbursedSatang += r.disbursedSatang;
  }
  return { requestedSatang, approvedSatang, disbursedSatang };
}

/** The whole view from its parts, with totals. */
export function assemblePlanView(summary: PlanSummary, projects: readonly ProjectView[]): PlanView {
  const ordered = [...projects].sort((a, b) => a.addedAtRevision - b.addedAtRevision);
  const requestedBySource: Partial<Record<FundingSource, number>> = {};
  let requested = 0;
  for (const p of ordered) {
    requested += p.requestedBudgetSatang;
    requestedBySource[p.fundingSource] = (requestedBySource[p.fundingSource] ?? 0) + p.requestedBudgetSatang;
  }
  const fund = fundTotals(ordered.flatMap((p) => p.fundRequests));
  return { ...summary, projects: ordered, totals: { projectCount: ordered.length, requestedBudgetSatang: requested, requestedBySource, fund } };
}

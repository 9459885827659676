import { fiscalYearRange } from '@ruamjai/kernel';
import type { FundingSource } from '../domain/funding-source';
import type { PlanEvent } from '../domain/plan.events';
import type { PlanStatus } from '../domain/plan.state';

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
      };
    }
    case 'ProjectBudgetRevised':
      return project && { ...project, requestedBudgetSatang: event.data.requestedBudgetSatang, updatedAt: occurredAt };
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

/** The whole view from its parts, with totals. */
export function assemblePlanView(summary: PlanSummary, projects: readonly ProjectView[]): PlanView {
  const ordered = [...projects].sort((a, b) => a.addedAtRevision - b.addedAtRevision);
  const requestedBySource: Partial<Record<FundingSource, number>> = {};
  let requested = 0;
  for (const p of ordered) {
    requested += p.requestedBudgetSatang;
    requestedBySource[p.fundingSource] = (requestedBySource[p.fundingSource] ?? 0) + p.requestedBudgetSatang;
  }
  return { ...summary, projects: ordered, totals: { projectCount: ordered.length, requestedBudgetSatang: requested, requestedBySource } };
}

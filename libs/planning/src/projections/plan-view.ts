import { fiscalYearRange } from '@ruamjai/kernel';
import type { FundingSource } from '../domain/funding-source';
import type { PlanEvent } from '../domain/plan.events';

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
  readonly status: 'drafting';
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
      revision,
      draftedAt: occurredAt,
      updatedAt: occurredAt,
    };
  }
  return summary && { ...summary, revision, updatedAt: occurredAt };
}

/** The id of the project an event changes, if it changes one. */
export function projectIdOf(event: PlanEvent): string | undefined {
  switch (event.type) {
    case 'PlanDrafted':
      return undefined;
    case 'ProjectAdded':
    case 'ProjectBudgetRevised':
      return event.data.projectId;
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

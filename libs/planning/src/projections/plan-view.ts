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
}

/** The current plan as coordination staff and dashboards read it. */
export interface PlanView {
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

/** view + event -> view: pure, so a rebuild and the live runner cannot disagree. */
export function evolvePlanView(view: PlanView | undefined, { event, revision, occurredAt }: ViewEvent): PlanView | undefined {
  switch (event.type) {
    case 'PlanDrafted': {
      const { start, end } = fiscalYearRange(event.data.fiscalYear);
      return withTotals({
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
        projects: [],
      });
    }
    case 'ProjectAdded': {
      if (!view) return view;
      const { planId: _planId, ...project } = event.data;
      return withTotals({ ...view, revision, updatedAt: occurredAt, projects: [...view.projects, project] });
    }
    case 'ProjectBudgetRevised': {
      if (!view) return view;
      const projects = view.projects.map((p) =>
        p.projectId === event.data.projectId ? { ...p, requestedBudgetSatang: event.data.requestedBudgetSatang } : p,
      );
      return withTotals({ ...view, revision, updatedAt: occurredAt, projects });
    }
    default: {
      const _: never = event;
      return view;
    }
  }
}

function withTotals(view: Omit<PlanView, 'totals'>): PlanView {
  const requestedBySource: Partial<Record<FundingSource, number>> = {};
  let requested = 0;
  for (const p of view.projects) {
    requested += p.requestedBudgetSatang;
    requestedBySource[p.fundingSource] = (requestedBySource[p.fundingSource] ?? 0) + p.requestedBudgetSatang;
  }
  return { ...view, totals: { projectCount: view.projects.length, requestedBudgetSatang: requested, requestedBySource } };
}

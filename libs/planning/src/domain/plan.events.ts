import type { FundingSource } from './funding-source';

/** Plan events are a public contract of the audit trail: never rename a type or field; version instead. */
export type PlanDrafted = {
  type: 'PlanDrafted';
  data: { planId: string; provinceCode: string; fiscalYear: number; titleTh: string; titleEn: string | null };
};

export type ProjectAdded = {
  type: 'ProjectAdded';
  data: {
    planId: string;
    projectId: string;
    titleTh: string;
    titleEn: string | null;
    leadAgencyCode: string;
    districtCodes: string[];
    requestedBudgetSatang: number;
    fundingSource: FundingSource;
  };
};

export type ProjectBudgetRevised = {
  type: 'ProjectBudgetRevised';
  data: { planId: string; projectId: string; previousBudgetSatang: number; requestedBudgetSatang: number; reason: string };
};

export type PlanEvent = PlanDrafted | ProjectAdded | ProjectBudgetRevised;

export const PLAN_EVENT_TYPES: ReadonlySet<string> = new Set<PlanEvent['type']>(['PlanDrafted', 'ProjectAdded', 'ProjectBudgetRevised']);

export function isPlanEvent(event: { type: string }): event is PlanEvent {
  return PLAN_EVENT_TYPES.has(event.type);
}

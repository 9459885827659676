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

export type PlanSubmitted = { type: 'PlanSubmitted'; data: { planId: string } };

export type PlanReturned = { type: 'PlanReturned'; data: { planId: string; reason: string } };

export type PlanApproved = {
  type: 'PlanApproved';
  data: { planId: string; edition: number; meetingReference: string; meetingDate: string };
};

/** Recorded with every change to an approved plan: the plan's edition moves to N+1, with the reason. */
export type PlanAmended = { type: 'PlanAmended'; data: { planId: string; edition: number; reason: string } };

export type PlanClosed = { type: 'PlanClosed'; data: { planId: string; resultsSummary: string } };

export type PlanEvent = PlanDrafted | ProjectAdded | ProjectBudgetRevised | PlanSubmitted | PlanReturned | PlanApproved | PlanAmended | PlanClosed;

export const PLAN_EVENT_TYPES: ReadonlySet<string> = new Set<PlanEvent['type']>([
  'PlanDrafted',
  'ProjectAdded',
  'ProjectBudgetRevised',
  'PlanSubmitted',
  'PlanReturned',
  'PlanApproved',
  'PlanAmended',
  'PlanClosed',
]);

export function isPlanEvent(event: { type: string }): event is PlanEvent {
  return PLAN_EVENT_TYPES.has(event.type);
}

import type { FundingSource } from './funding-source';
import type { FundCategory } from './plan.commands';

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

export type FundRequestSubmitted = {
  type: 'FundRequestSubmitted';
  data: { planId: string; projectId: string; requestId: string; amountSatang: number; justification: string; category: FundCategory };
};
export type FundRequestReturned = { type: 'FundRequestReturned'; data: { planId: string; projectId: string; requestId: string; reason: string } };
export type FundRequestRevised = { type: 'FundRequestRevised'; data: { planId: string; projectId: string; requestId: string; amountSatang: number; justification: string } };
export type FundRequestApproved = { type: 'FundRequestApproved'; data: { planId: string; projectId: string; requestId: string; requestedSatang: number; approvedSatang: number } };
export type FundRequestRejected = { type: 'FundRequestRejected'; data: { planId: string; projectId: string; requestId: string; reason: string } };
export type FundDisbursed = { type: 'FundDisbursed'; data: { planId: string; projectId: string; requestId: string; amountSatang: number; disbursedSatang: number } };

export type PlanEvent =
  | PlanDrafted
  | ProjectAdded
  | ProjectBudgetRevised
  | PlanSubmitted
  | PlanReturned
  | PlanApproved
  | PlanAmended
  | PlanClosed
  | FundRequestSubmitted
  | FundRequestReturned
  | FundRequestRevised
  | FundRequestApproved
  | FundRequestRejected
  | FundDisbursed;

export const PLAN_EVENT_TYPES: ReadonlySet<string> = new Set<PlanEvent['type']>([
  'PlanDrafted',
  'ProjectAdded',
  'ProjectBudgetRevised',
  'PlanSubmitted',
  'PlanReturned',
  'PlanApproved',
  'PlanAmended',
  'PlanClosed',
  'FundRequestSubmitted',
  'FundRequestReturned',
  'FundRequestRevised',
  'FundRequestApproved',
  'FundRequestRejected',
  'FundDisbursed',
]);

export function isPlanEvent(event: { type: string }): event is PlanEvent {
  return PLAN_EVENT_TYPES.has(event.type);
}

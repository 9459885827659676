import type { Actor } from '@ruamjai/kernel';
import type { AgencyState } from './agency/agency';
import type { FundingSource } from './funding-source';

/** What every plan command carries besides its data: who asks, and when. */
interface CommandBase<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly actor: Actor;
  readonly at: Date;
}

export type DraftPlan = CommandBase<
  'DraftPlan',
  { planId: string; provinceCode: string; fiscalYear: number; titleTh: string; titleEn?: string }
>;

/**
 * Adding a project names a lead agency from the directory: the handler looks it up and hands its
 * state to the decider, which refuses an unknown or inactive one.
 */
export type AddProject = { readonly leadAgency: AgencyState } & CommandBase<
  'AddProject',
  {
    planId: string;
    projectId: string;
    titleTh: string;
    titleEn?: string;
    leadAgencyCode: string;
    districtCodes: string[];
    requestedBudgetSatang: number;
    fundingSource: FundingSource;
    /** Required once the plan is approved: every change after approval is an amendment. */
    reason?: string;
  }
>;

export type ReviseProjectBudget = CommandBase<
  'ReviseProjectBudget',
  { planId: string; projectId: string; requestedBudgetSatang: number; reason: string }
>;

export type SubmitPlan = CommandBase<'SubmitPlan', { planId: string }>;

export type ReturnPlan = CommandBase<'ReturnPlan', { planId: string; reason: string }>;

export type ApprovePlan = CommandBase<
  'ApprovePlan',
  {
    planId: string;
    /** The subcommittee meeting, e.g. "ครั้งที่ 1/2562". */
    meetingReference: string;
    /** ISO date of the meeting. */
    meetingDate: string;
  }
>;

export type ClosePlan = CommandBase<'ClosePlan', { planId: string; resultsSummary: string }>;

/** What the Anti-Trafficking in Persons Fund may pay for (Act B.E. 2551, s.44). */
export const FUND_CATEGORIES = ['victim_assistance', 'safety_protection', 'return_from_abroad', 'prevention_suppression', 'administration'] as const;
export type FundCategory = (typeof FUND_CATEGORIES)[number];

export type SubmitFundRequest = CommandBase<
  'SubmitFundRequest',
  { planId: string; projectId: string; requestId: string; amountSatang: number; justification: string; category: FundCategory }
>;
export type ReturnFundRequest = CommandBase<'ReturnFundRequest', { planId: string; requestId: string; reason: string }>;
export type ReviseFundRequest = CommandBase<'ReviseFundRequest', { planId: string; requestId: string; amountSatang: number; justification: string }>;
export type ApproveFundRequest = CommandBase<'ApproveFundRequest', { planId: string; requestId: string; approvedAmountSatang: number }>;
export type RejectFundRequest = CommandBase<'RejectFundRequest', { planId: string; requestId: string; reason: string }>;
export type RecordFundDisbursement = CommandBase<'RecordFundDisbursement', { planId: string; requestId: string; amountSatang: number }>;

export type PlanCommand =
  | DraftPlan
  | AddProject
  | ReviseProjectBudget
  | SubmitPlan
  | ReturnPlan
  | ApprovePlan
  | ClosePlan
  | SubmitFundRequest
  | ReturnFundRequest
  | ReviseFundRequest
  | ApproveFundRequest
  | RejectFundRequest
  | RecordFundDisbursement;

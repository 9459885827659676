import type { Actor } from '@ruamjai/kernel';
import type { AgencyState } from './agency/agency';
import type { FundingSource } from './funding-source';
import type { ParticipantCounts, StrategyArea, TargetGroup } from './plan-structure';

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
 * The directory entries of the agencies a command names, looked up by the handler: the decider
 * refuses an unknown or inactive one. A code missing here is unknown.
 */
export type AgencyFacts = Readonly<Record<string, AgencyState>>;
type NamesAgencies = { readonly agencies: AgencyFacts };

/** Every change to the plan's content may carry a reason; once the plan is approved it must. */
type Amendable = {
  /** Required once the plan is approved: every change after approval is an amendment. */ reason?: string;
};

/** A project comes with its first budget line (the requested budget and its source); more lines may follow. */
export type AddProject = NamesAgencies &
  CommandBase<
    'AddProject',
    {
      planId: string;
      projectId: string;
      titleTh: string;
      titleEn?: string;
      strategy: StrategyArea;
      leadAgencyCode: string;
      participatingAgencyCodes?: string[];
      districtCodes: string[];
      targetGroups?: TargetGroup[];
      objectives?: string[];
      requestedBudgetSatang: number;
      fundingSource: FundingSource;
    } & Amendable
  >;

export type ChangeProject = CommandBase<
  'ChangeProject',
  {
    planId: string;
    projectId: string;
    titleTh?: string;
    titleEn?: string;
    strategy?: StrategyArea;
    districtCodes?: string[];
    targetGroups?: TargetGroup[];
    objectives?: string[];
  } & Amendable
>;

/** Hands a project to another lead agency, or changes who takes part in it. */
export type ReassignProject = NamesAgencies &
  CommandBase<
    'ReassignProject',
    { planId: string; projectId: string; leadAgencyCode: string; participatingAgencyCodes?: string[] } & Amendable
  >;

export type WithdrawProject = CommandBase<'WithdrawProject', { planId: string; projectId: string; reason: string }>;

export type AddActivity = NamesAgencies &
  CommandBase<
    'AddActivity',
    {
      planId: string;
      projectId: string;
      activityId: string;
      titleTh: string;
      titleEn?: string;
      districtCode: string;
      /** ISO dates, inside the plan's fiscal year. */
      startDate: string;
      endDate: string;
      targets: ParticipantCounts;
      /** The lead agency or one taking part; the lead when not given. */
      responsibleAgencyCode?: string;
    } & Amendable
  >;

export type ChangeActivity = CommandBase<
  'ChangeActivity',
  {
    planId: string;
    activityId: string;
    titleTh?: string;
    titleEn?: string;
    districtCode?: string;
    startDate?: string;
    endDate?: string;
    targets?: ParticipantCounts;
  } & Amendable
>;

export type ReassignActivity = NamesAgencies &
  CommandBase<'ReassignActivity', { planId: string; activityId: string; responsibleAgencyCode: string } & Amendable>;

export type WithdrawActivity = CommandBase<'WithdrawActivity', { planId: string; activityId: string; reason: string }>;

export type AddKpi = CommandBase<
  'AddKpi',
  {
    planId: string;
    projectId: string;
    kpiId: string;
    descriptionTh: string;
    descriptionEn?: string;
    unit: string;
    target: number;
  } & Amendable
>;

export type ChangeKpi = CommandBase<
  'ChangeKpi',
  {
    planId: string;
    kpiId: string;
    descriptionTh?: string;
    descriptionEn?: string;
    unit?: string;
    target?: number;
  } & Amendable
>;

export type WithdrawKpi = CommandBase<'WithdrawKpi', { planId: string; kpiId: string; reason: string }>;

export type AddBudgetLine = CommandBase<
  'AddBudgetLine',
  {
    planId: string;
    projectId: string;
    lineId: string;
    fundingSource: FundingSource;
    amountSatang: number;
    descriptionTh?: string;
  } & Amendable
>;

/** A project's first budget line has the project's id; revising it is revising the project's requested budget. */
export type ReviseBudgetLine = CommandBase<
  'ReviseBudgetLine',
  { planId: string; lineId: string; amountSatang: number; reason: string }
>;

/** Moves a budget line to another funding source. */
export type ReassignBudgetLine = CommandBase<
  'ReassignBudgetLine',
  { planId: string; lineId: string; fundingSource: FundingSource } & Amendable
>;

export type WithdrawBudgetLine = CommandBase<'WithdrawBudgetLine', { planId: string; lineId: string; reason: string }>;

/** What an agency did on an activity: reported by its officers, not an amendment of the plan. */
export type ReportActivityProgress = CommandBase<
  'ReportActivityProgress',
  {
    planId: string;
    activityId: string;
    /** ISO date the work was done. */
    reportedOn: string;
    participantsReached: ParticipantCounts;
    spendSatang: number;
    /** The budget line the money came from; the project's first line when not given. */
    budgetLineId?: string;
    note?: string;
    /** The activity is finished with this report. */
    completed?: boolean;
  }
>;

export type RecordKpiActual = CommandBase<
  'RecordKpiActual',
  { planId: string; kpiId: string; actual: number; measuredOn: string; note?: string }
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
export const FUND_CATEGORIES = [
  'victim_assistance',
  'safety_protection',
  'return_from_abroad',
  'prevention_suppression',
  'administration',
] as const;
export type FundCategory = (typeof FUND_CATEGORIES)[number];

export type SubmitFundRequest = CommandBase<
  'SubmitFundRequest',
  {
    planId: string;
    projectId: string;
    requestId: string;
    amountSatang: number;
    justification: string;
    category: FundCategory;
  }
>;
export type ReturnFundRequest = CommandBase<'ReturnFundRequest', { planId: string; requestId: string; reason: string }>;
export type ReviseFundRequest = CommandBase<
  'ReviseFundRequest',
  { planId: string; requestId: string; amountSatang: number; justification: string }
>;
export type ApproveFundRequest = CommandBase<
  'ApproveFundRequest',
  { planId: string; requestId: string; approvedAmountSatang: number }
>;
export type RejectFundRequest = CommandBase<'RejectFundRequest', { planId: string; requestId: string; reason: string }>;
export type RecordFundDisbursement = CommandBase<
  'RecordFundDisbursement',
  { planId: string; requestId: string; amountSatang: number }
>;

export type PlanCommand =
  | DraftPlan
  | AddProject
  | ChangeProject
  | ReassignProject
  | WithdrawProject
  | AddActivity
  | ChangeActivity
  | ReassignActivity
  | WithdrawActivity
  | AddKpi
  | ChangeKpi
  | WithdrawKpi
  | AddBudgetLine
  | ReviseBudgetLine
  | ReassignBudgetLine
  | WithdrawBudgetLine
  | ReportActivityProgress
  | RecordKpiActual
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

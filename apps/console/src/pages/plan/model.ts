import type { SessionUser } from '../../auth';
import type { PlanSummary } from '../../types';

/**
 * The plan as GET /api/v1/plans/{id} answers it (libs/planning plan-view.ts): the OpenAPI document
 * leaves that body open, so its shape is written down here, for the plan workspace.
 */
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export type FundCategory = (typeof FUND_CATEGORIES)[number];
export type Strategy = (typeof STRATEGIES)[number];
export type Counts = Partial<Record<TargetGroup, number>>;

export interface Activity {
  activityId: string;
  titleTh: string;
  titleEn: string | null;
  districtCode: string;
  startDate: string;
  endDate: string;
  responsibleAgencyCode: string;
  status: 'planned' | 'in_progress' | 'done' | 'withdrawn';
  withdrawalReason: string | null;
  targets: Counts;
  reached: Counts;
  spentSatang: number;
  reports: number;
  lastReportedOn: string | null;
}
export interface Kpi {
  kpiId: string;
  descriptionTh: string;
  descriptionEn: string | null;
  unit: string;
  target: number;
  actual: number | null;
  measuredOn: string | null;
  attained: boolean;
  withdrawn: boolean;
}
export interface BudgetLine {
  lineId: string;
  fundingSource: FundingSource;
  amountSatang: number;
  descriptionTh: string | null;
  spentSatang: number;
  withdrawn: boolean;
}
export interface FundRequest {
  requestId: string;
  category: FundCategory;
  status: 'submitted' | 'returned' | 'approved' | 'rejected';
  amountSatang: number;
  approvedSatang: number;
  disbursedSatang: number;
  justification: string;
  note: string | null;
}
export interface Project {
  projectId: string;
  titleTh: string;
  titleEn: string | null;
  strategy: Strategy | 'unclassified';
  leadAgencyCode: string;
  participatingAgencyCodes: string[];
  districtCodes: string[];
  targetGroups: TargetGroup[];
  objectives: string[];
  requestedBudgetSatang: number;
  fundingSource: FundingSource;
  withdrawal: { reason: string; withdrawnAt: string } | null;
  budgetLines: BudgetLine[];
  activities: Activity[];
  kpis: Kpi[];
  fundRequests: FundRequest[];
}
export interface Plan extends PlanSummary {
  fiscalYearStart: string;
  fiscalYearEnd: string;
  approvals: Array<{
    edition: number;
    meetingReference: string;
    meetingDate: string;
    revision: number;
    approvedAt: string;
  }>;
  amendments: Array<{ edition: number; reason: string; revision: number; amendedAt: string }>;
  draftedAt: string;
  submittedAt: string | null;
  closure: { resultsSummary: string; closedAt: string } | null;
  projects: Project[];
  totals: {
    projectCount: number;
    requestedBudgetSatang: number;
    fund: { requestedSatang: number; approvedSatang: number; disbursedSatang: number };
    progress: {
      spentSatang: number;
      activitiesPlanned: number;
      activitiesDone: number;
      participantsTarget: number;
      participantsReached: number;
      kpis: number;
      kpisAttained: number;
    };
  };
}

/** What the API answers to a command. */
export interface CommandAnswer {
  revision: string;
  position: string;
  planId?: string;
  projectId?: string;
  activityId?: string;
  kpiId?: string;
  lineId?: string;
  requestId?: string;
}

/* The enumerations the DTOs accept (libs/planning), in the order the screens list them. */
export const STRATEGIES = ['prevention', 'protection', 'prosecution', 'partnership'] as const;
export const TARGET_GROUPS = [
  'children',
  'women',
  'families',
  'migrant_workers',
  'general_public',
  'at_risk_youth',
] as const;
export const FUNDING_SOURCES = [
  'provincial_budget',
  'anti_trafficking_fund',
  'agency_own',
  'local_administration',
  'private_ngo',
] as const;
export const FUND_CATEGORIES = [
  'victim_assistance',
  'safety_protection',
  'return_from_abroad',
  'prevention_suppression',
  'administration',
] as const;

export { districtName, PROVINCES } from '../../districts';

export const liveActivities = (p: Project) => p.activities.filter((a) => a.status !== 'withdrawn');
export const liveKpis = (p: Project) => p.kpis.filter((k) => !k.withdrawn);
export const liveLines = (p: Project) => p.budgetLines.filter((l) => !l.withdrawn);

/** Today in Bangkok, as an ISO date. */
export const bangkokToday = (now = new Date()): string =>
  new Date(now.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
/** The fiscal year (B.E.) a day falls in: October starts the next one. */
export const fiscalYearOf = (iso: string): number => {
  const [y, m] = iso.split('-').map(Number);
  return (m >= 10 ? y + 1 : y) + 543;
};

const editable = (plan: Plan) => plan.status === 'drafting' || plan.status === 'approved' || plan.status === 'amended';
const inExecution = (plan: Plan) => plan.status === 'approved' || plan.status === 'amended';

/**
 * What the signed-in person may do to this plan, as the API decides it (libs/planning plan.policy.ts
 * for the role, the decider for the plan's state and the agency). The console offers nothing else;
 * the API checks it all again.
 */
export function permissions(user: SessionUser, plan: Plan) {
  const { role, agency } = user;
  const coordinator = role === 'coordinator';
  const officer = role === 'agency_officer';
  const chair = role === 'chair';
  const notClosed = plan.status !== 'closed';
  /** Officers propose changes to the projects their agency leads, while the plan is drafted; the secretariat edits and, after approval, amends. */
  const mayChangeProject = (p: Project) =>
    !p.withdrawal &&
    ((coordinator && editable(plan)) || (officer && plan.status === 'drafting' && p.leadAgencyCode === agency));
  const takesPart = (p: Project) => p.leadAgencyCode === agency || p.participatingAgencyCodes.includes(agency);
  return {
    addProject: (coordinator && editable(plan)) || (officer && plan.status === 'drafting'),
    /** An officer's project is led by the officer's own agency. */
    leadFixedTo: officer ? agency : undefined,
    changeProject: mayChangeProject,
    submit: coordinator && plan.status === 'drafting',
    return: chair && plan.status === 'submitted',
    approve: chair && (plan.status === 'submitted' || plan.status === 'amended'),
    /** After the fiscal year only: the API refuses earlier (PLAN.FISCAL_YEAR_NOT_OVER). */
    close: chair && inExecution(plan) && bangkokToday() > plan.fiscalYearEnd,
    report: (p: Project) => !p.withdrawal && inExecution(plan) && (coordinator || (officer && takesPart(p))),
    requestFund: (p: Project) =>
      !p.withdrawal && notClosed && (coordinator || (officer && p.leadAgencyCode === agency)),
    reviseFund: (p: Project, r: FundRequest) =>
      notClosed && r.status === 'returned' && (coordinator || (officer && p.leadAgencyCode === agency)),
    decideFund: (r: FundRequest) => notClosed && r.status === 'submitted' && (coordinator || chair),
    disburse: (r: FundRequest) =>
      notClosed && r.status === 'approved' && r.disbursedSatang < r.approvedSatang && coordinator,
    /** A change after approval is an amendment and needs a reason. */
    amending: inExecution(plan),
  };
}
export type Permissions = ReturnType<typeof permissions>;

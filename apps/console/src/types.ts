/** The shapes of the API answers the console reads (the OpenAPI document leaves these bodies open). */
export interface PlanSummary {
  planId: string;
  provinceCode: string;
  fiscalYear: number;
  titleTh: string;
  titleEn: string | null;
  status: 'drafting' | 'submitted' | 'approved' | 'amended' | 'closed';
  edition: number;
  revision: number;
  updatedAt: string;
  latestEventAt: string;
}
export interface ParticipantCounts {
  [group: string]: number;
}
export interface ActivityView {
  activityId: string;
  titleTh: string;
  titleEn: string | null;
  districtCode: string;
  startDate: string;
  endDate: string;
  responsibleAgencyCode: string;
  status: 'planned' | 'in_progress' | 'done' | 'withdrawn';
}
export interface KpiView {
  kpiId: string;
  descriptionTh: string;
  descriptionEn: string | null;
  unit: string;
  target: number;
  actual: number | null;
  attained: boolean;
  withdrawn: boolean;
}
export interface BudgetLineView {
  lineId: string;
  fundingSource: string;
  amountSatang: number;
  descriptionTh: string | null;
  spentSatang: number;
  withdrawn: boolean;
}
export interface ProjectView {
  projectId: string;
  titleTh: string;
  titleEn: string | null;
  strategy: 'prevention' | 'protection' | 'prosecution' | 'partnership' | 'unclassified';
  leadAgencyCode: string;
  requestedBudgetSatang: number;
  withdrawal: { reason: string } | null;
  budgetLines: BudgetLineView[];
  activities: ActivityView[];
  kpis: KpiView[];
}
export interface PlanView extends PlanSummary {
  projects: ProjectView[];
  totals: { projectCount: number; requestedBudgetSatang: number; fund: { requestedSatang: number; approvedSatang: number; disbursedSatang: number }; progress: { spentSatang: number } };
}
export interface Measures {
  projects: number;
  budgetSatang: number;
  fundRequestedSatang: number;
  fundApprovedSatang: number;
  fundDisbursedSatang: number;
  spentSatang: number;
  activitiesPlanned: number;
  activitiesDone: number;
  participantsTarget: number;
  participantsReached: number;
  kpis: number;
  kpisAttained: number;
}
export interface DashboardCell extends Measures {
  key: string;
  labelTh: string | null;
  labelEn: string | null;
}
export interface PlanDashboard {
  fiscalYear: number;
  planIds: string[];
  totals: Measures;
  byStrategy: DashboardCell[];
  bySource: DashboardCell[];
  byAgency: DashboardCell[];
  byDistrict: DashboardCell[];
  notes: { th: string; en: string };
}
export interface UserView {
  username: string;
  displayName: string;
  role: 'coordinator' | 'chair' | 'agency_officer' | 'auditor' | 'viewer';
  agency: string;
  active: boolean;
  mustChangePassword: boolean;
  secondFactorRequired: boolean;
  secondFactorEnrolled: boolean;
  lockedUntil: string | null;
  lastSignInAt: string | null;
}

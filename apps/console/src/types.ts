import type { Role } from './auth';
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
  role: Role;
  agency: string;
  active: boolean;
  mustChangePassword: boolean;
  secondFactorRequired: boolean;
  secondFactorEnrolled: boolean;
  lockedUntil: string | null;
  lastSignInAt: string | null;
}

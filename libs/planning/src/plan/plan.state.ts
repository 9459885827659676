import type { PersistentMap } from '@ruamjai/kernel';
import type { FundingSource } from './funding-source';
import type { ParticipantCounts, ProjectStrategy, TargetGroup } from './plan-structure';

/** What the decider needs to know of a project: who runs it, where, and whether it is still in the plan. */
export interface ProjectState {
  readonly projectId: string;
  readonly titleTh: string;
  readonly titleEn: string | null;
  readonly strategy: ProjectStrategy;
  readonly leadAgencyCode: string;
  readonly participatingAgencyCodes: readonly string[];
  readonly districtCodes: readonly string[];
  readonly targetGroups: readonly TargetGroup[];
  readonly objectives: readonly string[];
  /** The project's first budget line (its id is the project's id). */
  readonly requestedBudgetSatang: number;
  readonly fundingSource: FundingSource;
  readonly withdrawn: boolean;
}

export interface ActivityState {
  readonly activityId: string;
  readonly projectId: string;
  readonly titleTh: string;
  readonly titleEn: string | null;
  readonly districtCode: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly targets: ParticipantCounts;
  readonly responsibleAgencyCode: string;
  readonly withdrawn: boolean;
}

export interface KpiState {
  readonly kpiId: string;
  readonly projectId: string;
  readonly descriptionTh: string;
  readonly descriptionEn: string | null;
  readonly unit: string;
  readonly target: number;
  readonly actual: number | null;
  readonly withdrawn: boolean;
}

export interface BudgetLineState {
  readonly lineId: string;
  readonly projectId: string;
  readonly fundingSource: FundingSource;
  readonly amountSatang: number;
  readonly withdrawn: boolean;
}

/** A plan before it is drafted has no fields at all; illegal states stay unrepresentable. */
export type FundRequestStatus = 'submitted' | 'returned' | 'approved' | 'rejected';

export interface FundRequestState {
  readonly requestId: string;
  readonly projectId: string;
  readonly status: FundRequestStatus;
  readonly amountSatang: number;
  readonly approvedSatang: number;
  readonly disbursedSatang: number;
}

export type PlanStatus = 'drafting' | 'submitted' | 'approved' | 'amended' | 'closed';

/**
 * drafting → submitted → approved ⇄ amended → closed; the chair may return a submitted plan to
 * drafting. The edition is 0 until approval, 1 when approved, and moves with every amendment.
 * Activities, KPIs and budget lines are keyed by their own ids across the plan.
 */
export type PlanState =
  | { readonly status: 'empty' }
  | {
      readonly status: PlanStatus;
      readonly planId: string;
      readonly provinceCode: string;
      readonly fiscalYear: number;
      readonly edition: number;
      readonly projects: PersistentMap<string, ProjectState>;
      readonly activities: PersistentMap<string, ActivityState>;
      readonly kpis: PersistentMap<string, KpiState>;
      readonly budgetLines: PersistentMap<string, BudgetLineState>;
      readonly fundRequests: PersistentMap<string, FundRequestState>;
    };

export type ExistingPlan = Exclude<PlanState, { status: 'empty' }>;

export const initialPlanState: PlanState = { status: 'empty' };

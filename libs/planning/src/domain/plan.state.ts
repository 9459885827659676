import type { PersistentMap } from '@ruamjai/kernel';
import type { FundingSource } from './funding-source';

export interface ProjectState {
  readonly projectId: string;
  readonly districtCodes: readonly string[];
  readonly requestedBudgetSatang: number;
  readonly fundingSource: FundingSource;
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
      readonly fundRequests: PersistentMap<string, FundRequestState>;
    };

export const initialPlanState: PlanState = { status: 'empty' };

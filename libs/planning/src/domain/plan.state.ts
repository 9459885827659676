import type { FundingSource } from './funding-source';

export interface ProjectState {
  readonly projectId: string;
  readonly districtCodes: readonly string[];
  readonly requestedBudgetSatang: number;
  readonly fundingSource: FundingSource;
}

/** A plan before it is drafted has no fields at all; illegal states stay unrepresentable. */
export type PlanState =
  | { readonly status: 'empty' }
  | {
      readonly status: 'drafting';
      readonly planId: string;
      readonly provinceCode: string;
      readonly fiscalYear: number;
      readonly projects: Readonly<Record<string, ProjectState>>;
    };

export const initialPlanState: PlanState = { status: 'empty' };

import type { Amendable, CommandBase, NamesAgencies } from '../plan.command-base';
import type { FundingSource } from '../funding-source';
import type { StrategyArea, TargetGroup } from '../plan-structure';

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

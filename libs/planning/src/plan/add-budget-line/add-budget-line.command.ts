import type { Amendable, CommandBase } from '../plan.command-base';
import type { FundingSource } from '../funding-source';

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

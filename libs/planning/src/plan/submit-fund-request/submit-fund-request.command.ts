import type { CommandBase } from '../plan.command-base';
import type { FundCategory } from '../funding-source';

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

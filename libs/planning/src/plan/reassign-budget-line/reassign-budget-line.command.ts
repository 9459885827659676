import type { Amendable, CommandBase } from '../plan.command-base';
import type { FundingSource } from '../funding-source';

/** Moves a budget line to another funding source. */
export type ReassignBudgetLine = CommandBase<
  'ReassignBudgetLine',
  { planId: string; lineId: string; fundingSource: FundingSource } & Amendable
>;

import type { CommandBase } from '../plan.command-base';

export type ApproveFundRequest = CommandBase<
  'ApproveFundRequest',
  { planId: string; requestId: string; approvedAmountSatang: number }
>;

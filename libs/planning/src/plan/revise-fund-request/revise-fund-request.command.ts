import type { CommandBase } from '../plan.command-base';

export type ReviseFundRequest = CommandBase<
  'ReviseFundRequest',
  { planId: string; requestId: string; amountSatang: number; justification: string }
>;

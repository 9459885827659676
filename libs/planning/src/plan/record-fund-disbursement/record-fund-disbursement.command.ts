import type { CommandBase } from '../plan.command-base';

export type RecordFundDisbursement = CommandBase<
  'RecordFundDisbursement',
  { planId: string; requestId: string; amountSatang: number }
>;

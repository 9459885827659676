import type { CommandBase } from '../plan.command-base';

export type ReturnFundRequest = CommandBase<'ReturnFundRequest', { planId: string; requestId: string; reason: string }>;

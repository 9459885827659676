import type { CommandBase } from '../plan.command-base';

export type RejectFundRequest = CommandBase<'RejectFundRequest', { planId: string; requestId: string; reason: string }>;

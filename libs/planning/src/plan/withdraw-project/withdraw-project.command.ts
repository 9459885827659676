import type { CommandBase } from '../plan.command-base';

export type WithdrawProject = CommandBase<'WithdrawProject', { planId: string; projectId: string; reason: string }>;

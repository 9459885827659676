import type { CommandBase } from '../plan.command-base';

export type WithdrawActivity = CommandBase<'WithdrawActivity', { planId: string; activityId: string; reason: string }>;

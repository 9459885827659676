import type { CommandBase } from '../plan.command-base';

export type WithdrawKpi = CommandBase<'WithdrawKpi', { planId: string; kpiId: string; reason: string }>;

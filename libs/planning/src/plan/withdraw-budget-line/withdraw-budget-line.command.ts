import type { CommandBase } from '../plan.command-base';

export type WithdrawBudgetLine = CommandBase<'WithdrawBudgetLine', { planId: string; lineId: string; reason: string }>;

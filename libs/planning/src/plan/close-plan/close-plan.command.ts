import type { CommandBase } from '../plan.command-base';

export type ClosePlan = CommandBase<'ClosePlan', { planId: string; resultsSummary: string }>;

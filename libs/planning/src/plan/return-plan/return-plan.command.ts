import type { CommandBase } from '../plan.command-base';

export type ReturnPlan = CommandBase<'ReturnPlan', { planId: string; reason: string }>;

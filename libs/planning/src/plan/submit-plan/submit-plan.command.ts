import type { CommandBase } from '../plan.command-base';

export type SubmitPlan = CommandBase<'SubmitPlan', { planId: string }>;

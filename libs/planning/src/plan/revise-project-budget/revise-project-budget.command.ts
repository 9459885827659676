import type { CommandBase } from '../plan.command-base';

export type ReviseProjectBudget = CommandBase<
  'ReviseProjectBudget',
  { planId: string; projectId: string; requestedBudgetSatang: number; reason: string }
>;

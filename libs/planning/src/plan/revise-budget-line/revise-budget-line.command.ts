import type { CommandBase } from '../plan.command-base';

/** A project's first budget line has the project's id; revising it is revising the project's requested budget. */
export type ReviseBudgetLine = CommandBase<
  'ReviseBudgetLine',
  { planId: string; lineId: string; amountSatang: number; reason: string }
>;

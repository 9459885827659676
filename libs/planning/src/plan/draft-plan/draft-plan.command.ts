import type { CommandBase } from '../plan.command-base';

export type DraftPlan = CommandBase<
  'DraftPlan',
  { planId: string; provinceCode: string; fiscalYear: number; titleTh: string; titleEn?: string }
>;

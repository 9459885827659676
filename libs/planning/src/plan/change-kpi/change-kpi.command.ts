import type { Amendable, CommandBase } from '../plan.command-base';

export type ChangeKpi = CommandBase<
  'ChangeKpi',
  {
    planId: string;
    kpiId: string;
    descriptionTh?: string;
    descriptionEn?: string;
    unit?: string;
    target?: number;
  } & Amendable
>;

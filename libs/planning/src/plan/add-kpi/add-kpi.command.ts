import type { Amendable, CommandBase } from '../plan.command-base';

export type AddKpi = CommandBase<
  'AddKpi',
  {
    planId: string;
    projectId: string;
    kpiId: string;
    descriptionTh: string;
    descriptionEn?: string;
    unit: string;
    target: number;
  } & Amendable
>;

import type { CommandBase } from '../plan.command-base';

export type RecordKpiActual = CommandBase<
  'RecordKpiActual',
  { planId: string; kpiId: string; actual: number; measuredOn: string; note?: string }
>;

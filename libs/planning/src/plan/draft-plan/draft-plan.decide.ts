import { fiscalYearOf } from '@ruamjai/kernel';
import { PROVINCES } from '../../domain/provinces';
import { FiscalYearOutOfRange, PlanAlreadyExists, UnknownProvince } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { DraftPlan } from './draft-plan.command';

/** The first fiscal year a plan can cover: the Anti-Trafficking in Persons Act is B.E. 2551. */
export const EARLIEST_FISCAL_YEAR = 2551;

export function decideDraftPlan({ data, at }: DraftPlan, state: PlanState): PlanEvent[] {
  if (state.status !== 'empty') throw new PlanAlreadyExists(data.planId);
  if (!PROVINCES[data.provinceCode]) throw new UnknownProvince(data.provinceCode);
  // Plans are written for the coming year at the latest; older ones are entered for the record.
  const latest = fiscalYearOf(at) + 1;
  if (data.fiscalYear < EARLIEST_FISCAL_YEAR || data.fiscalYear > latest) {
    throw new FiscalYearOutOfRange(data.fiscalYear, EARLIEST_FISCAL_YEAR, latest);
  }
  return [
    {
      type: 'PlanDrafted',
      data: {
        planId: data.planId,
        provinceCode: data.provinceCode,
        fiscalYear: data.fiscalYear,
        titleTh: data.titleTh,
        titleEn: data.titleEn ?? null,
      },
    },
  ];
}

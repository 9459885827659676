import { fiscalYearOf } from '@ruamjai/kernel';
import { PROVINCES } from '../../domain/provinces';
import { FiscalYearOutOfRange, PlanAlreadyExists, PlanOutsideProvince, UnknownProvince } from '../plan.errors';
import type { PlanEvent } from '../plan.events';
import type { PlanState } from '../plan.state';
import type { DraftPlan } from './draft-plan.command';

/** The first fiscal year a plan can cover: the Anti-Trafficking in Persons Act is B.E. 2551. */
export const EARLIEST_FISCAL_YEAR = 2551;

export function decideDraftPlan({ data, at, actor }: DraftPlan, state: PlanState): PlanEvent[] {
  if (state.status !== 'empty') throw new PlanAlreadyExists(data.planId);
  if (!PROVINCES[data.provinceCode]) throw new UnknownProvince(data.provinceCode);
  // A province's centre plans for its own province; the plan then belongs to it.
  if (actor.province !== data.provinceCode) throw new PlanOutsideProvince(data.provinceCode, actor.province);
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

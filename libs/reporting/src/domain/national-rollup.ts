import { fiscalYearOf, fiscalYearRange, THAI_PROVINCES } from '@ruamjai/kernel';
import { publishColumn, publishNestedColumn, type RollupCount } from './column-suppression';

/** What the roll-up reads of one plan: its numbers as the plan dashboard keeps them (money in satang). */
export interface RollupPlan {
  readonly planId: string;
  readonly provinceCode: string;
  readonly fiscalYear: number;
  readonly status: string;
  readonly budgetSatang: number;
  readonly fundRequestedSatang: number;
  readonly fundApprovedSatang: number;
  readonly fundDisbursedSatang: number;
  readonly spentSatang: number;
  readonly activitiesPlanned: number;
  readonly activitiesDone: number;
}

/** What the roll-up reads of one case: no id, no person. */
export interface RollupCase {
  readonly province: string;
  readonly openedAt: string;
  readonly closed: boolean;
  readonly identifiedVictim: boolean;
}

/** What the roll-up reads of one referral, counted in its case's province. */
export interface RollupReferral {
  readonly province: string;
  readonly sentAt: string;
  readonly status: string;
  readonly dueAt: string;
}

/** Plan figures: money and activities, never withheld (they count no person). */
export interface PlanFigures {
  readonly budgetSatang: number;
  readonly fundRequestedSatang: number;
  readonly fundApprovedSatang: number;
  readonly fundDisbursedSatang: number;
  readonly spentSatang: number;
  readonly activitiesPlanned: number;
  readonly activitiesDone: number;
}

/** Counts of cases and referrals, each under the small-count rule. */
export interface CaseFigures {
  /** Cases opened in the fiscal year (judged in Thai time). */
  readonly casesOpened: RollupCount;
  /** Of those, the ones not closed now. */
  readonly casesOpen: RollupCount;
  /** Of those, the ones a multidisciplinary team identified as victims. */
  readonly victimsIdentified: RollupCount;
  /** Referrals sent in the fiscal year and not finished (sent, accepted or in progress). */
  readonly referralsOpen: RollupCount;
  /** Of those, the ones sent, unanswered and past due now. */
  readonly referralsOverdue: RollupCount;
}

export interface ProvinceRollup extends PlanFigures, CaseFigures {
  readonly provinceCode: string;
  readonly nameTh: string;
  readonly nameEn: string;
  readonly plans: ReadonlyArray<{ readonly planId: string; readonly status: string }>;
}

export interface NationalTotals extends PlanFigures, CaseFigures {
  readonly plans: number;
  readonly provincesWithPlan: number;
  readonly planStatuses: ReadonlyArray<{ readonly status: string; readonly plans: number }>;
}

export interface NationalRollup {
  readonly fiscalYear: number;
  readonly fiscalYearStart: string;
  readonly fiscalYearEnd: string;
  readonly threshold: number;
  /** Every province of the country, in the order of their codes, with or without activity. */
  readonly provinces: readonly ProvinceRollup[];
  readonly national: NationalTotals;
}

const OPEN_REFERRALS = new Set(['sent', 'accepted', 'in_progress']);
const PLAN_FIGURES = [
  'budgetSatang',
  'fundRequestedSatang',
  'fundApprovedSatang',
  'fundDisbursedSatang',
  'spentSatang',
  'activitiesPlanned',
  'activitiesDone',
] as const;

/**
 * A fiscal year of the whole country, one row per province and a national row: plan figures as
 * they stand, and counts of cases and referrals of the year, each column under the small-count rule
 * across the provinces with its national total (complementary suppression, column-suppression.ts).
 * `now` decides what is overdue; what falls outside the 77 provinces is not counted anywhere.
 */
export function nationalRollup(input: {
  readonly fiscalYear: number;
  readonly threshold: number;
  readonly now: string;
  readonly plans: readonly RollupPlan[];
  readonly cases: readonly RollupCase[];
  readonly referrals: readonly RollupReferral[];
}): NationalRollup {
  const { fiscalYear, threshold, now } = input;
  const codes = Object.keys(THAI_PROVINCES).sort();
  const index = new Map(codes.map((code, i) => [code, i]));
  const zeros = () => codes.map(() => 0);
  const inYear = (iso: string) => fiscalYearOf(new Date(iso)) === fiscalYear;
  const count = <T extends { province: string }>(items: readonly T[], when: (item: T) => boolean) => {
    const counts = zeros();
    for (const item of items) {
      const i = index.get(item.province);
      if (i !== undefined && when(item)) counts[i] += 1;
    }
    return counts;
  };

  const cases = input.cases.filter((c) => inYear(c.openedAt));
  const referrals = input.referrals.filter((r) => inYear(r.sentAt) && OPEN_REFERRALS.has(r.status));
  const opened = count(cases, () => true);
  const stillOpen = count(cases, (c) => !c.closed);
  const victims = count(cases, (c) => c.identifiedVictim);
  const referralsOpen = count(referrals, () => true);
  const overdue = count(referrals, (r) => r.status === 'sent' && r.dueAt <= now);

  const openedColumn = publishColumn(opened, threshold);
  const referralsColumn = publishColumn(referralsOpen, threshold);
  const columns = {
    casesOpened: openedColumn,
    casesOpen: publishNestedColumn(stillOpen, opened, openedColumn, threshold),
    victimsIdentified: publishNestedColumn(victims, opened, openedColumn, threshold),
    referralsOpen: referralsColumn,
    referralsOverdue: publishNestedColumn(overdue, referralsOpen, referralsColumn, threshold),
  };
  const caseFigures = (i: number): CaseFigures => ({
    casesOpened: columns.casesOpened.cells[i],
    casesOpen: columns.casesOpen.cells[i],
    victimsIdentified: columns.victimsIdentified.cells[i],
    referralsOpen: columns.referralsOpen.cells[i],
    referralsOverdue: columns.referralsOverdue.cells[i],
  });

  const plans = input.plans.filter((p) => p.fiscalYear === fiscalYear && index.has(p.provinceCode));
  const figuresOf = (of: readonly RollupPlan[]): PlanFigures => {
    const sum = Object.fromEntries(PLAN_FIGURES.map((f) => [f, 0])) as Record<(typeof PLAN_FIGURES)[number], number>;
    for (const p of of) for (const f of PLAN_FIGURES) sum[f] += p[f];
    return sum;
  };
  const provinces = codes.map((code, i): ProvinceRollup => {
    const own = plans.filter((p) => p.provinceCode === code).sort((a, b) => a.planId.localeCompare(b.planId));
    return {
      provinceCode: code,
      nameTh: THAI_PROVINCES[code].th,
      nameEn: THAI_PROVINCES[code].en,
      plans: own.map((p) => ({ planId: p.planId, status: p.status })),
      ...figuresOf(own),
      ...caseFigures(i),
    };
  });
  const statuses = new Map<string, number>();
  for (const p of plans) statuses.set(p.status, (statuses.get(p.status) ?? 0) + 1);
  const { start, end } = fiscalYearRange(fiscalYear);
  return {
    fiscalYear,
    fiscalYearStart: start,
    fiscalYearEnd: end,
    threshold,
    provinces,
    national: {
      plans: plans.length,
      provincesWithPlan: new Set(plans.map((p) => p.provinceCode)).size,
      planStatuses: [...statuses].sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => ({ status, plans: n })),
      ...figuresOf(plans),
      casesOpened: columns.casesOpened.total,
      casesOpen: columns.casesOpen.total,
      victimsIdentified: columns.victimsIdentified.total,
      referralsOpen: columns.referralsOpen.total,
      referralsOverdue: columns.referralsOverdue.total,
    },
  };
}

/** One province's row of the roll-up, as its own people may read it: the same cells the country sees. */
export function provinceRow(rollup: NationalRollup, provinceCode: string): ProvinceRollup | undefined {
  return rollup.provinces.find((p) => p.provinceCode === provinceCode);
}

import { countBy, publishTables, type PublishedCount, type PublishedTable } from './suppression';

/** What the case dashboard counts of one case: no id, no person. */
export interface CaseFacts {
  readonly districtCode: string;
  readonly stage: string;
  readonly source: string;
  readonly ageGroup: string;
  readonly status: string;
}

export interface CaseDashboard {
  readonly threshold: number;
  /** Number of cases, which every table adds up to; "fewer than" the threshold when small. */
  readonly total: PublishedCount;
  readonly byDistrict: PublishedTable<string>;
  readonly byStage: PublishedTable<string>;
  readonly bySource: PublishedTable<string>;
  readonly byAgeGroup: PublishedTable<string>;
  readonly byStatus: PublishedTable<string>;
}

/**
 * Cases by district, stage, source, age group and status: five tables over the same cases, so one
 * total, and complementary suppression in each (see suppression.ts): with 23 cases of which one is
 * closed, neither `open` nor `closed` is shown, as 23 − 22 would give the closed one away.
 */
export function caseDashboard(cases: readonly CaseFacts[], threshold: number): CaseDashboard {
  const { total, tables } = publishTables(
    {
      byDistrict: countBy(cases, (c) => c.districtCode),
      byStage: countBy(cases, (c) => c.stage),
      bySource: countBy(cases, (c) => c.source),
      byAgeGroup: countBy(cases, (c) => c.ageGroup),
      byStatus: countBy(cases, (c) => c.status),
    },
    threshold,
  );
  return { threshold, total, ...tables };
}

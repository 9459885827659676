/** The common "4P" strategy areas every provincial plan is organised by. */
export const STRATEGY_AREAS = ['prevention', 'protection', 'prosecution', 'partnership'] as const;
export type StrategyArea = (typeof STRATEGY_AREAS)[number];
/** Projects recorded before strategy areas were kept read as unclassified until someone changes them. */
export type ProjectStrategy = StrategyArea | 'unclassified';

/** Who a project or activity is for; progress reports count participants by the same groups. */
export const TARGET_GROUPS = [
  'children',
  'women',
  'families',
  'migrant_workers',
  'general_public',
  'at_risk_youth',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** Participants by target group: planned on an activity, reached in a progress report. */
export type ParticipantCounts = Readonly<Partial<Record<TargetGroup, number>>>;

export function totalParticipants(counts: ParticipantCounts): number {
  let sum = 0;
  for (const group of TARGET_GROUPS) sum += counts[group] ?? 0;
  return sum;
}

import {
  countBy,
  percentile,
  publishPart,
  publishTables,
  type PublishedCount,
  type PublishedTable,
} from './suppression';

/** What the referral dashboard counts of one referral: no case id, no person. */
export interface ReferralFacts {
  readonly service: string;
  readonly status: string;
  readonly toAgency: string;
  readonly sentAt: string;
  readonly acceptedAt: string | null;
  readonly dueAt: string;
}

export interface AgencyTimeToAccept {
  readonly agency: string;
  /** Hours from sending to acceptance, nearest-rank percentiles. */
  readonly p50: number;
  readonly p90: number;
}

export interface ReferralDashboard {
  readonly threshold: number;
  /** Number of referrals, which both tables add up to; "fewer than" the threshold when small. */
  readonly total: PublishedCount;
  readonly byService: PublishedTable<string>;
  readonly byStatus: PublishedTable<string>;
  /** Sent, unanswered and past due: part of the `sent` cell, withheld unless both it and the rest of `sent` are not small. */
  readonly overdueUnanswered: PublishedCount;
  /** Only agencies that accepted at least `threshold` referrals, and without their counts (see below). */
  readonly timeToAcceptHours: readonly AgencyTimeToAccept[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Referrals by service and by status (one total, complementary suppression), how many are overdue,
 * and how fast each agency accepts. The overdue count is nested in the `sent` cell, so it is shown
 * only beside a shown `sent` and when neither it nor the sent referrals not yet due are few. The
 * time-to-accept rows give no counts: the accepted referrals are the accepted, in-progress,
 * completed and some revoked ones of the status table, so exact counts per agency would add up
 * against withheld status cells; an agency is listed only when it accepted at least `threshold`.
 */
export function referralDashboard(
  referrals: readonly ReferralFacts[],
  now: string,
  threshold: number,
): ReferralDashboard {
  const { total, tables } = publishTables(
    { byService: countBy(referrals, (r) => r.service), byStatus: countBy(referrals, (r) => r.status) },
    threshold,
  );
  const sent = tables.byStatus.rows.find((r) => r.key === 'sent')?.count;
  const overdue = referrals.filter((r) => r.status === 'sent' && r.dueAt <= now).length;
  const byAgency = new Map<string, number[]>();
  for (const r of referrals) {
    if (!r.acceptedAt) continue;
    byAgency.set(r.toAgency, [
      ...(byAgency.get(r.toAgency) ?? []),
      (Date.parse(r.acceptedAt) - Date.parse(r.sentAt)) / 3600_000,
    ]);
  }
  return {
    threshold,
    total,
    ...tables,
    overdueUnanswered: total.count === 0 ? total : publishPart(overdue, sent, threshold),
    // An agency with too few acceptances is left out, name and all: listing it would tell that a case went there.
    timeToAcceptHours: [...byAgency]
      .sort(([a], [b]) => a.localeCompare(b))
      .filter(([, hours]) => hours.length >= threshold)
      .map(([agency, hours]) => ({ agency, p50: round(percentile(hours, 50)), p90: round(percentile(hours, 90)) })),
  };
}

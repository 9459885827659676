import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { CLOCK, type Clock } from '@ruamjai/kernel';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { commitmentDashboard, type CommitmentDashboard } from '../domain/dashboard/commitment-dashboard';
import { percentile, publish, publishTable, type PublishedCount, type PublishedTable } from '../domain/dashboard/suppression';
import type { CasesTables } from '../projections/cases-tables';
import { CaseQueries } from './case-queries';

const countBy = <Row>(rows: readonly Row[], keyOf: (row: Row) => string): Array<{ key: string; count: number }> => {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(keyOf(row), (counts.get(keyOf(row)) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, count }));
};

export interface CaseDashboard {
  readonly threshold: number;
  readonly byDistrict: PublishedTable<string>;
  readonly byStage: PublishedTable<string>;
  readonly bySource: PublishedTable<string>;
  readonly byAgeGroup: PublishedTable<string>;
  readonly byStatus: PublishedTable<string>;
}

export interface ReferralDashboard {
  readonly threshold: number;
  readonly byService: PublishedTable<string>;
  readonly byStatus: PublishedTable<string>;
  readonly overdueUnanswered: PublishedCount;
  /** Hours from sending to acceptance, per receiving agency; agencies with fewer accepted referrals than the threshold are left out. */
  readonly timeToAcceptHours: Array<{ agency: string; accepted: PublishedCount; p50: number | null; p90: number | null; suppressed: boolean }>;
}

/**
 * De-identified aggregates for dashboards (any role may read them): counts only, never a row, and
 * every count under the threshold (DASHBOARD_MIN_COUNT, default 5) withheld.
 */
@Injectable()
export class CaseDashboards {
  private readonly db: Kysely<CasesTables>;

  constructor(
    @Inject(READ_MODEL_DB) db: ReadModelDb,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly queries: CaseQueries,
  ) {
    this.db = db as unknown as Kysely<CasesTables>;
  }

  private get threshold(): number {
    return this.config.cases.dashboardMinCount;
  }

  async cases(): Promise<CaseDashboard> {
    const rows = await this.db.selectFrom('case_register').select(['district_code', 'stage', 'source', 'age_group', 'status']).execute();
    const t = this.threshold;
    return {
      threshold: t,
      byDistrict: publishTable(countBy(rows, (r) => r.district_code), t),
      byStage: publishTable(countBy(rows, (r) => r.stage), t),
      bySource: publishTable(countBy(rows, (r) => r.source), t),
      byAgeGroup: publishTable(countBy(rows, (r) => r.age_group), t),
      byStatus: publishTable(countBy(rows, (r) => r.status), t),
    };
  }

  async referrals(): Promise<ReferralDashboard> {
    const rows = await this.db.selectFrom('referral_register').select(['service', 'status', 'to_agency', 'sent_at', 'accepted_at', 'due_at']).execute();
    const t = this.threshold;
    const now = this.clock.now().toISOString();
    const byAgency = new Map<string, number[]>();
    for (const r of rows) {
      if (!r.accepted_at) continue;
      const hours = (Date.parse(r.accepted_at) - Date.parse(r.sent_at)) / 3600_000;
      byAgency.set(r.to_agency, [...(byAgency.get(r.to_agency) ?? []), hours]);
    }
    const round = (n: number) => Math.round(n * 10) / 10;
    return {
      threshold: t,
      byService: publishTable(countBy(rows, (r) => r.service), t),
      byStatus: publishTable(countBy(rows, (r) => r.status), t),
      overdueUnanswered: publish(rows.filter((r) => r.status === 'sent' && r.due_at <= now).length, t),
      // An agency with too few acceptances is left out, name and all: listing it would tell that a case went there.
      timeToAcceptHours: [...byAgency]
        .sort(([a], [b]) => a.localeCompare(b))
        .filter(([, hours]) => hours.length >= t)
        .map(([agency, hours]) => ({ agency, accepted: publish(hours.length, t), p50: round(percentile(hours, 50)), p90: round(percentile(hours, 90)), suppressed: false })),
    };
  }

  /** Pledged against fulfilled per agency and resource: plan projects whole, pledges to cases only where they spread over enough cases. */
  async commitments(): Promise<CommitmentDashboard> {
    return commitmentDashboard(await this.queries.commitments(), this.threshold);
  }
}

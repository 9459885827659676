import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import { CLOCK, isNationalRole, type Actor, type Clock } from '@ruamjai/kernel';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import { sql, type Kysely } from 'kysely';
import { caseDashboard, type CaseDashboard } from '../dashboard/case-dashboard';
import { commitmentDashboard, type CommitmentDashboard } from '../dashboard/commitment-dashboard';
import { referralDashboard, type ReferralDashboard } from '../dashboard/referral-dashboard';
import type { CasesTables } from '../projections/cases-tables';
import { CaseQueries } from './case-queries';

export type { CaseDashboard } from '../dashboard/case-dashboard';
export type { AgencyTimeToAccept, ReferralDashboard } from '../dashboard/referral-dashboard';

/**
 * De-identified aggregates for dashboards (any role may read them): counts only, never a row, every
 * count under the threshold (DASHBOARD_MIN_COUNT, default 5) withheld, and with it whatever would let
 * it be worked out by subtraction (the rules are in dashboard/suppression.ts).
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

  /** A province's people count their province's rows; national roles every province's (rows from before provinces are the deployment's). */
  private fence(actor: Actor, column: string) {
    if (isNationalRole(actor.role)) return sql<boolean>`1 = 1`;
    return sql<boolean>`coalesce(${sql.ref(column)}, ${this.config.deploymentProvince}) = ${actor.province}`;
  }

  async cases(actor: Actor): Promise<CaseDashboard> {
    const rows = await this.db
      .selectFrom('case_register')
      .select(['district_code', 'stage', 'source', 'age_group', 'status'])
      .where(this.fence(actor, 'case_register.province'))
      .execute();
    return caseDashboard(
      rows.map((r) => ({
        districtCode: r.district_code,
        stage: r.stage,
        source: r.source,
        ageGroup: r.age_group,
        status: r.status,
      })),
      this.threshold,
    );
  }

  async referrals(actor: Actor): Promise<ReferralDashboard> {
    const rows = await this.db
      .selectFrom('referral_register')
      .select(['service', 'status', 'to_agency', 'sent_at', 'accepted_at', 'due_at'])
      .where(this.fence(actor, 'referral_register.province'))
      .execute();
    return referralDashboard(
      rows.map((r) => ({
        service: r.service,
        status: r.status,
        toAgency: r.to_agency,
        sentAt: r.sent_at,
        acceptedAt: r.accepted_at,
        dueAt: r.due_at,
      })),
      this.clock.now().toISOString(),
      this.threshold,
    );
  }

  /** Pledged against fulfilled per agency and resource: plan projects whole, pledges to cases only where they spread over enough cases. */
  async commitments(actor: Actor): Promise<CommitmentDashboard> {
    return commitmentDashboard(
      await this.queries.commitments({ province: isNationalRole(actor.role) ? undefined : actor.province }),
      this.threshold,
    );
  }
}

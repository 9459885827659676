import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@ruamjai/config';
import type { CasesTables } from '@ruamjai/cases';
import { CLOCK, fiscalYearRange, isNationalRole, type Actor, type Clock } from '@ruamjai/kernel';
import {
  authoriseRead,
  provinceInReach,
  type Measures,
  type PlanningTables,
  type PlanSummary,
} from '@ruamjai/planning';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { nationalRollup, type NationalRollup, type ProvinceRollup, type RollupPlan } from '../domain/national-rollup';

/** What a reader gets: the whole country (national roles), or one province's row as the country sees it. */
export interface RollupView extends Omit<NationalRollup, 'provinces' | 'national'> {
  /** `national`: every province and the national row; `province`: the rows asked for or allowed, no national row. */
  readonly scope: 'national' | 'province';
  readonly provinces: readonly ProvinceRollup[];
  readonly national: NationalRollup['national'] | null;
}

type Tables = PlanningTables & CasesTables;

/**
 * The national roll-up, read from the projections that are there already: plan views (status), the
 * plan dashboard's whole-plan cells (money, activities), the case and referral registers (counts).
 * It is worked out for the whole country on every read, so that a province's row is the same cells
 * whoever reads it: a province's people read their own row; another province's is refused.
 */
@Injectable()
export class NationalRollupReads {
  private readonly db: Kysely<Tables>;

  constructor(
    @Inject(READ_MODEL_DB) db: ReadModelDb,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.db = db as unknown as Kysely<Tables>;
  }

  async read(actor: Actor, fiscalYear: number, province?: string): Promise<RollupView> {
    authoriseRead(actor, 'ReadDashboard');
    const national = isNationalRole(actor.role);
    const only = provinceInReach(actor, province);
    const rollup = await this.compute(fiscalYear);
    const { provinces, national: totals, ...rest } = rollup;
    return {
      ...rest,
      scope: national && only === undefined ? 'national' : 'province',
      provinces: only === undefined ? provinces : provinces.filter((p) => p.provinceCode === only),
      // National roles drilling into a province keep the national row beside it; a province's people do not get it.
      national: national ? totals : null,
    };
  }

  private async compute(fiscalYear: number): Promise<NationalRollup> {
    const deployment = this.config.deploymentProvince;
    // A fiscal year's cases were opened within it; a day either side covers Thai time against UTC.
    const { start, end } = fiscalYearRange(fiscalYear);
    const from = `${Number(start.slice(0, 4))}-09-30`;
    const to = `${Number(end.slice(0, 4))}-10-01T23:59:59.999Z`;
    return this.db.transaction().execute(async (trx) => {
      const cells = await trx
        .selectFrom('plan_dashboard')
        .select(['plan_id', 'province_code', 'measures'])
        .where('fiscal_year', '=', fiscalYear)
        .where('dimension', '=', 'plan')
        .execute();
      const measures = new Map(cells.map((c) => [c.plan_id, JSON.parse(c.measures) as Partial<Measures>]));
      const plans: RollupPlan[] = (await trx.selectFrom('plan_views').select('doc').execute())
        .map((r) => JSON.parse(r.doc) as PlanSummary)
        .filter((p) => p.fiscalYear === fiscalYear)
        .map((p) => {
          const m = measures.get(p.planId);
          return {
            planId: p.planId,
            provinceCode: p.provinceCode,
            fiscalYear: p.fiscalYear,
            status: p.status,
            budgetSatang: m?.budgetSatang ?? 0,
            fundRequestedSatang: m?.fundRequestedSatang ?? 0,
            fundApprovedSatang: m?.fundApprovedSatang ?? 0,
            fundDisbursedSatang: m?.fundDisbursedSatang ?? 0,
            spentSatang: m?.spentSatang ?? 0,
            activitiesPlanned: m?.activitiesPlanned ?? 0,
            activitiesDone: m?.activitiesDone ?? 0,
          };
        });
      const cases = await trx
        .selectFrom('case_register')
        .select(['province', 'opened_at', 'status', 'identification'])
        .where('opened_at', '>=', from)
        .where('opened_at', '<=', to)
        .execute();
      const referrals = await trx
        .selectFrom('referral_register')
        .select(['province', 'sent_at', 'status', 'due_at'])
        .where('sent_at', '>=', from)
        .where('sent_at', '<=', to)
        .execute();
      return nationalRollup({
        fiscalYear,
        threshold: this.config.cases.dashboardMinCount,
        now: this.clock.now().toISOString(),
        plans,
        // Rows from before provinces are the deployment's.
        cases: cases.map((c) => ({
          province: c.province ?? deployment,
          openedAt: c.opened_at,
          closed: c.status === 'closed',
          identifiedVictim: c.identification === 'victim',
        })),
        referrals: referrals.map((r) => ({
          province: r.province ?? deployment,
          sentAt: r.sent_at,
          status: r.status,
          dueAt: r.due_at,
        })),
      });
    });
  }
}

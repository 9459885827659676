import { Inject, Injectable } from '@nestjs/common';
import { fiscalYearRange } from '@ruamjai/kernel';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { PROVINCES } from '../domain/provinces';
import type { AgencyTables } from './agency-directory';
import { MEASURES, noMeasures, type DashboardDimension, type Measures } from './plan-dashboard';
import type { PlanningTables } from './planning-tables';

export interface DashboardCell extends Measures {
  readonly key: string;
  readonly labelTh: string | null;
  readonly labelEn: string | null;
}

/** One plan's (or one fiscal year's) numbers, cut every way a dashboard needs. */
export interface PlanDashboard {
  readonly fiscalYear: number;
  readonly fiscalYearStart: string;
  readonly fiscalYearEnd: string;
  /** The plans whose numbers are counted (a plan with no project in it yet has none). */
  readonly planIds: readonly string[];
  readonly totals: Measures;
  readonly byStrategy: readonly DashboardCell[];
  readonly byDistrict: readonly DashboardCell[];
  readonly byAgency: readonly DashboardCell[];
  readonly bySource: readonly DashboardCell[];
  readonly byTargetGroup: readonly DashboardCell[];
  /** How to read the cuts that overlap. */
  readonly notes: { th: string; en: string };
}

const LABELS: Record<string, { th: string; en: string }> = {
  prevention: { th: 'การป้องกัน', en: 'Prevention' },
  protection: { th: 'การคุ้มครองช่วยเหลือ', en: 'Protection' },
  prosecution: { th: 'การดำเนินคดี', en: 'Prosecution' },
  partnership: { th: 'ความร่วมมือภาคี', en: 'Partnership' },
  unclassified: { th: 'ยังไม่จัดยุทธศาสตร์', en: 'Unclassified' },
  provincial_budget: { th: 'งบประมาณจังหวัด', en: 'Provincial budget' },
  anti_trafficking_fund: { th: 'กองทุนเพื่อการป้องกันและปราบปรามการค้ามนุษย์', en: 'Anti-Trafficking in Persons Fund' },
  agency_own: { th: 'งบประมาณของหน่วยงาน', en: "Agency's own budget" },
  local_administration: { th: 'องค์กรปกครองส่วนท้องถิ่น', en: 'Local administration' },
  private_ngo: { th: 'ภาคเอกชน/องค์กรพัฒนาเอกชน', en: 'Private sector / NGO' },
  children: { th: 'เด็ก', en: 'Children' },
  women: { th: 'สตรี', en: 'Women' },
  families: { th: 'ครอบครัว', en: 'Families' },
  migrant_workers: { th: 'แรงงานข้ามชาติ', en: 'Migrant workers' },
  general_public: { th: 'ประชาชนทั่วไป', en: 'General public' },
  at_risk_youth: { th: 'เยาวชนกลุ่มเสี่ยง', en: 'At-risk youth' },
};

const NOTES = {
  th: 'ยุทธศาสตร์และหน่วยงานหลักรวมกันได้เท่ายอดรวม; โครงการที่ครอบคลุมหลายอำเภอหรือหลายกลุ่มเป้าหมายนับเต็มจำนวนในแต่ละอำเภอ/กลุ่ม ส่วนกิจกรรมและผู้เข้าร่วมนับตามอำเภอที่จัดกิจกรรมและกลุ่มที่ตั้งเป้าหมาย',
  en: 'Strategy and lead-agency rows sum to the totals. A project spanning several districts or target groups counts in full in each; activities and participants count in the district where the activity takes place and in the group they target.',
};

/** Dashboard reads: de-identified numbers only, from the dashboard cells the plan-view projection keeps. */
@Injectable()
export class PlanDashboardQueries {
  private readonly db: Kysely<PlanningTables & AgencyTables>;

  constructor(@Inject(READ_MODEL_DB) db: ReadModelDb) {
    this.db = db.withTables<PlanningTables & AgencyTables>() as unknown as Kysely<PlanningTables & AgencyTables>;
  }

  /** One plan's dashboard; undefined when the plan is unknown. */
  async forPlan(planId: string): Promise<PlanDashboard | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const plan = await trx.selectFrom('plan_views').select(['doc']).where('plan_id', '=', planId).executeTakeFirst();
      if (!plan) return undefined;
      const { fiscalYear, provinceCode } = JSON.parse(plan.doc) as { fiscalYear: number; provinceCode: string };
      const rows = await trx
        .selectFrom('plan_dashboard')
        .select(['dimension', 'key', 'measures'])
        .where('plan_id', '=', planId)
        .execute();
      return this.assemble(fiscalYear, [provinceCode], [planId], rows, trx);
    });
  }

  /** Every plan of a fiscal year (B.E.), optionally in one province, added together. */
  async forFiscalYear(fiscalYear: number, provinceCode?: string): Promise<PlanDashboard> {
    return this.db.transaction().execute(async (trx) => {
      // The cells carry their plan's year and province: no plan document needs reading.
      let query = trx
        .selectFrom('plan_dashboard')
        .select(['plan_id', 'province_code', 'dimension', 'key', 'measures'])
        .where('fiscal_year', '=', fiscalYear);
      if (provinceCode) query = query.where('province_code', '=', provinceCode);
      const rows = await query.execute();
      return this.assemble(
        fiscalYear,
        [...new Set(rows.map((r) => r.province_code))],
        [...new Set(rows.map((r) => r.plan_id))],
        rows,
        trx,
      );
    });
  }

  private async assemble(
    fiscalYear: number,
    provinceCodes: readonly string[],
    planIds: readonly string[],
    rows: ReadonlyArray<{ dimension: string; key: string; measures: string }>,
    trx: Kysely<PlanningTables & AgencyTables>,
  ): Promise<PlanDashboard> {
    const cuts = new Map<DashboardDimension, Map<string, Measures>>();
    for (const row of rows) {
      const dimension = row.dimension as DashboardDimension;
      const cut = cuts.get(dimension) ?? new Map<string, Measures>();
      const cell = cut.get(row.key) ?? noMeasures();
      const measures = JSON.parse(row.measures) as Measures;
      for (const m of MEASURES) cell[m] += measures[m];
      cut.set(row.key, cell);
      cuts.set(dimension, cut);
    }
    const agencyCodes = [...(cuts.get('agency')?.keys() ?? [])];
    const agencyNames = new Map<string, { th: string; en: string | null }>();
    if (agencyCodes.length > 0) {
      for (const row of await trx
        .selectFrom('agencies')
        .select(['code', 'doc'])
        .where('code', 'in', agencyCodes)
        .execute()) {
        const doc = JSON.parse(row.doc) as { nameTh: string; nameEn: string | null };
        agencyNames.set(row.code, { th: doc.nameTh, en: doc.nameEn });
      }
    }
    const districts = new Map(
      provinceCodes.flatMap((code) => PROVINCES[code]?.districts ?? []).map((d) => [d.code, d]),
    );
    const label = (dimension: DashboardDimension, key: string): { labelTh: string | null; labelEn: string | null } => {
      if (dimension === 'district')
        return { labelTh: districts.get(key)?.th ?? null, labelEn: districts.get(key)?.en ?? null };
      if (dimension === 'agency')
        return { labelTh: agencyNames.get(key)?.th ?? null, labelEn: agencyNames.get(key)?.en ?? null };
      return { labelTh: LABELS[key]?.th ?? null, labelEn: LABELS[key]?.en ?? null };
    };
    const list = (dimension: DashboardDimension): DashboardCell[] =>
      [...(cuts.get(dimension) ?? new Map<string, Measures>()).entries()]
        .map(([key, m]) => ({ key, ...label(dimension, key), ...m }))
        .sort((a, b) => a.key.localeCompare(b.key));
    const { start, end } = fiscalYearRange(fiscalYear);
    return {
      fiscalYear,
      fiscalYearStart: start,
      fiscalYearEnd: end,
      planIds,
      totals: cuts.get('plan')?.get('') ?? noMeasures(),
      byStrategy: list('strategy'),
      byDistrict: list('district'),
      byAgency: list('agency'),
      bySource: list('source'),
      byTargetGroup: list('target_group'),
      notes: NOTES,
    };
  }
}

import { BulkInsert } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import {
  cellKey,
  isEmpty,
  MEASURES,
  noMeasures,
  splitCellKey,
  type DashboardCells,
  type DashboardDimension,
  type Measures,
} from './plan-dashboard';
import type { PlanSummary } from './plan-view';
import type { PlanningTables } from './planning-tables';
import { chunks, type PlanTrx } from './plan-writes';

/** The plan view's dashboard cells: a plan's measures by dimension, kept by adding differences. */

export type DashboardRow = PlanningTables['plan_dashboard'];
const DASHBOARD_COLUMNS = ['plan_id', 'fiscal_year', 'province_code', 'dimension', 'key', 'measures'] as const;
export const upsertDashboard = new BulkInsert<DashboardRow>(DASHBOARD_COLUMNS, (db, rows) =>
  (db as Kysely<PlanningTables>)
    .insertInto('plan_dashboard')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['plan_id', 'dimension', 'key']).doUpdateSet((eb) => ({ measures: eb.ref('excluded.measures') })),
    ),
);

/**
 * Adds each plan's dashboard differences to its stored cells. Cells that fall to zero everywhere
 * are deleted, so a withdrawn project leaves no empty rows behind.
 */
export async function applyDeltas(
  trx: PlanTrx,
  cache: Map<string, DashboardCells>,
  deltas: Map<string, DashboardCells>,
  summaryOf: (planId: string) => PlanSummary | undefined,
): Promise<{
  upserted: DashboardRow[];
  deleted: Array<{ planId: string; dimension: DashboardDimension; key: string }>;
}> {
  const missing = [...deltas.keys()].filter((planId) => !cache.has(planId));
  for (const part of chunks(missing)) {
    const rows = await trx
      .selectFrom('plan_dashboard')
      .select(['plan_id', 'dimension', 'key', 'measures'])
      .where('plan_id', 'in', part)
      .execute();
    for (const planId of part) cache.set(planId, new Map());
    for (const row of rows)
      cache
        .get(row.plan_id)!
        .set(cellKey(row.dimension as DashboardDimension, row.key), JSON.parse(row.measures) as Measures);
  }
  const upserted: DashboardRow[] = [];
  const deleted: Array<{ planId: string; dimension: DashboardDimension; key: string }> = [];
  for (const [planId, delta] of deltas) {
    const cells = cache.get(planId)!;
    const summary = summaryOf(planId);
    for (const [cell, change] of delta) {
      if (MEASURES.every((m) => change[m] === 0)) continue;
      const current = cells.get(cell) ?? noMeasures();
      const next = { ...current };
      for (const m of MEASURES) next[m] += change[m];
      const { dimension, key } = splitCellKey(cell);
      if (isEmpty(next)) {
        cells.delete(cell);
        deleted.push({ planId, dimension, key });
      } else {
        cells.set(cell, next);
        upserted.push({
          plan_id: planId,
          fiscal_year: summary?.fiscalYear ?? 0,
          province_code: summary?.provinceCode ?? '',
          dimension,
          key,
          measures: JSON.stringify(next),
        });
      }
    }
  }
  return { upserted, deleted };
}

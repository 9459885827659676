import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { projectFromRow } from './plan-project-rows';
import { assemblePlanView, type PlanSummary, type PlanView } from './plan-view';
import type { PlanningTables } from './planning-tables';

/** The current plan, from its read model. (History and past states: PlanAudit, from the log.) */
@Injectable()
export class PlanQueries {
  private readonly db: Kysely<PlanningTables>;

  constructor(@Inject(READ_MODEL_DB) db: ReadModelDb) {
    this.db = db.withTables<PlanningTables>() as unknown as Kysely<PlanningTables>;
  }

  async view(planId: string): Promise<PlanView | undefined> {
    // One transaction, so the summary and its projects come from the same checkpoint.
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('plan_views').select('doc').where('plan_id', '=', planId).executeTakeFirst();
      if (!row) return undefined;
      const projects = await trx.selectFrom('plan_projects').selectAll().where('plan_id', '=', planId).execute();
      return assemblePlanView(JSON.parse(row.doc) as PlanSummary, projects.map(projectFromRow));
    });
  }

  /** Every plan's summary, newest fiscal year first: what the console lists to open a plan or its dashboard. */
  async list(): Promise<PlanSummary[]> {
    const rows = await this.db.selectFrom('plan_views').select('doc').execute();
    return rows
      .map((r) => JSON.parse(r.doc) as PlanSummary)
      .sort(
        (a, b) =>
          b.fiscalYear - a.fiscalYear ||
          a.provinceCode.localeCompare(b.provinceCode) ||
          a.draftedAt.localeCompare(b.draftedAt),
      );
  }
}

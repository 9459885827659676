import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { assemblePlanView, type PlanSummary, type PlanView, type ProjectView } from './plan-view';
import type { PlanningTables } from './planning-tables';

export interface PlanHistoryEntry {
  readonly revision: number;
  readonly position: string;
  readonly eventId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly agency: string;
  readonly role: string;
  readonly reason: string | null;
  readonly correlationId: string;
  readonly data: unknown;
}

/** Reads of the plan read models. */
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
      const projects = await trx.selectFrom('plan_projects').select('doc').where('plan_id', '=', planId).execute();
      return assemblePlanView(JSON.parse(row.doc) as PlanSummary, projects.map((p) => JSON.parse(p.doc) as ProjectView));
    });
  }

  async history(planId: string, page: { afterRevision?: number; limit: number }): Promise<PlanHistoryEntry[]> {
    let query = this.db.selectFrom('plan_history').selectAll().where('plan_id', '=', planId);
    if (page.afterRevision !== undefined) query = query.where('revision', '>', page.afterRevision);
    const rows = await query.orderBy('revision').limit(page.limit).execute();
    return rows.map((r) => ({
      revision: r.revision,
      position: r.position,
      eventId: r.event_id,
      type: r.event_type,
      occurredAt: r.occurred_at,
      recordedAt: r.recorded_at,
      actor: r.actor_id,
      agency: r.agency,
      role: r.role,
      reason: r.reason,
      correlationId: r.correlation_id,
      data: JSON.parse(r.data),
    }));
  }
}

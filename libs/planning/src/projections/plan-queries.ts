import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, StreamNotFound, type EventStore } from '@ruamjai/event-store';
import type { EventMetadata } from '@ruamjai/kernel';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import { planStreamId } from '../domain/plan.decider';
import { projectFromRow } from './plan-projections';
import { assemblePlanView, type PlanSummary, type PlanView } from './plan-view';
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
  readonly causationId: string | null;
  readonly commandType: string | null;
  readonly schemaVersion: number | null;
  readonly data: unknown;
}

/** Reads of the plan: the current view from its read model, the history from the event log itself. */
@Injectable()
export class PlanQueries {
  private readonly db: Kysely<PlanningTables>;

  constructor(
    @Inject(READ_MODEL_DB) db: ReadModelDb,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
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

  /**
   * The plan's history, read from its stream: auditors see the log itself, never a copy that could
   * lag or drift. Undefined when the plan does not exist.
   */
  async history(planId: string, page: { afterRevision?: number; limit: number }): Promise<PlanHistoryEntry[] | undefined> {
    const entries: PlanHistoryEntry[] = [];
    try {
      const from = page.afterRevision === undefined ? 0n : BigInt(page.afterRevision + 1);
      for await (const event of this.store.readStream(planStreamId(planId), { fromRevision: from, maxCount: page.limit })) {
        const meta = (event.metadata ?? {}) as Partial<EventMetadata>;
        entries.push({
          revision: Number(event.revision),
          position: event.position.toString(),
          eventId: event.id,
          type: event.type,
          occurredAt: meta.occurredAt ?? event.created.toISOString(),
          recordedAt: event.created.toISOString(),
          actor: meta.actorId ?? 'unknown',
          agency: meta.agency ?? 'unknown',
          role: meta.role ?? 'unknown',
          reason: meta.reason ?? null,
          correlationId: meta.correlationId ?? '',
          causationId: meta.causationId ?? null,
          commandType: meta.commandType ?? null,
          schemaVersion: meta.schemaVersion ?? null,
          data: event.data,
        });
      }
    } catch (error) {
      if (error instanceof StreamNotFound) return undefined;
      throw error;
    }
    return entries;
  }
}

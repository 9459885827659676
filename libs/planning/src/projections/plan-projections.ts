import type { RecordedEvent } from '@ruamjai/event-store';
import type { EventMetadata } from '@ruamjai/kernel';
import type { CoreTables, Projection } from '@ruamjai/read-models';
import type { Transaction } from 'kysely';
import { isPlanEvent, type PlanEvent } from '../domain/plan.events';
import { evolvePlanView, type PlanView } from './plan-view';
import type { PlanningTables } from './planning-tables';

type Trx = Transaction<CoreTables & PlanningTables>;
const CHUNK = 400;

const planIdOf = (event: RecordedEvent): string => (event.data as PlanEvent['data']).planId;
const metadataOf = (event: RecordedEvent): Partial<EventMetadata> => (event.metadata ?? {}) as Partial<EventMetadata>;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The current view of each plan, one JSON document a plan. */
export const planViewProjection: Projection = {
  name: 'plan-view',
  handles: (event) => event.streamId.startsWith('plan-') && isPlanEvent(event),
  async apply(base, events) {
    const trx = base as unknown as Trx;
    const ids = [...new Set(events.map(planIdOf))];
    const views = new Map<string, PlanView | undefined>();
    for (const part of chunks(ids)) {
      const rows = await trx.selectFrom('plan_views').select(['plan_id', 'doc']).where('plan_id', 'in', part).execute();
      for (const row of rows) views.set(row.plan_id, JSON.parse(row.doc) as PlanView);
    }
    for (const event of events) {
      const planId = planIdOf(event);
      const next = evolvePlanView(views.get(planId), {
        event: event as unknown as PlanEvent,
        revision: Number(event.revision),
        occurredAt: metadataOf(event).occurredAt ?? event.created.toISOString(),
      });
      views.set(planId, next);
    }
    const rows = [...views.values()]
      .filter((v): v is PlanView => v !== undefined)
      .map((v) => ({ plan_id: v.planId, revision: v.revision, doc: JSON.stringify(v), updated_at: v.updatedAt }));
    for (const part of chunks(rows)) {
      await trx
        .insertInto('plan_views')
        .values(part)
        .onConflict((oc) =>
          oc.column('plan_id').doUpdateSet((eb) => ({
            revision: eb.ref('excluded.revision'),
            doc: eb.ref('excluded.doc'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  },
  async reset(base) {
    await (base as unknown as Trx).deleteFrom('plan_views').execute();
  },
};

/** Every plan event with who, agency, role, when and why: the auditor's trail. */
export const planHistoryProjection: Projection = {
  name: 'plan-history',
  handles: (event) => event.streamId.startsWith('plan-') && isPlanEvent(event),
  async apply(base, events) {
    const trx = base as unknown as Trx;
    const rows = events.map((event) => {
      const meta = metadataOf(event);
      return {
        plan_id: planIdOf(event),
        revision: Number(event.revision),
        position: event.position.toString(),
        event_id: event.id,
        event_type: event.type,
        occurred_at: meta.occurredAt ?? event.created.toISOString(),
        recorded_at: event.created.toISOString(),
        actor_id: meta.actorId ?? 'unknown',
        agency: meta.agency ?? 'unknown',
        role: meta.role ?? 'unknown',
        reason: meta.reason ?? null,
        correlation_id: meta.correlationId ?? '',
        data: JSON.stringify(event.data),
      };
    });
    for (const part of chunks(rows, 300)) {
      await trx.insertInto('plan_history').values(part).onConflict((oc) => oc.columns(['plan_id', 'revision']).doNothing()).execute();
    }
  },
  async reset(base) {
    await (base as unknown as Trx).deleteFrom('plan_history').execute();
  },
};

export const planningProjections: readonly Projection[] = [planViewProjection, planHistoryProjection];

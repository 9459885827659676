import type { RecordedEvent } from '@ruamjai/event-store';
import type { EventMetadata } from '@ruamjai/kernel';
import type { CoreTables, Projection } from '@ruamjai/read-models';
import type { Transaction } from 'kysely';
import { isPlanEvent, type PlanEvent } from '../domain/plan.events';
import { evolvePlanSummary, evolveProjectView, projectIdOf, type PlanSummary, type ProjectView } from './plan-view';
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

/** The current view of each plan: a summary row a plan and a row a project. */
export const planViewProjection: Projection = {
  name: 'plan-view',
  handles: (event) => event.streamId.startsWith('plan-') && isPlanEvent(event),
  begin(base) {
    const trx = base as unknown as Trx;
    const summaries = new Map<string, PlanSummary | undefined>();
    const projects = new Map<string, ProjectView | undefined>();
    const dirtySummaries = new Set<string>();
    const dirtyProjects = new Map<string, string>();
    const key = (planId: string, projectId: string) => `${planId}/${projectId}`;
    return {
      async apply(events) {
        const planEvents = events.map((e) => ({ planId: planIdOf(e), event: e as unknown as PlanEvent, recorded: e }));
        const missingPlans = [...new Set(planEvents.map((e) => e.planId))].filter((id) => !summaries.has(id));
        for (const part of chunks(missingPlans)) {
          const rows = await trx.selectFrom('plan_views').select(['plan_id', 'doc']).where('plan_id', 'in', part).execute();
          for (const row of rows) summaries.set(row.plan_id, JSON.parse(row.doc) as PlanSummary);
        }
        // Only revisions touch stored projects; additions create them.
        const revised = planEvents.filter((e) => e.event.type === 'ProjectBudgetRevised').map((e) => ({ planId: e.planId, projectId: projectIdOf(e.event)! }));
        const missingProjects = revised.filter((p) => !projects.has(key(p.planId, p.projectId)));
        for (const part of chunks(missingProjects)) {
          const rows = await trx
            .selectFrom('plan_projects')
            .select(['plan_id', 'project_id', 'doc'])
            .where((eb) => eb.or(part.map((p) => eb.and([eb('plan_id', '=', p.planId), eb('project_id', '=', p.projectId)]))))
            .execute();
          for (const row of rows) projects.set(key(row.plan_id, row.project_id), JSON.parse(row.doc) as ProjectView);
        }
        for (const { planId, event, recorded } of planEvents) {
          const change = { event, revision: Number(recorded.revision), occurredAt: metadataOf(recorded).occurredAt ?? recorded.created.toISOString() };
          summaries.set(planId, evolvePlanSummary(summaries.get(planId), change));
          dirtySummaries.add(planId);
          const projectId = projectIdOf(event);
          if (projectId) {
            const k = key(planId, projectId);
            projects.set(k, evolveProjectView(projects.get(k), change));
            dirtyProjects.set(k, planId);
          }
        }
      },
      async flush() {
        const summaryRows = [...dirtySummaries]
          .map((id) => summaries.get(id))
          .filter((v): v is PlanSummary => v !== undefined)
          .map((v) => ({ plan_id: v.planId, revision: v.revision, doc: JSON.stringify(v), updated_at: v.updatedAt }));
        const projectRows = [...dirtyProjects]
          .map(([k, planId]) => ({ planId, project: projects.get(k) }))
          .filter((p): p is { planId: string; project: ProjectView } => p.project !== undefined)
          .map(({ planId, project }) => ({ plan_id: planId, project_id: project.projectId, added_at_revision: project.addedAtRevision, doc: JSON.stringify(project) }));
        dirtySummaries.clear();
        dirtyProjects.clear();
        for (const part of chunks(summaryRows)) {
          await trx
            .insertInto('plan_views')
            .values(part)
            .onConflict((oc) =>
              oc.column('plan_id').doUpdateSet((eb) => ({ revision: eb.ref('excluded.revision'), doc: eb.ref('excluded.doc'), updated_at: eb.ref('excluded.updated_at') })),
            )
            .execute();
        }
        for (const part of chunks(projectRows)) {
          await trx
            .insertInto('plan_projects')
            .values(part)
            .onConflict((oc) => oc.columns(['plan_id', 'project_id']).doUpdateSet((eb) => ({ doc: eb.ref('excluded.doc') })))
            .execute();
        }
      },
    };
  },
  async reset(base) {
    const trx = base as unknown as Trx;
    await trx.deleteFrom('plan_projects').execute();
    await trx.deleteFrom('plan_views').execute();
  },
};

/** Every plan event with who, agency, role, when and why: the auditor's trail. */
export const planHistoryProjection: Projection = {
  name: 'plan-history',
  handles: (event) => event.streamId.startsWith('plan-') && isPlanEvent(event),
  begin(base) {
    const trx = base as unknown as Trx;
    return {
      async apply(events) {
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
      async flush() {},
    };
  },
  async reset(base) {
    await (base as unknown as Trx).deleteFrom('plan_history').execute();
  },
};

export const planningProjections: readonly Projection[] = [planViewProjection, planHistoryProjection];

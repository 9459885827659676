import type { RecordedEvent } from '@ruamjai/event-store';
import type { EventMetadata } from '@ruamjai/kernel';
import { BulkInsert, type Projection } from '@ruamjai/read-models';
import { agencyDirectoryProjection } from './agency-directory';
import type { Kysely } from 'kysely';
import { isPlanEvent, type PlanEvent } from '../plan/plan.events';
import { evolvePlanSummary, evolveProjectView, projectIdOf, type PlanSummary, type ProjectView } from './plan-view';
import { addContribution, type DashboardCells, type Measures } from './plan-dashboard';
import { applyDeltas, upsertDashboard } from './plan-dashboard-cells';
import { projectFromRow, projectRow, type ProjectRow } from './plan-project-rows';
import { keepSnapshots } from './plan-snapshots';
import type { PlanningTables } from './planning-tables';
import { chunks, type PlanTrx } from './plan-writes';

const planIdOf = (event: RecordedEvent): string => (event.data as PlanEvent['data']).planId;
const metadataOf = (event: RecordedEvent): Partial<EventMetadata> => event.metadata ?? {};

/** A plan's rows together: neighbouring keys fill index pages in turn instead of all at once. */
function groupedByPlan<T extends { plan_id: string }>(rows: readonly T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.plan_id);
    if (group) group.push(row);
    else groups.set(row.plan_id, [row]);
  }
  return [...groups.values()].flat();
}

const upsertSummaries = new BulkInsert<PlanningTables['plan_views']>(
  ['plan_id', 'revision', 'doc', 'updated_at'],
  (db, rows) =>
    (db as Kysely<PlanningTables>)
      .insertInto('plan_views')
      .values(rows)
      .onConflict((oc) =>
        oc.column('plan_id').doUpdateSet((eb) => ({
          revision: eb.ref('excluded.revision'),
          doc: eb.ref('excluded.doc'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      ),
);

const PROJECT_COLUMNS = [
  'plan_id',
  'project_id',
  'title_th',
  'title_en',
  'lead_agency_code',
  'district_codes',
  'requested_budget_satang',
  'funding_source',
  'added_at_revision',
  'updated_at',
  'fund_requests',
  'detail',
] as const;

const insertProjects = new BulkInsert<ProjectRow>(PROJECT_COLUMNS, (db, rows) =>
  (db as Kysely<PlanningTables>).insertInto('plan_projects').values(rows),
);

const upsertProjects = new BulkInsert<ProjectRow>(PROJECT_COLUMNS, (db, rows) =>
  (db as Kysely<PlanningTables>)
    .insertInto('plan_projects')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['plan_id', 'project_id']).doUpdateSet((eb) => ({
        title_th: eb.ref('excluded.title_th'),
        title_en: eb.ref('excluded.title_en'),
        lead_agency_code: eb.ref('excluded.lead_agency_code'),
        district_codes: eb.ref('excluded.district_codes'),
        requested_budget_satang: eb.ref('excluded.requested_budget_satang'),
        funding_source: eb.ref('excluded.funding_source'),
        updated_at: eb.ref('excluded.updated_at'),
        fund_requests: eb.ref('excluded.fund_requests'),
        detail: eb.ref('excluded.detail'),
      })),
    ),
);

/** The current view of each plan: a summary row a plan and a row a project. */
export const planViewProjection: Projection = {
  name: 'plan-view',
  handles: (event) => event.streamId.startsWith('plan-') && isPlanEvent(event),
  begin(base) {
    const trx = base as unknown as PlanTrx;
    const summaries = new Map<string, PlanSummary | undefined>();
    const projects = new Map<string, ProjectView | undefined>();
    const dirtySummaries = new Set<string>();
    const dirtyProjects = new Map<string, string>();
    // Projects first seen in this unit are new rows: a plain insert, no conflict handling.
    const newProjects = new Set<string>();
    // Each project as its row stood when this unit loaded it (a project new to the unit has none): the flush adds the difference.
    const stored = new Map<string, ProjectView | undefined>();
    const dashboards = new Map<string, DashboardCells>();
    // The last event applied to each plan, and the revision of its latest kept snapshot.
    const lastEvents = new Map<string, RecordedEvent>();
    const snapshotRevisions = new Map<string, number>();
    const key = (planId: string, projectId: string) => `${planId}/${projectId}`;
    return {
      async apply(events) {
        const planEvents = events.map((e) => ({ planId: planIdOf(e), event: e as unknown as PlanEvent, recorded: e }));
        const missingPlans = [...new Set(planEvents.map((e) => e.planId))].filter((id) => !summaries.has(id));
        for (const part of chunks(missingPlans)) {
          const rows = await trx
            .selectFrom('plan_views')
            .select(['plan_id', 'doc'])
            .where('plan_id', 'in', part)
            .execute();
          for (const id of part) summaries.set(id, undefined);
          for (const row of rows) summaries.set(row.plan_id, JSON.parse(row.doc) as PlanSummary);
          const kept = await trx
            .selectFrom('plan_snapshots')
            .select(['plan_id'])
            .select((eb) => eb.fn.max('revision').as('revision'))
            .where('plan_id', 'in', part)
            .groupBy('plan_id')
            .execute();
          for (const row of kept) snapshotRevisions.set(row.plan_id, Number(row.revision));
        }
        // Every project event but an addition changes a stored project.
        const missing = new Map<string, { planId: string; projectId: string }>();
        for (const { planId, event } of planEvents) {
          if (event.type === 'ProjectAdded') continue;
          const projectId = projectIdOf(event);
          if (projectId === undefined) continue;
          const k = key(planId, projectId);
          if (!projects.has(k)) missing.set(k, { planId, projectId });
        }
        const missingProjects = [...missing.values()];
        for (const part of chunks(missingProjects)) {
          const rows = await trx
            .selectFrom('plan_projects')
            .selectAll()
            .where((eb) =>
              eb.or(part.map((p) => eb.and([eb('plan_id', '=', p.planId), eb('project_id', '=', p.projectId)]))),
            )
            .execute();
          for (const p of part) projects.set(key(p.planId, p.projectId), undefined);
          for (const row of rows) projects.set(key(row.plan_id, row.project_id), projectFromRow(row));
          for (const p of part) stored.set(key(p.planId, p.projectId), projects.get(key(p.planId, p.projectId)));
        }
        for (const { planId, event, recorded } of planEvents) {
          const change = {
            event,
            revision: Number(recorded.revision),
            occurredAt: metadataOf(recorded).occurredAt ?? recorded.created.toISOString(),
          };
          summaries.set(planId, evolvePlanSummary(summaries.get(planId), change));
          dirtySummaries.add(planId);
          lastEvents.set(planId, recorded);
          const projectId = projectIdOf(event);
          if (projectId) {
            const k = key(planId, projectId);
            const before = projects.get(k);
            if (before === undefined && event.type === 'ProjectAdded') newProjects.add(k);
            projects.set(k, evolveProjectView(before, change));
            dirtyProjects.set(k, planId);
          }
        }
      },
      async flush() {
        const summaryRows = [...dirtySummaries]
          .map((id) => summaries.get(id))
          .filter((v): v is PlanSummary => v !== undefined)
          .map((v) => ({ plan_id: v.planId, revision: v.revision, doc: JSON.stringify(v), updated_at: v.updatedAt }));
        const added: ProjectRow[] = [];
        const changed: ProjectRow[] = [];
        const deltas = new Map<string, DashboardCells>();
        for (const [k, planId] of dirtyProjects) {
          const project = projects.get(k);
          if (!project) continue;
          const row = projectRow(planId, project);
          (newProjects.has(k) ? added : changed).push(row);
          const delta: DashboardCells = deltas.get(planId) ?? new Map<string, Measures>();
          addContribution(delta, stored.get(k), -1);
          addContribution(delta, project, 1);
          deltas.set(planId, delta);
        }
        const dashboardRows = await applyDeltas(trx, dashboards, deltas, (planId) => summaries.get(planId));
        dirtySummaries.clear();
        dirtyProjects.clear();
        newProjects.clear();
        await upsertSummaries.insert(trx, summaryRows);
        await insertProjects.insert(trx, groupedByPlan(added));
        await upsertProjects.insert(trx, changed);
        if (dashboardRows.deleted.length > 0) {
          for (const { planId, dimension, key: cell } of dashboardRows.deleted) {
            await trx
              .deleteFrom('plan_dashboard')
              .where('plan_id', '=', planId)
              .where('dimension', '=', dimension)
              .where('key', '=', cell)
              .execute();
          }
        }
        await upsertDashboard.insert(trx, dashboardRows.upserted);
        await keepSnapshots(
          trx,
          summaryRows.map((r) => r.plan_id),
          summaries,
          lastEvents,
          snapshotRevisions,
        );
      },
    };
  },
  async reset(base) {
    const trx = base as unknown as PlanTrx;
    await trx.deleteFrom('plan_snapshots').execute();
    await trx.deleteFrom('plan_dashboard').execute();
    await trx.deleteFrom('plan_projects').execute();
    await trx.deleteFrom('plan_views').execute();
  },
};

export const planningProjections: readonly Projection[] = [planViewProjection, agencyDirectoryProjection];

import type { RecordedEvent } from '@ruamjai/event-store';
import { projectFromRow } from './plan-project-rows';
import type { PlanSummary, ProjectView } from './plan-view';
import type { PlanTrx } from './plan-writes';

/** How many events apart a plan's kept snapshots are. */
export const SNAPSHOT_EVERY = 1000;

/** What a kept snapshot holds: the fold's own state, so a fold resumes from it exactly. */
export interface PlanSnapshotDoc {
  readonly summary: PlanSummary;
  readonly projects: readonly ProjectView[];
}

/**
 * Keeps a snapshot of each plan that has moved a thousand events since its last one, from the rows
 * just written (the same pure functions fold both, so the snapshot is the fold at that revision).
 */
export async function keepSnapshots(
  trx: PlanTrx,
  planIds: readonly string[],
  summaries: Map<string, PlanSummary | undefined>,
  lastEvents: Map<string, RecordedEvent>,
  snapshotRevisions: Map<string, number>,
): Promise<void> {
  for (const planId of planIds) {
    const summary = summaries.get(planId);
    const last = lastEvents.get(planId);
    if (!summary || !last || Number(last.revision) !== summary.revision) continue;
    if (summary.revision - (snapshotRevisions.get(planId) ?? -1) < SNAPSHOT_EVERY) continue;
    const rows = await trx.selectFrom('plan_projects').selectAll().where('plan_id', '=', planId).execute();
    const doc: PlanSnapshotDoc = { summary, projects: rows.map(projectFromRow) };
    await trx
      .insertInto('plan_snapshots')
      .values({
        plan_id: planId,
        revision: summary.revision,
        latest_event_at: summary.latestEventAt ?? summary.updatedAt,
        event_id: last.id,
        doc: JSON.stringify(doc),
      })
      .onConflict((oc) => oc.columns(['plan_id', 'revision']).doNothing())
      .execute();
    snapshotRevisions.set(planId, summary.revision);
  }
}

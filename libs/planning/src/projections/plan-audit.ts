import { Inject, Injectable, Optional } from '@nestjs/common';
import { READ_MODEL_DB, type ReadModelDb } from '@ruamjai/read-models';
import type { Kysely } from 'kysely';
import type { PlanSnapshotDoc } from './plan-snapshots';
import type { PlanningTables } from './planning-tables';
import { EVENT_STORE, StreamNotFound, type EventStore, type RecordedEvent } from '@ruamjai/event-store';
import { jsonDiff, type EventMetadata, type FieldChange } from '@ruamjai/kernel';
import { planStreamId } from '../plan/plan.decider';
import type { PlanEvent } from '../plan/plan.events';
import {
  assemblePlanView,
  evolvePlanSummary,
  evolveProjectView,
  projectIdOf,
  type PlanSummary,
  type PlanView,
  type ProjectView,
  type ViewEvent,
} from './plan-view';

export interface PlanAuditEntry {
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
  /** What the event changed in the plan, field by field. */
  readonly changes: readonly FieldChange[];
  readonly data: unknown;
}

export interface HistoryFilter {
  readonly from?: Date;
  readonly to?: Date;
  readonly actor?: string;
  readonly agency?: string;
  readonly types?: readonly string[];
  readonly afterRevision?: number;
  readonly limit: number;
}

export interface PlanComparison {
  readonly from: number;
  readonly to: number;
  readonly added: readonly FieldChange[];
  readonly changed: readonly FieldChange[];
  readonly removed: readonly FieldChange[];
}

/**
 * Fields every event moves, and totals derived from the projects: a diff that listed them would
 * bury what actually changed.
 */
const BOOKKEEPING = new Set(['revision', 'updatedAt', 'latestEventAt', 'totals']);
/** Projects, budget lines, activities, KPIs and Fund requests are matched by their ids, not their places in a list. */
const ITEM_IDS = ['projectId', 'lineId', 'activityId', 'kpiId', 'requestId'] as const;
const projectKey = (item: Record<string, unknown>): string | undefined => {
  for (const id of ITEM_IDS) if (typeof item[id] === 'string') return item[id];
  return undefined;
};

function viewEventOf(event: RecordedEvent): ViewEvent {
  const meta = (event.metadata ?? {}) as Partial<EventMetadata>;
  return {
    event: event as unknown as PlanEvent,
    revision: Number(event.revision),
    occurredAt: meta.occurredAt ?? event.created.toISOString(),
  };
}

function withoutBookkeeping<T extends object>(value: T | undefined): Partial<T> | undefined {
  if (!value) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !BOOKKEEPING.has(k))) as Partial<T>;
}

/** Folds a plan's events (in order) into its view, the same functions the projection uses. */
export function foldPlanView(events: Iterable<ViewEvent>): PlanView | undefined {
  const folded = new FoldedPlan();
  for (const change of events) folded.apply(change);
  return folded.view();
}

/** A plan view being folded event by event; copyable, so folds can resume from a snapshot. */
class FoldedPlan {
  constructor(
    private summary: PlanSummary | undefined = undefined,
    private readonly projects = new Map<string, ProjectView | undefined>(),
  ) {}

  apply(change: ViewEvent): void {
    this.summary = evolvePlanSummary(this.summary, change);
    const id = projectIdOf(change.event);
    if (id) this.projects.set(id, evolveProjectView(this.projects.get(id), change));
  }

  copy(): FoldedPlan {
    return new FoldedPlan(this.summary, new Map(this.projects));
  }

  view(): PlanView | undefined {
    return (
      this.summary &&
      assemblePlanView(
        this.summary,
        [...this.projects.values()].filter((p): p is ProjectView => p !== undefined),
      )
    );
  }
}

/** Folds of a long plan are kept every so many events, so a view of any point reads only the events since. */
const SNAPSHOT_EVERY = 1000;
const SNAPSHOT_PLANS = 200;

interface Snapshot {
  readonly revision: number;
  readonly occurredAt: number;
  readonly folded: FoldedPlan;
}

/**
 * What auditors read, straight from the plan's stream: the history with field-level changes, the
 * plan as it was at a time or revision, and the differences between two revisions.
 */
@Injectable()
export class PlanAudit {
  private readonly snapshots = new Map<string, Snapshot[]>();
  private readonly db: Kysely<PlanningTables> | undefined;

  /** With the read models, it also resumes from the snapshots the plan-view projection keeps, so even a first view is quick. */
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(READ_MODEL_DB) db?: ReadModelDb,
  ) {
    this.db = db ? (db.withTables<PlanningTables>() as unknown as Kysely<PlanningTables>) : undefined;
  }

  /** The latest kept snapshot whose every event is included in the point asked for. */
  private async keptSnapshot(
    planId: string,
    point: { at?: Date; revision?: number },
    after: number,
  ): Promise<(Snapshot & { eventId: string }) | undefined> {
    if (!this.db) return undefined;
    let query = this.db
      .selectFrom('plan_snapshots')
      .select(['revision', 'latest_event_at', 'event_id', 'doc'])
      .where('plan_id', '=', planId)
      .where('revision', '>', after);
    if (point.revision !== undefined) query = query.where('revision', '<=', point.revision);
    if (point.at) query = query.where('latest_event_at', '<=', point.at.toISOString());
    const row = await query.orderBy('revision', 'desc').limit(1).executeTakeFirst();
    if (!row) return undefined;
    const doc = JSON.parse(row.doc) as PlanSnapshotDoc;
    const folded = new FoldedPlan(doc.summary, new Map(doc.projects.map((p) => [p.projectId, p])));
    return {
      revision: Number(row.revision),
      occurredAt: Date.parse(row.latest_event_at),
      folded,
      eventId: row.event_id,
    };
  }

  /** Every event of the plan, or undefined when there is no such plan. */
  private async events(planId: string): Promise<RecordedEvent[] | undefined> {
    const events: RecordedEvent[] = [];
    try {
      for await (const event of this.store.readStream(planStreamId(planId))) events.push(event);
    } catch (error) {
      if (error instanceof StreamNotFound) return undefined;
      throw error;
    }
    return events;
  }

  async history(planId: string, filter: HistoryFilter): Promise<PlanAuditEntry[] | undefined> {
    const events = await this.events(planId);
    if (!events) return undefined;
    let summary: PlanSummary | undefined;
    const projects = new Map<string, ProjectView | undefined>();
    const entries: PlanAuditEntry[] = [];
    for (const event of events) {
      const change = viewEventOf(event);
      const nextSummary = evolvePlanSummary(summary, change);
      const changes = [...jsonDiff(withoutBookkeeping(summary) ?? null, withoutBookkeeping(nextSummary) ?? null)];
      summary = nextSummary;
      const id = projectIdOf(change.event);
      if (id) {
        const before = projects.get(id);
        const after = evolveProjectView(before, change);
        projects.set(id, after);
        changes.push(
          ...jsonDiff(
            withoutBookkeeping(before) ?? null,
            withoutBookkeeping(after) ?? null,
            projectKey,
            `projects[${id}]`,
          ),
        );
      }
      if (!this.matches(event, change, filter)) continue;
      const meta = (event.metadata ?? {}) as Partial<EventMetadata>;
      entries.push({
        revision: change.revision,
        position: event.position.toString(),
        eventId: event.id,
        type: event.type,
        occurredAt: change.occurredAt,
        recordedAt: event.created.toISOString(),
        actor: meta.actorId ?? 'unknown',
        agency: meta.agency ?? 'unknown',
        role: meta.role ?? 'unknown',
        reason: meta.reason ?? null,
        correlationId: meta.correlationId ?? '',
        causationId: meta.causationId ?? null,
        commandType: meta.commandType ?? null,
        schemaVersion: meta.schemaVersion ?? null,
        changes,
        data: event.data,
      });
    }
    return entries.slice(0, filter.limit);
  }

  private matches(event: RecordedEvent, change: ViewEvent, filter: HistoryFilter): boolean {
    const meta = (event.metadata ?? {}) as Partial<EventMetadata>;
    const at = Date.parse(change.occurredAt);
    if (filter.afterRevision !== undefined && change.revision <= filter.afterRevision) return false;
    if (filter.from && at < filter.from.getTime()) return false;
    if (filter.to && at > filter.to.getTime()) return false;
    if (filter.actor && meta.actorId !== filter.actor) return false;
    if (filter.agency && meta.agency !== filter.agency) return false;
    if (filter.types?.length && !filter.types.includes(event.type)) return false;
    return true;
  }

  /**
   * The plan exactly as it was: the longest run of its events, from the first, whose times are all
   * at or before `at` (times are the commands' own; the log's order decides what came first, so the
   * answer is always a state the plan really had), or up to `revision`. Resumes from the latest kept
   * fold inside that run (events are immutable, so a fold of the first N events never goes stale) and
   * reads only the events after it.
   */
  viewAt(planId: string, point: { at?: Date; revision?: number }): Promise<PlanView | undefined> {
    return this.fold(planId, point, true);
  }

  /** The fold behind viewAt; a stored snapshot that does not match the log sends it round again without stored snapshots. */
  private async fold(
    planId: string,
    point: { at?: Date; revision?: number },
    useStored: boolean,
  ): Promise<PlanView | undefined> {
    const at = point.at?.getTime();
    const kept = this.snapshots.get(planId) ?? [];
    const inMemory = [...kept]
      .reverse()
      .find(
        (s) =>
          (point.revision === undefined || s.revision <= point.revision) && (at === undefined || s.occurredAt <= at),
      );
    const stored = useStored ? await this.keptSnapshot(planId, point, inMemory?.revision ?? -1) : undefined;
    const start = stored ?? inMemory;
    const folded = start ? start.folded.copy() : new FoldedPlan();
    const fresh: Snapshot[] = stored ? [stored] : [];
    let latest = start?.occurredAt ?? 0;
    // A stored snapshot is checked against the log: the event at its revision must be the one it names.
    let verified = !stored;
    try {
      const from = stored ? BigInt(stored.revision) : start ? BigInt(start.revision + 1) : 0n;
      for await (const event of this.store.readStream(planStreamId(planId), { fromRevision: from })) {
        if (!verified) {
          if (event.id !== stored!.eventId) return this.fold(planId, point, false);
          verified = true;
          continue;
        }
        const change = viewEventOf(event);
        const time = Date.parse(change.occurredAt);
        if (point.revision !== undefined && change.revision > point.revision) break;
        if (at !== undefined && time > at) break;
        folded.apply(change);
        latest = Math.max(latest, time);
        if ((change.revision + 1) % SNAPSHOT_EVERY === 0)
          fresh.push({ revision: change.revision, occurredAt: latest, folded: folded.copy() });
      }
    } catch (error) {
      if (error instanceof StreamNotFound) return undefined;
      throw error;
    }
    // The log ends before the snapshot's revision: it was cut short, and the snapshot is not to be trusted.
    if (!verified) return this.fold(planId, point, false);
    if (fresh.length > 0)
      this.keep(planId, [...kept, ...fresh.filter((f) => !kept.some((k) => k.revision === f.revision))]);
    return folded.view();
  }

  private keep(planId: string, snapshots: Snapshot[]): void {
    this.snapshots.delete(planId);
    this.snapshots.set(
      planId,
      snapshots.sort((a, b) => a.revision - b.revision),
    );
    if (this.snapshots.size > SNAPSHOT_PLANS) this.snapshots.delete(this.snapshots.keys().next().value as string);
  }

  /** What was added, changed and removed between two revisions of the plan. */
  async compare(planId: string, from: number, to: number): Promise<PlanComparison | undefined> {
    const before = await this.viewAt(planId, { revision: from });
    const after = await this.viewAt(planId, { revision: to });
    if (!before && !after) return undefined;
    const changes = jsonDiff(withoutBookkeeping(before) ?? null, withoutBookkeeping(after) ?? null, projectKey).filter(
      (c) => !BOOKKEEPING.has(c.path.split('.').pop() ?? ''),
    );
    return {
      from,
      to,
      added: changes.filter((c) => c.before === null),
      removed: changes.filter((c) => c.after === null),
      changed: changes.filter((c) => c.before !== null && c.after !== null),
    };
  }
}

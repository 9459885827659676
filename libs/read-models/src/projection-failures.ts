import type { Kysely } from 'kysely';
import type { CoreTables } from './read-model-db';

/**
 * A projection that failed on an event: retrying (with back-off, a bounded number of times) or
 * stalled (it gave up; the other projections go on). Kept in the read-model store too, so that a
 * process that does not run projections (the API beside a worker, the CLI) can name it.
 */
export interface ProjectionFailure {
  readonly name: string;
  readonly state: 'retrying' | 'stalled';
  /** The event it could not apply. */
  readonly position: bigint;
  readonly eventType: string;
  readonly streamId: string;
  readonly error: string;
  readonly attempts: number;
  /** When it first failed on this event. */
  readonly since: Date;
}

export interface ProjectionFailureJson {
  name: string;
  state: 'retrying' | 'stalled';
  position: string;
  eventType: string;
  streamId: string;
  error: string;
  attempts: number;
  since: string;
}

export function failureToJson(f: ProjectionFailure): ProjectionFailureJson {
  return {
    name: f.name,
    state: f.state,
    position: f.position.toString(),
    eventType: f.eventType,
    streamId: f.streamId,
    error: f.error,
    attempts: f.attempts,
    since: f.since.toISOString(),
  };
}

export function failureFromJson(f: ProjectionFailureJson): ProjectionFailure {
  return { ...f, position: BigInt(f.position), since: new Date(f.since) };
}

type Db = Kysely<CoreTables>;

/** Records a projection as stalled on an event (replacing what was recorded of it). */
export async function recordStall(db: Db, failure: ProjectionFailure): Promise<void> {
  const row = {
    name: failure.name,
    position: failure.position.toString(),
    event_type: failure.eventType,
    stream_id: failure.streamId,
    error: failure.error.slice(0, 2000),
    attempts: failure.attempts,
    stalled_at: failure.since.toISOString(),
    retry_requested_at: null,
  };
  await db
    .insertInto('projection_stalls')
    .values(row)
    .onConflict((oc) => oc.column('name').doUpdateSet({ ...row }))
    .execute();
}

/** Forgets a projection's stall: it applied the event at last. */
export async function clearStall(db: Db, name: string): Promise<void> {
  await db.deleteFrom('projection_stalls').where('name', '=', name).execute();
}

/** Every stalled projection recorded in the read-model store. */
export async function readStalls(db: Db): Promise<ProjectionFailure[]> {
  const rows = await db.selectFrom('projection_stalls').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    name: r.name,
    state: 'stalled' as const,
    position: BigInt(r.position),
    eventType: r.event_type,
    streamId: r.stream_id,
    error: r.error,
    attempts: Number(r.attempts),
    since: new Date(r.stalled_at),
  }));
}

/** Asks the runner holding a stalled projection to try it again (`projections retry NAME`). Answers whether it was stalled. */
export async function requestRetry(db: Db, name: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('projection_stalls')
    .set({ retry_requested_at: at.toISOString() })
    .where('name', '=', name)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The stalled projections someone asked to retry; the request is taken (cleared) as it is read. */
export async function takeRetryRequests(db: Db, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = await db
    .selectFrom('projection_stalls')
    .select('name')
    .where('name', 'in', [...names])
    .where('retry_requested_at', 'is not', null)
    .execute();
  if (rows.length === 0) return [];
  await db
    .updateTable('projection_stalls')
    .set({ retry_requested_at: null })
    .where(
      'name',
      'in',
      rows.map((r) => r.name),
    )
    .execute();
  return rows.map((r) => r.name);
}

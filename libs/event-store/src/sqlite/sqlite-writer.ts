import type Database from 'better-sqlite3';
import type { ActualState, ExpectedState } from '../event-store.port';
import { STREAM_LIVE, STREAM_SOFT_DELETED, STREAM_TOMBSTONED, type StreamRow } from './sqlite-schema';

/** An event ready for the writer: data and metadata already serialised. */
export interface SerializedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

export type WriteOp =
  | { kind: 'append'; streamId: string; events: SerializedEvent[]; expected: ExpectedState }
  | { kind: 'delete'; streamId: string; expected: ExpectedState }
  | { kind: 'tombstone'; streamId: string; expected: ExpectedState }
  | { kind: 'setMetadata'; streamId: string; metadata: string; expected: ExpectedState };

export type WriteResult =
  { ok: true; nextExpectedRevision: bigint; position: bigint | undefined } | { ok: false; error: WriteFailure };

export type WriteFailure =
  | { name: 'WrongExpectedVersion'; streamId: string; expected: ExpectedState; actual: ActualState }
  | { name: 'StreamDeleted'; streamId: string }
  | { name: 'Error'; message: string };

class Refusal extends Error {
  constructor(readonly failure: WriteFailure) {
    super(failure.name);
  }
}

/**
 * The single writer of the event file. It applies a batch of operations in one IMMEDIATE
 * transaction (one fsync for the batch: group commit), each inside a savepoint so that a refused
 * operation changes nothing while the others commit.
 */
export class SqliteWriter {
  private readonly getStream: Database.Statement<[string], StreamRow>;
  private readonly findEventId: Database.Statement<[string, string], { revision: number }>;
  private readonly recordAppendId: Database.Statement<[string, string, number]>;
  private readonly eventAt: Database.Statement<[string, number], { event_id: string; position: number }>;
  private readonly insertEvent: Database.Statement<[number, string, number, string, string, string, string, number]>;
  private readonly nextPosition: Database.Statement<[], { next: number }>;
  private readonly upsertStream: Database.Statement<[string, number, number]>;
  private readonly setState: Database.Statement<[number, string]>;
  private readonly setMeta: Database.Statement<[string, string]>;
  private readonly headPosition: Database.Statement<[], { head: number | null }>;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    this.getStream = db.prepare('SELECT * FROM streams WHERE stream_id = ?');
    this.findEventId = db.prepare('SELECT revision FROM append_ids WHERE stream_id = ? AND event_id = ?');
    this.recordAppendId = db.prepare('INSERT INTO append_ids (stream_id, event_id, revision) VALUES (?, ?, ?)');
    this.eventAt = db.prepare('SELECT event_id, position FROM events WHERE stream_id = ? AND revision = ?');
    this.insertEvent = db.prepare(
      'INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.nextPosition = db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS next FROM events');
    this.upsertStream = db.prepare(
      `INSERT INTO streams (stream_id, last_revision, state) VALUES (?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET last_revision = excluded.last_revision, state = excluded.state`,
    );
    this.setState = db.prepare('UPDATE streams SET state = ? WHERE stream_id = ?');
    this.setMeta = db.prepare(
      `UPDATE streams SET metadata = ?, metadata_revision = COALESCE(metadata_revision, -1) + 1 WHERE stream_id = ?`,
    );
    this.headPosition = db.prepare('SELECT MAX(position) AS head FROM events');
  }

  /** Applies the batch in one transaction; results come back in the same order. */
  applyBatch(ops: readonly WriteOp[]): WriteResult[] {
    const results: WriteResult[] = [];
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const op of ops) {
        this.db.exec('SAVEPOINT op');
        try {
          results.push(this.apply(op));
          this.db.exec('RELEASE op');
        } catch (error) {
          this.db.exec('ROLLBACK TO op');
          this.db.exec('RELEASE op');
          results.push({ ok: false, error: toFailure(error) });
        }
      }
      this.db.exec('COMMIT');
    } catch (error) {
      // SQLite rolls back by itself after some failures (a full disk, an I/O error), and ROLLBACK
      // would then throw; a failed COMMIT that leaves the transaction open is rolled back here.
      // Mutation testing, an equivalent mutant: the condition made true differs only after a failure SQLite rolls back itself (a full disk, an I/O error), which no spec can make
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      const failure = toFailure(error);
      return ops.map(() => ({ ok: false as const, error: failure }));
    }
    return results;
  }

  private apply(op: WriteOp): WriteResult {
    const stream = this.getStream.get(op.streamId);
    if (stream?.state === STREAM_TOMBSTONED) throw new Refusal({ name: 'StreamDeleted', streamId: op.streamId });
    switch (op.kind) {
      case 'append':
        return this.append(op.streamId, op.events, op.expected, stream);
      case 'delete':
        return this.softDelete(op.streamId, op.expected, stream);
      case 'tombstone':
        return this.tombstone(op.streamId, op.expected, stream);
      case 'setMetadata':
        return this.setMetadata(op.streamId, op.metadata, op.expected, stream);
      default: {
        const _: never = op;
        throw new Error(`unknown op ${JSON.stringify(_)}`);
      }
    }
  }

  private append(
    streamId: string,
    events: SerializedEvent[],
    expected: ExpectedState,
    stream: StreamRow | undefined,
  ): WriteResult {
    const last = stream?.last_revision ?? -1;
    if (events.length > 0) {
      const retried =
        this.findEventId.get(streamId, events[0].id) ?? this.storedAfter(streamId, expected, last, events[0].id);
      if (retried) return this.retry(streamId, events, expected, retried.revision, last);
    }
    checkExpected(streamId, expected, stream);
    if (events.length === 0) {
      const head = this.headPosition.get()?.head;
      return { ok: true, nextExpectedRevision: BigInt(last), position: head == null ? undefined : BigInt(head) };
    }
    let position = this.nextPosition.get()!.next;
    const created = this.now();
    let revision = last;
    // A retry names its append by the first event's id (see sqlite-schema.ts).
    this.recordAppendId.run(streamId, events[0].id, last + 1);
    // One id twice in one append is refused (it was the index's rule; now only first ids are indexed).
    // Mutation testing, an equivalent mutant: made true (or `>= 1`), a set for one event finds no duplicate either; it only saves the allocation
    const ids = events.length > 1 ? new Set<string>() : undefined;
    for (const event of events) {
      if (ids?.has(event.id)) throw new Error(`event id ${event.id} appears twice in one append`);
      ids?.add(event.id);
      revision += 1;
      this.insertEvent.run(position, streamId, revision, event.id, event.type, event.data, event.metadata, created);
      position += 1;
    }
    this.upsertStream.run(streamId, revision, STREAM_LIVE);
    return { ok: true, nextExpectedRevision: BigInt(revision), position: BigInt(position - 1) };
  }

  /**
   * As KurrentDB does for a stated revision: the events right after it are already there, and the
   * first is this one (a retry of part of an earlier append, whose first id is not indexed).
   */
  private storedAfter(
    streamId: string,
    expected: ExpectedState,
    last: number,
    firstId: string,
  ): { revision: number } | undefined {
    // No stream: revision 0 opens a stream's first append, whose first id is indexed, so this search
    // never finds what the index did not; any and stream_exists state no revision to look after.
    // Mutation testing, an equivalent mutant: this condition made false, a state that is no revision looks after NaN, which SQLite binds as NULL and which finds no event
    if (typeof expected !== 'bigint') return undefined;
    const after = Number(expected) + 1;
    // Mutation testing, an equivalent mutant: this condition made false is a shortcut taken away; past the stream's end no event is found
    if (after > last) return undefined;
    // Mutation testing, an equivalent mutant: with the condition made true, the events there are taken for a retry, and other events there fail its id check as the same conflict
    return this.eventAt.get(streamId, after)?.event_id === firstId ? { revision: after } : undefined;
  }

  /** The first id is already stored: the same events again is a retry; anything else is refused. */
  private retry(
    streamId: string,
    events: SerializedEvent[],
    expected: ExpectedState,
    firstRevision: number,
    last: number,
  ): WriteResult {
    const consistent =
      expected === 'any' ||
      expected === 'stream_exists' ||
      (expected === 'no_stream' && firstRevision === 0) ||
      (typeof expected === 'bigint' && expected === BigInt(firstRevision - 1));
    // Mutation testing, an equivalent mutant: the condition made false; a retry has found stored events, so the stream is never empty here
    const actual: ActualState = last < 0 ? 'no_stream' : BigInt(last);
    if (!consistent) throw new Refusal({ name: 'WrongExpectedVersion', streamId, expected, actual });
    let position = 0;
    for (let i = 0; i < events.length; i++) {
      const stored = this.eventAt.get(streamId, firstRevision + i);
      if (!stored || stored.event_id !== events[i].id) {
        throw new Refusal({ name: 'WrongExpectedVersion', streamId, expected, actual });
      }
      position = stored.position;
    }
    return { ok: true, nextExpectedRevision: BigInt(firstRevision + events.length - 1), position: BigInt(position) };
  }

  /** A stream never written cannot be soft-deleted, whatever the expected state (KurrentDB since 21.10). */
  private softDelete(streamId: string, expected: ExpectedState, stream: StreamRow | undefined): WriteResult {
    if (!stream) throw new Refusal({ name: 'WrongExpectedVersion', streamId, expected, actual: 'no_stream' });
    checkExpected(streamId, expected, stream);
    const last = stream.last_revision;
    const metadata = { ...parseMetadata(stream.metadata), truncateBefore: String(last + 1) };
    this.setMeta.run(JSON.stringify(metadata), streamId);
    this.setState.run(STREAM_SOFT_DELETED, streamId);
    return { ok: true, nextExpectedRevision: BigInt(last), position: this.head() };
  }

  private tombstone(streamId: string, expected: ExpectedState, stream: StreamRow | undefined): WriteResult {
    checkExpected(streamId, expected, stream);
    // Mutation testing, an equivalent mutant: -1 made +1; tombstoneStream answers with a position only; this revision goes nowhere
    const last = stream?.last_revision ?? -1;
    // Mutation testing, an equivalent mutant: the condition made true; the upsert of an existing row sets the same revision and the state the next line sets
    if (!stream) this.upsertStream.run(streamId, last, STREAM_TOMBSTONED);
    this.setState.run(STREAM_TOMBSTONED, streamId);
    return { ok: true, nextExpectedRevision: BigInt(last), position: this.head() };
  }

  /** Expected state here is the metadata stream's revision, as in KurrentDB's `$$stream`. */
  private setMetadata(
    streamId: string,
    metadata: string,
    expected: ExpectedState,
    stream: StreamRow | undefined,
  ): WriteResult {
    const metaRevision = stream?.metadata_revision ?? -1;
    const metaStream: StreamRow | undefined =
      // Mutation testing, an equivalent mutant: the condition made false; a metadata stream at -1 is refused and accepted as a missing one is
      metaRevision < 0
        ? undefined
        : {
            stream_id: `$$${streamId}`,
            last_revision: metaRevision,
            state: STREAM_LIVE,
            metadata: null,
            metadata_revision: null,
          };
    checkExpected(`$$${streamId}`, expected, metaStream);
    if (!stream) this.upsertStream.run(streamId, -1, STREAM_LIVE);
    this.setMeta.run(metadata, streamId);
    return { ok: true, nextExpectedRevision: BigInt(metaRevision + 1), position: this.head() };
  }

  private head(): bigint | undefined {
    const head = this.headPosition.get()?.head;
    return head == null ? undefined : BigInt(head);
  }
}

function parseMetadata(json: string | null | undefined): Record<string, unknown> {
  return json ? (JSON.parse(json) as Record<string, unknown>) : {};
}

/** KurrentDB's expected-state rules: see shared/EVENT-STORE-SEMANTICS.md. */
function checkExpected(streamId: string, expected: ExpectedState, stream: StreamRow | undefined): void {
  const last = stream?.last_revision ?? -1;
  const actual: ActualState = last < 0 ? 'no_stream' : BigInt(last);
  const live = stream !== undefined && stream.state !== STREAM_SOFT_DELETED;
  let ok: boolean;
  if (expected === 'any') ok = true;
  else if (expected === 'no_stream') ok = last < 0;
  // Mutation testing, an equivalent mutant: the second condition made true (or `?.` made `.`); a live row without events always has metadata (a write of metadata made it), so the second condition is always true
  else if (expected === 'stream_exists') ok = live && (last >= 0 || stream?.metadata_revision != null);
  // Mutation testing, an equivalent mutant: `last >= 0` made true; a stated revision is never negative, so it can only equal a stream's last revision when the stream has events
  else ok = last >= 0 && expected === BigInt(last);
  if (!ok) throw new Refusal({ name: 'WrongExpectedVersion', streamId, expected, actual });
}

function toFailure(error: unknown): WriteFailure {
  if (error instanceof Refusal) return error.failure;
  return { name: 'Error', message: error instanceof Error ? error.message : String(error) };
}

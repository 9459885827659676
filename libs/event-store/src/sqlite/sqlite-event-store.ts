import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InvalidAppend, StreamDeleted, StreamNotFound, WrongExpectedVersion } from '../event-store.errors';
import type {
  AppendOptions,
  AppendResult,
  DeleteResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamMetadata,
  StreamMetadataResult,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port';
import { isUuid } from '@ruamjai/kernel';
import { PollingSubscription } from '../polling-subscription';
import {
  configureConnection,
  createSchema,
  STREAM_SOFT_DELETED,
  STREAM_TOMBSTONED,
  type EventRow,
  type StreamRow,
} from './sqlite-schema';
import type { WriteOp, WriteResult } from './sqlite-writer';
import { validateStreamId } from '../stream-ids';

const PAGE = 512;

export interface SqliteEventStoreOptions {
  /** Path of the SQLite file, e.g. ./data/events.sqlite. */
  readonly file: string;
  /** How often a live subscription looks for events written by other processes. */
  readonly pollIntervalMs?: number;
  /** Open for reading and subscribing only: no writer thread (a projection thread uses this). */
  readonly readOnly?: boolean;
}

/**
 * The embedded event store: one SQLite file in WAL mode. Writes go through a single writer thread
 * (group commit, never blocking this event loop); reads use this thread's own connection.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private worker: Worker | undefined;
  private readonly pending = new Map<number, { resolve: (r: WriteResult) => void; reject: (e: Error) => void }>();
  private readonly commits = new EventEmitter();
  private nextRequest = 1;
  private closed = false;
  private readonly statements: ReturnType<typeof prepare>;

  private constructor(private readonly options: SqliteEventStoreOptions) {
    mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
    this.db = new Database(options.file);
    configureConnection(this.db);
    createSchema(this.db);
    this.statements = prepare(this.db);
    this.commits.setMaxListeners(0);
    this.worker = options.readOnly ? undefined : this.startWriter(options.file);
  }

  private startWriter(file: string): Worker {
    const workerFile = join(__dirname, `sqlite-writer.worker${extname(__filename)}`);
    const worker = new Worker(workerFile, {
      workerData: { file },
      // Under Jest the worker is TypeScript: compile it on the fly there.
      // Stryker disable next-line ArrayDeclaration: the empty list is the compiled build's, which no spec runs (every start of the API or worker from dist/ does)
      execArgv: workerFile.endsWith('.ts') ? ['--require', '@swc-node/register'] : [],
    });
    worker.on('message', (message: Array<{ id: number; result: WriteResult }> | 'closed') => {
      if (message === 'closed') return;
      for (const { id, result } of message) {
        const waiter = this.pending.get(id);
        this.pending.delete(id);
        waiter?.resolve(result);
      }
      if (this.pending.size === 0) worker.unref();
      this.notifyCommitted();
    });
    worker.on('error', (error) => this.failPending(error));
    worker.on('exit', (code) => {
      if (this.closed) return;
      // The writer died: what it had not committed is refused (nothing half-written: each batch is
      // one transaction), and a new writer takes over.
      this.failPending(new Error(`event store writer stopped (exit ${code}); the write was not committed`));
      this.worker = this.startWriter(file);
    });
    worker.unref();
    return worker;
  }

  private failPending(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }

  /** Wakes live subscribers: new events were committed (here, or by a writer that says so). */
  notifyCommitted(): void {
    this.commits.emit('commit');
  }

  /** Calls back after every commit of this store's writer. */
  onCommitted(listener: () => void): () => void {
    this.commits.on('commit', listener);
    return () => this.commits.off('commit', listener);
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    return new SqliteEventStore(options);
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    validateStreamId(streamId);
    const serialized = events.map((event) => {
      if (!isUuid(event.id)) throw new InvalidAppend(`event id ${event.id} is not a UUID`);
      if (!event.type) throw new InvalidAppend('event type is empty');
      return {
        id: event.id,
        type: event.type,
        data: JSON.stringify(event.data ?? null),
        metadata: JSON.stringify(event.metadata ?? {}),
      };
    });
    const result = await this.write({ kind: 'append', streamId, events: serialized, expected: options.expected });
    return { nextExpectedRevision: result.nextExpectedRevision, position: result.position ?? 0n };
  }

  async deleteStream(streamId: string, options: AppendOptions): Promise<DeleteResult> {
    validateStreamId(streamId);
    const result = await this.write({ kind: 'delete', streamId, expected: options.expected });
    return { position: result.position };
  }

  async tombstoneStream(streamId: string, options: AppendOptions): Promise<DeleteResult> {
    validateStreamId(streamId);
    const result = await this.write({ kind: 'tombstone', streamId, expected: options.expected });
    return { position: result.position };
  }

  async setStreamMetadata(
    streamId: string,
    metadata: StreamMetadata,
    options: AppendOptions = { expected: 'any' },
  ): Promise<AppendResult> {
    validateStreamId(streamId);
    const stored = {
      ...(metadata.maxAge !== undefined ? { maxAge: metadata.maxAge } : {}),
      ...(metadata.maxCount !== undefined ? { maxCount: metadata.maxCount } : {}),
      ...(metadata.truncateBefore !== undefined ? { truncateBefore: String(metadata.truncateBefore) } : {}),
      ...(metadata.custom !== undefined ? { custom: metadata.custom } : {}),
    };
    const result = await this.write({
      kind: 'setMetadata',
      streamId,
      metadata: JSON.stringify(stored),
      expected: options.expected,
    });
    return { nextExpectedRevision: result.nextExpectedRevision, position: result.position ?? 0n };
  }

  async getStreamMetadata(streamId: string): Promise<StreamMetadataResult> {
    const row = this.statements.stream.get(streamId);
    if (row?.state === STREAM_TOMBSTONED) throw new StreamDeleted(streamId);
    return {
      streamId,
      metadata: row?.metadata ? toMetadata(row.metadata) : undefined,
      metadataRevision: row?.metadata_revision == null ? undefined : BigInt(row.metadata_revision),
    };
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    return asAsync(() => this.streamPages(streamId, options));
  }

  private *streamPages(streamId: string, options: ReadStreamOptions): Generator<RecordedEvent> {
    const row = this.statements.stream.get(streamId);
    if (row?.state === STREAM_TOMBSTONED) throw new StreamDeleted(streamId);
    if (!row || row.last_revision < 0 || row.state === STREAM_SOFT_DELETED) throw new StreamNotFound(streamId);
    const metadata = row.metadata ? toMetadata(row.metadata) : undefined;
    let lowest = 0;
    if (metadata?.truncateBefore !== undefined) lowest = Math.max(lowest, Number(metadata.truncateBefore));
    if (metadata?.maxCount !== undefined) lowest = Math.max(lowest, row.last_revision - metadata.maxCount + 1);
    const createdSince = metadata?.maxAge !== undefined ? Date.now() - metadata.maxAge * 1000 : 0;
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const from = options.fromRevision;
    let cursor = backwards
      ? from === undefined || from === 'end'
        ? row.last_revision
        : from === 'start'
          ? 0
          : Number(from)
      : from === undefined || from === 'start'
        ? lowest
        : from === 'end'
          ? row.last_revision + 1
          : Math.max(lowest, Number(from));
    while (remaining > 0) {
      const limit = Math.min(PAGE, remaining);
      const rows = backwards
        ? this.statements.streamBackwards.all(streamId, cursor, lowest, createdSince, limit)
        : this.statements.streamForwards.all(streamId, cursor, createdSince, limit);
      for (const event of rows) yield toRecorded(event);
      remaining -= rows.length;
      if (rows.length < limit) return;
      cursor = backwards ? rows[rows.length - 1].revision - 1 : rows[rows.length - 1].revision + 1;
    }
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return asAsync(() => this.allPages(options));
  }

  private *allPages(options: ReadAllOptions): Generator<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const from = options.fromPosition;
    let cursor = backwards
      ? from === undefined || from === 'end'
        ? Number.MAX_SAFE_INTEGER
        : from === 'start'
          ? 0
          : Number(from)
      : from === undefined || from === 'start'
        ? 0
        : from === 'end'
          ? Number.MAX_SAFE_INTEGER
          : Number(from);
    while (remaining > 0) {
      const limit = Math.min(PAGE, remaining);
      const rows = backwards
        ? this.statements.allBackwards.all(cursor, limit)
        : this.statements.allForwards.all(cursor, limit);
      for (const event of rows) yield toRecorded(event);
      remaining -= rows.length;
      if (rows.length < limit) return;
      cursor = backwards ? rows[rows.length - 1].position - 1 : rows[rows.length - 1].position + 1;
    }
  }

  /** Reads one page of $all after a position: the subscription's fetch step. */
  private pageAfter(after: bigint, limit: number): RecordedEvent[] {
    return this.statements.allForwards.all(Number(after) + 1, limit).map(toRecorded);
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    return new PollingSubscription({
      from: options.from,
      filter: options.filter,
      fetch: async (after, limit) => this.pageAfter(after, limit),
      onNotify: (wake) => this.onCommitted(wake),
      pollIntervalMs: this.options.pollIntervalMs ?? 250,
    });
  }

  async headPosition(): Promise<bigint | undefined> {
    const head = this.statements.head.get()?.head;
    return head == null ? undefined : BigInt(head);
  }

  async ping(): Promise<void> {
    this.statements.ping.get();
    if (this.closed) throw new Error('event store is closed');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const worker = this.worker;
    if (worker) {
      worker.ref();
      await new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.once('exit', () => resolve());
        worker.postMessage('close');
      });
      await worker.terminate();
    }
    this.db.close();
  }

  private write(op: WriteOp): Promise<{ nextExpectedRevision: bigint; position: bigint | undefined }> {
    if (this.closed) return Promise.reject(new Error('event store is closed'));
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('event store was opened read-only'));
    const id = this.nextRequest++;
    return new Promise<WriteResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // A pending write keeps the process alive; an idle store does not.
      worker.ref();
      worker.postMessage({ id, op });
    }).then((result) => {
      if (result.ok) return result;
      const failure = result.error;
      switch (failure.name) {
        case 'WrongExpectedVersion':
          throw new WrongExpectedVersion(failure.streamId, failure.expected, failure.actual);
        case 'StreamDeleted':
          throw new StreamDeleted(failure.streamId);
        default:
          throw new Error(failure.message);
      }
    });
  }
}

function prepare(db: Database.Database) {
  const columns = 'position, stream_id, revision, event_id, type, data, metadata, created';
  return {
    stream: db.prepare<[string], StreamRow>('SELECT * FROM streams WHERE stream_id = ?'),
    streamForwards: db.prepare<[string, number, number, number], EventRow>(
      `SELECT ${columns} FROM events WHERE stream_id = ? AND revision >= ? AND created >= ? ORDER BY revision LIMIT ?`,
    ),
    streamBackwards: db.prepare<[string, number, number, number, number], EventRow>(
      `SELECT ${columns} FROM events WHERE stream_id = ? AND revision <= ? AND revision >= ? AND created >= ? ORDER BY revision DESC LIMIT ?`,
    ),
    allForwards: db.prepare<[number, number], EventRow>(
      `SELECT ${columns} FROM events WHERE position >= ? ORDER BY position LIMIT ?`,
    ),
    allBackwards: db.prepare<[number, number], EventRow>(
      `SELECT ${columns} FROM events WHERE position <= ? ORDER BY position DESC LIMIT ?`,
    ),
    head: db.prepare<[], { head: number | null }>('SELECT MAX(position) AS head FROM events'),
    ping: db.prepare('SELECT 1'),
  };
}

/**
 * Serves a synchronous page reader as an async iterable without an async generator's per-item
 * scheduling: reads here are synchronous, so each step is an already-settled promise.
 */
function asAsync<T>(open: () => Iterator<T>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      let source: Iterator<T> | undefined;
      return {
        next() {
          try {
            source ??= open();
            return Promise.resolve(source.next());
          } catch (error) {
            return Promise.reject(error);
          }
        },
        return(value?: T) {
          source?.return?.(value);
          return Promise.resolve({ done: true as const, value: value as T });
        },
      };
    },
  };
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    id: row.event_id,
    revision: BigInt(row.revision),
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    created: new Date(row.created),
    position: BigInt(row.position),
  };
}

function toMetadata(json: string): StreamMetadata {
  const raw = JSON.parse(json) as {
    maxAge?: number;
    maxCount?: number;
    truncateBefore?: string;
    custom?: StreamMetadata['custom'];
  };
  return {
    ...(raw.maxAge !== undefined ? { maxAge: raw.maxAge } : {}),
    ...(raw.maxCount !== undefined ? { maxCount: raw.maxCount } : {}),
    ...(raw.truncateBefore !== undefined ? { truncateBefore: BigInt(raw.truncateBefore) } : {}),
    ...(raw.custom !== undefined ? { custom: raw.custom } : {}),
  };
}

import { isUuid } from '@ruamjai/kernel';
import { EventEmitter } from 'node:events';
import { Client, Pool, type PoolConfig } from 'pg';
import { InvalidAppend, StreamDeleted, StreamNotFound, WrongExpectedVersion } from '../event-store.errors';
import type {
  AppendOptions,
  AppendResult,
  DeleteResult,
  EventStore,
  ExpectedState,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamMetadata,
  StreamMetadataResult,
  SubscribeToAllOptions,
  Subscription,
} from '../event-store.port';
import { PollingSubscription } from '../polling-subscription';
import { COMMIT_CHANNEL, createSchema, SCHEMA, STREAM_SOFT_DELETED, STREAM_TOMBSTONED } from './postgres-schema';
import { validateStreamId } from '../stream-ids';

const PAGE = 512;
const MAX_POSITION = '9223372036854775807';
const RECONNECT_MS = 1000;

export interface PostgresEventStoreOptions {
  /** postgres://… of the database that holds the `event_store` schema. */
  readonly connectionString: string;
  /** Connections for reads and writes (writers wait on one lock, so more mostly helps readers). */
  readonly maxConnections?: number;
  /**
   * How often a live subscription looks for new events when no notification came: commits wake
   * subscribers at once (in this process directly, from other processes through LISTEN/NOTIFY),
   * so the poll only covers a lost notification connection.
   */
  readonly pollIntervalMs?: number;
}

interface WriteRow {
  outcome: 'ok' | 'wrong_expected_version' | 'stream_deleted';
  next_revision: string | null;
  last_position: string | null;
  actual: string | null;
}

interface StreamRow {
  last_revision: string;
  state: number;
  metadata: StoredMetadata | null;
  metadata_revision: string | null;
}

interface EventRow {
  position: string;
  stream_id: string;
  revision: string;
  event_id: string;
  type: string;
  data: unknown;
  metadata: unknown;
  created: Date;
}

interface StoredMetadata {
  maxAge?: number;
  maxCount?: number;
  truncateBefore?: string;
  custom?: StreamMetadata['custom'];
}

const COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata, created';

/**
 * The event store on PostgreSQL, through `pg`: every write is one call of a function in the
 * `event_store` schema, serialised on one counter row so that positions are gap-free and in commit
 * order (see postgres-schema.ts). Open with `PostgresEventStore.open({ connectionString })`; the
 * schema is created on first use.
 */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly commits = new EventEmitter();
  private schema: Promise<void> | undefined;
  private listener: Client | undefined;
  private listening = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(private readonly options: PostgresEventStoreOptions) {
    const config: PoolConfig = { connectionString: options.connectionString, max: options.maxConnections ?? 10 };
    this.pool = new Pool(config);
    // An idle connection the server dropped: the pool replaces it; the next query reports real trouble.
    this.pool.on('error', () => undefined);
    this.commits.setMaxListeners(0);
  }

  /** A store whose schema is created lazily, by its first call (for wiring that cannot wait). */
  static connect(options: PostgresEventStoreOptions): PostgresEventStore {
    return new PostgresEventStore(options);
  }

  /** A store whose schema exists: connects and creates it (idempotently) before returning. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    try {
      await store.ready();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  private ready(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('event store is closed'));
    this.schema ??= createSchema(this.pool).catch((error: unknown) => {
      // Try again at the next call: the server may have been down for a moment only.
      this.schema = undefined;
      throw error;
    });
    return this.schema;
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    validateStreamId(streamId);
    const ids: string[] = [];
    const types: string[] = [];
    const data: string[] = [];
    const metadata: string[] = [];
    for (const event of events) {
      if (!isUuid(event.id)) throw new InvalidAppend(`event id ${event.id} is not a UUID`);
      if (!event.type) throw new InvalidAppend('event type is empty');
      ids.push(event.id);
      types.push(event.type);
      data.push(JSON.stringify(event.data ?? null));
      metadata.push(JSON.stringify(event.metadata ?? {}));
    }
    const row = await this.write(streamId, options.expected, `SELECT * FROM ${SCHEMA}.append($1, $2, $3, $4, $5, $6)`, [
      streamId,
      expectedText(options.expected),
      ids,
      types,
      data,
      metadata,
    ]);
    if (events.length > 0) this.commits.emit('commit');
    return { nextExpectedRevision: BigInt(row.next_revision!), position: toBigint(row.last_position) ?? 0n };
  }

  async deleteStream(streamId: string, options: AppendOptions): Promise<DeleteResult> {
    return this.remove(streamId, options, false);
  }

  async tombstoneStream(streamId: string, options: AppendOptions): Promise<DeleteResult> {
    return this.remove(streamId, options, true);
  }

  private async remove(streamId: string, options: AppendOptions, tombstone: boolean): Promise<DeleteResult> {
    validateStreamId(streamId);
    const row = await this.write(streamId, options.expected, `SELECT * FROM ${SCHEMA}.delete_stream($1, $2, $3)`, [
      streamId,
      expectedText(options.expected),
      tombstone,
    ]);
    return { position: toBigint(row.last_position) };
  }

  async setStreamMetadata(
    streamId: string,
    metadata: StreamMetadata,
    options: AppendOptions = { expected: 'any' },
  ): Promise<AppendResult> {
    validateStreamId(streamId);
    const stored: StoredMetadata = {
      ...(metadata.maxAge !== undefined ? { maxAge: metadata.maxAge } : {}),
      ...(metadata.maxCount !== undefined ? { maxCount: metadata.maxCount } : {}),
      ...(metadata.truncateBefore !== undefined ? { truncateBefore: String(metadata.truncateBefore) } : {}),
      ...(metadata.custom !== undefined ? { custom: metadata.custom } : {}),
    };
    const row = await this.write(
      `$$${streamId}`,
      options.expected,
      `SELECT * FROM ${SCHEMA}.set_metadata($1, $2, $3)`,
      [streamId, JSON.stringify(stored), expectedText(options.expected)],
    );
    return { nextExpectedRevision: BigInt(row.next_revision!), position: toBigint(row.last_position) ?? 0n };
  }

  /** Runs one write function; its refusals become the port's errors (`reported` names the stream). */
  private async write(reported: string, expected: ExpectedState, sql: string, values: unknown[]): Promise<WriteRow> {
    await this.ready();
    const { rows } = await this.pool.query<WriteRow>(sql, values);
    const row = rows[0];
    switch (row.outcome) {
      case 'ok':
        return row;
      case 'stream_deleted':
        throw new StreamDeleted(reported.replace(/^\$\$/, ''));
      case 'wrong_expected_version': {
        const actual = BigInt(row.actual!);
        throw new WrongExpectedVersion(reported, expected, actual < 0n ? 'no_stream' : actual);
      }
      default: {
        const _: never = row.outcome;
        throw new Error(`unknown outcome ${String(_)}`);
      }
    }
  }

  async getStreamMetadata(streamId: string): Promise<StreamMetadataResult> {
    const row = await this.stream(streamId);
    if (row?.state === STREAM_TOMBSTONED) throw new StreamDeleted(streamId);
    return {
      streamId,
      metadata: row?.metadata ? toMetadata(row.metadata) : undefined,
      metadataRevision: toBigint(row?.metadata_revision ?? null),
    };
  }

  private async stream(streamId: string): Promise<StreamRow | undefined> {
    await this.ready();
    const { rows } = await this.pool.query<StreamRow>(
      `SELECT last_revision, state, metadata, metadata_revision FROM ${SCHEMA}.streams WHERE stream_id = $1`,
      [streamId],
    );
    return rows[0];
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    return { [Symbol.asyncIterator]: () => this.streamPages(streamId, options) };
  }

  private async *streamPages(streamId: string, options: ReadStreamOptions): AsyncGenerator<RecordedEvent> {
    const row = await this.stream(streamId);
    if (row?.state === STREAM_TOMBSTONED) throw new StreamDeleted(streamId);
    const last = row ? BigInt(row.last_revision) : -1n;
    if (!row || last < 0n || row.state === STREAM_SOFT_DELETED) throw new StreamNotFound(streamId);
    const metadata = row.metadata ? toMetadata(row.metadata) : undefined;
    let lowest = 0n;
    if (metadata?.truncateBefore !== undefined && metadata.truncateBefore > lowest) lowest = metadata.truncateBefore;
    if (metadata?.maxCount !== undefined) {
      const kept = last - BigInt(metadata.maxCount) + 1n;
      if (kept > lowest) lowest = kept;
    }
    // maxAge is measured on the server's clock, the one that stamped `created`.
    const maxAge = metadata?.maxAge ?? null;
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const from = options.fromRevision;
    let cursor: bigint = backwards
      ? from === undefined || from === 'end'
        ? last
        : from === 'start'
          ? 0n
          : from
      : from === undefined || from === 'start'
        ? lowest
        : from === 'end'
          ? last + 1n
          : from > lowest
            ? from
            : lowest;
    while (remaining > 0) {
      const limit = Math.min(PAGE, remaining);
      const { rows } = backwards
        ? await this.pool.query<EventRow>(
            `SELECT ${COLUMNS} FROM ${SCHEMA}.events
             WHERE stream_id = $1 AND revision <= $2 AND revision >= $3 AND ($4::float8 IS NULL OR created >= now() - make_interval(secs => $4::float8))
             ORDER BY revision DESC LIMIT $5`,
            [streamId, cursor.toString(), lowest.toString(), maxAge, limit],
          )
        : await this.pool.query<EventRow>(
            `SELECT ${COLUMNS} FROM ${SCHEMA}.events
             WHERE stream_id = $1 AND revision >= $2 AND ($3::float8 IS NULL OR created >= now() - make_interval(secs => $3::float8))
             ORDER BY revision LIMIT $4`,
            [streamId, cursor.toString(), maxAge, limit],
          );
      for (const event of rows) yield toRecorded(event);
      remaining -= rows.length;
      if (rows.length < limit) return;
      const edge = BigInt(rows[rows.length - 1].revision);
      cursor = backwards ? edge - 1n : edge + 1n;
    }
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return { [Symbol.asyncIterator]: () => this.allPages(options) };
  }

  private async *allPages(options: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const from = options.fromPosition;
    let cursor: string = backwards
      ? from === undefined || from === 'end'
        ? MAX_POSITION
        : from === 'start'
          ? '0'
          : from.toString()
      : from === undefined || from === 'start'
        ? '0'
        : from === 'end'
          ? MAX_POSITION
          : from.toString();
    if (!backwards && from === 'end') return;
    await this.ready();
    while (remaining > 0) {
      const limit = Math.min(PAGE, remaining);
      const { rows } = await this.pool.query<EventRow>(
        backwards
          ? `SELECT ${COLUMNS} FROM ${SCHEMA}.events WHERE position <= $1 ORDER BY position DESC LIMIT $2`
          : `SELECT ${COLUMNS} FROM ${SCHEMA}.events WHERE position >= $1 ORDER BY position LIMIT $2`,
        [cursor, limit],
      );
      for (const event of rows) yield toRecorded(event);
      remaining -= rows.length;
      if (rows.length < limit) return;
      const edge = BigInt(rows[rows.length - 1].position);
      cursor = (backwards ? edge - 1n : edge + 1n).toString();
    }
  }

  /** One page of $all after a position: the subscription's fetch step. */
  private async pageAfter(after: bigint, limit: number): Promise<RecordedEvent[]> {
    await this.ready();
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${SCHEMA}.events WHERE position > $1 ORDER BY position LIMIT $2`,
      [after.toString(), limit],
    );
    return rows.map(toRecorded);
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    return new PollingSubscription({
      from: options.from,
      filter: options.filter,
      fetch: (after, limit) => this.pageAfter(after, limit),
      onNotify: (wake) => this.onCommitted(wake),
      pollIntervalMs: this.options.pollIntervalMs ?? 1000,
    });
  }

  /** Calls back after every commit of new events, by this process or (through NOTIFY) any other. */
  onCommitted(listener: () => void): () => void {
    this.listen();
    this.commits.on('commit', listener);
    return () => this.commits.off('commit', listener);
  }

  /** One connection LISTENs for commits of other processes; it reconnects when it is lost. */
  private listen(): void {
    if (this.listening || this.closed) return;
    this.listening = true;
    const client = new Client({ connectionString: this.options.connectionString });
    this.listener = client;
    const lost = () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.listening = false;
      void client.end().catch(() => undefined);
      if (this.closed) return;
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = undefined;
        if (this.commits.listenerCount('commit') > 0) this.listen();
      }, RECONNECT_MS);
      this.reconnectTimer.unref();
    };
    client.on('notification', () => this.commits.emit('commit'));
    client.on('error', lost);
    client.on('end', lost);
    client
      .connect()
      .then(() => client.query(`LISTEN ${COMMIT_CHANNEL}`))
      // Commits made while no one listened: let the subscribers look.
      .then(() => this.commits.emit('commit'))
      .catch(lost);
  }

  async headPosition(): Promise<bigint | undefined> {
    await this.ready();
    const { rows } = await this.pool.query<{ position: string }>(`SELECT position FROM ${SCHEMA}.head`);
    const head = BigInt(rows[0].position);
    return head === 0n ? undefined : head;
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('event store is closed');
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.pool.end();
  }
}

function expectedText(expected: ExpectedState): string {
  return typeof expected === 'bigint' ? expected.toString() : expected;
}

function toBigint(value: string | null): bigint | undefined {
  return value === null ? undefined : BigInt(value);
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    id: row.event_id,
    revision: BigInt(row.revision),
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    created: row.created,
    position: BigInt(row.position),
  };
}

function toMetadata(raw: StoredMetadata): StreamMetadata {
  return {
    ...(raw.maxAge !== undefined ? { maxAge: raw.maxAge } : {}),
    ...(raw.maxCount !== undefined ? { maxCount: raw.maxCount } : {}),
    ...(raw.truncateBefore !== undefined ? { truncateBefore: BigInt(raw.truncateBefore) } : {}),
    ...(raw.custom !== undefined ? { custom: raw.custom } : {}),
  };
}

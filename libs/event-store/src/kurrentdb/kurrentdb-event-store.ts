import {
  BACKWARDS,
  END,
  FORWARDS,
  jsonEvent,
  KurrentDBClient,
  metastreamOf,
  START,
  StreamNotFoundError,
  streamNameFilter,
  WrongExpectedVersionError,
  type AppendResult as ClientAppendResult,
  type DeleteResult as ClientDeleteResult,
  type ResolvedEvent,
  type StreamState,
} from '@kurrent/kurrentdb-client';
import { StreamDeleted, WrongExpectedVersion } from '../event-store.errors';
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
import {
  fromRawMetadata,
  isDeletedError,
  toActualState,
  toEventData,
  toRawMetadata,
  toReadPosition,
  toRecorded,
  translateError,
  validateStreamId,
} from './kurrentdb-mapping';
import { KurrentDbSubscription } from './kurrentdb-subscription';

// $all also holds the server's own streams ($$metadata, $stats-…, $users, projection links). The
// embedded store has none of them, so reads of $all and the head skip streams whose name starts with `$`.
const USER_STREAMS = streamNameFilter({ regex: '^[^$]' });

// stream_exists on delete/tombstone is emulated by pinning the last revision; a concurrent append
// moves it, so try again a few times before reporting the conflict.
const PIN_ATTEMPTS = 3;

/**
 * The production event store: KurrentDB through its official gRPC client (`@kurrent/kurrentdb-client`),
 * opened with `KurrentDbEventStore.connect('kurrentdb://…')`.
 * Same contract as the embedded store (shared/EVENT-STORE-SEMANTICS.md), with KurrentDB's own limits:
 * idempotent retries with `any` are deduplicated only while the server remembers the ids, and reads of
 * $all leave out the server's system streams.
 */
export class KurrentDbEventStore implements EventStore {
  private closed = false;
  private readonly subscriptions = new Set<KurrentDbSubscription>();

  private constructor(private readonly client: KurrentDBClient) {}

  static connect(connectionString: string): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString));
  }

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.ensureOpen();
    validateStreamId(streamId);
    const data = events.map(toEventData);
    let result: ClientAppendResult;
    try {
      result = await this.client.appendToStream(streamId, data, { streamState: options.expected });
    } catch (error) {
      throw translateError(error, streamId, options.expected);
    }
    return this.toAppendResult(streamId, options.expected, result, events.length === 0);
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    return { [Symbol.asyncIterator]: () => this.streamEvents(streamId, options) };
  }

  private async *streamEvents(streamId: string, options: ReadStreamOptions): AsyncGenerator<RecordedEvent> {
    this.ensureOpen();
    const backwards = options.direction === 'backwards';
    const wanted = toCount(options.maxCount);
    let yielded = 0;
    try {
      const source = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision ?? (backwards ? END : START),
        // Read at least one even for maxCount 0, so a missing or deleted stream still says so.
        maxCount: BigInt(Math.max(1, wanted)),
      });
      // The client reports a missing or tombstoned stream while iterating, not when the read starts.
      for await (const resolved of source) {
        if (yielded >= wanted) break;
        const event = toRecorded(resolved);
        if (!event) continue;
        yielded += 1;
        yield event;
      }
    } catch (error) {
      throw translateError(error, streamId);
    }
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    return { [Symbol.asyncIterator]: () => this.allEvents(options) };
  }

  private async *allEvents(options: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    this.ensureOpen();
    const backwards = options.direction === 'backwards';
    let remaining = toCount(options.maxCount);
    if (remaining === 0) return;
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    if (!backwards || typeof from !== 'bigint') {
      for await (const resolved of this.client.readAll({
        direction: backwards ? BACKWARDS : FORWARDS,
        fromPosition: toReadPosition(from),
        maxCount: BigInt(remaining),
        filter: USER_STREAMS,
      })) {
        const event = toRecorded(resolved);
        if (event) yield event;
      }
      return;
    }
    // Our start position is inclusive; the server reads $all backwards from *before* a position. Fetch
    // the event at the position itself first, then the ones before it, skipping it should the server
    // include it after all.
    for await (const resolved of this.client.readAll({
      direction: FORWARDS,
      fromPosition: toReadPosition(from),
      maxCount: 1n,
      filter: USER_STREAMS,
    })) {
      const event = toRecorded(resolved);
      if (event?.position === from) {
        remaining -= 1;
        yield event;
      }
    }
    if (remaining === 0) return;
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: toReadPosition(from),
      maxCount: BigInt(remaining + 1),
      filter: USER_STREAMS,
    })) {
      const event = toRecorded(resolved);
      if (!event || event.position >= from) continue;
      yield event;
      remaining -= 1;
      if (remaining === 0) return;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    this.ensureOpen();
    const subscription: KurrentDbSubscription = new KurrentDbSubscription(
      (fromPosition, filter) => this.client.subscribeToAll({ fromPosition, filter }),
      options,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async deleteStream(streamId: string, options: AppendOptions): Promise<DeleteResult> {
    this.ensureOpen();
    validateStreamId(streamId);
    const result = await this.withDeleteState(streamId, options.expected, (expectedRevision) =>
      this.client.deleteStream(streamId, { expectedRevision }),
    );
    return { position: result.position?.commit };
  }

  async tombstoneStream(streamId: string, options: AppendOptions): Promise<DeleteResult> {
    this.ensureOpen();
    validateStreamId(streamId);
    const result = await this.withDeleteState(streamId, options.expected, (expectedRevision) =>
      this.client.tombstoneStream(streamId, { expectedRevision }),
    );
    return { position: result.position?.commit };
  }

  // The client's setStreamMetadata passes its expected revision to appendToStream under a key that
  // appendToStream ignores (it always writes with ANY), so the `$metadata` event is appended here.
  async setStreamMetadata(
    streamId: string,
    metadata: StreamMetadata,
    options: AppendOptions = { expected: 'any' },
  ): Promise<AppendResult> {
    this.ensureOpen();
    validateStreamId(streamId);
    const metastream = metastreamOf(streamId);
    const event = jsonEvent({ type: '$metadata', data: toRawMetadata(metadata) });
    let result: ClientAppendResult;
    try {
      result = await this.client.appendToStream(metastream, event, { streamState: options.expected });
    } catch (error) {
      // The expected state was the metastream's, so a conflict names it; a deletion is the stream's own.
      if (isDeletedError(error)) throw new StreamDeleted(streamId);
      throw translateError(error, metastream, options.expected);
    }
    return this.toAppendResult(metastream, options.expected, result, false);
  }

  // The client's getStreamMetadata reports the event's commit position as the metastream revision, so
  // the metastream is read here.
  async getStreamMetadata(streamId: string): Promise<StreamMetadataResult> {
    this.ensureOpen();
    let latest: ResolvedEvent | undefined;
    try {
      for await (const resolved of this.client.readStream(metastreamOf(streamId), {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1n,
      })) {
        latest = resolved;
      }
    } catch (error) {
      if (isDeletedError(error)) throw new StreamDeleted(streamId);
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    const event = latest && toRecorded(latest);
    if (!event) {
      await this.assertNotTombstoned(streamId);
      return { streamId, metadata: undefined, metadataRevision: undefined };
    }
    return { streamId, metadata: fromRawMetadata(event.data), metadataRevision: event.revision };
  }

  async headPosition(): Promise<bigint | undefined> {
    this.ensureOpen();
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1n,
      filter: USER_STREAMS,
    })) {
      const event = toRecorded(resolved);
      if (event) return event.position;
    }
    return undefined;
  }

  async ping(): Promise<void> {
    this.ensureOpen();
    for await (const _ of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1n })) {
      // Reaching the server is the point; the event itself does not matter.
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Parked subscription consumers would otherwise wait forever on streams that dispose cancels silently.
    await Promise.allSettled([...this.subscriptions].map((subscription) => subscription.unsubscribe()));
    await this.client.dispose();
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error('event store is closed');
  }

  private async toAppendResult(
    streamId: string,
    expected: ExpectedState,
    result: ClientAppendResult,
    empty: boolean,
  ): Promise<AppendResult> {
    // Only when the connection string sets throwOnAppendFailure=false; the conflict is still ours to raise.
    if (!result.success) throw new WrongExpectedVersion(streamId, expected, toActualState(result.nextExpectedRevision));
    const commit = result.position?.commit;
    if (commit !== undefined && commit >= 0n && !empty)
      return { nextExpectedRevision: result.nextExpectedRevision, position: commit };
    // An empty append wrote nothing: like the embedded store, answer with the head.
    if (empty)
      return { nextExpectedRevision: result.nextExpectedRevision, position: (await this.headPosition()) ?? 0n };
    // The server may leave out the position when it answers an idempotent retry.
    return {
      nextExpectedRevision: result.nextExpectedRevision,
      position: await this.positionOfRevision(streamId, result.nextExpectedRevision),
    };
  }

  private async positionOfRevision(streamId: string, revision: bigint): Promise<bigint> {
    try {
      for await (const resolved of this.client.readStream(streamId, { fromRevision: revision, maxCount: 1n })) {
        const event = toRecorded(resolved);
        if (event?.revision === revision) return event.position;
      }
    } catch {
      // The append itself succeeded; fall back below rather than fail it.
    }
    // No longer readable in its stream (truncated or expired): the head is an upper bound of its position.
    return (await this.headPosition()) ?? 0n;
  }

  // The client's delete and tombstone take any, no_stream or a revision, not stream_exists: for that,
  // read the last revision and expect exactly it.
  private async withDeleteState(
    streamId: string,
    expected: ExpectedState,
    run: (expectedRevision: StreamState) => Promise<ClientDeleteResult>,
  ): Promise<ClientDeleteResult> {
    for (let attempt = 1; ; attempt += 1) {
      const state = expected === 'stream_exists' ? await this.pinLastRevision(streamId) : expected;
      try {
        return await run(state);
      } catch (error) {
        if (expected === 'stream_exists' && error instanceof WrongExpectedVersionError && attempt < PIN_ATTEMPTS)
          continue;
        throw translateError(error, streamId, expected);
      }
    }
  }

  private async pinLastRevision(streamId: string): Promise<StreamState> {
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1n,
      })) {
        if (resolved.event) return resolved.event.revision;
      }
      // The stream exists but its events have expired (maxAge): existence is all stream_exists asks.
      return 'any';
    } catch (error) {
      // Missing and soft-deleted streams both read as not found; the server would report a soft-deleted
      // stream's last revision, which a read cannot see.
      if (error instanceof StreamNotFoundError) throw new WrongExpectedVersion(streamId, 'stream_exists', 'no_stream');
      throw translateError(error, streamId, 'stream_exists');
    }
  }

  private async assertNotTombstoned(streamId: string): Promise<void> {
    try {
      for await (const _ of this.client.readStream(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1n }))
        break;
    } catch (error) {
      if (isDeletedError(error)) throw new StreamDeleted(streamId);
    }
  }
}

function toCount(maxCount: number | undefined): number {
  if (maxCount === undefined) return Number.MAX_SAFE_INTEGER;
  return Math.max(0, Math.floor(maxCount));
}

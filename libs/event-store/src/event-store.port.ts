/**
 * The event store port. Its semantics are KurrentDB's (see shared/EVENT-STORE-SEMANTICS.md); every
 * adapter passes the same contract suite.
 */

/** What an append expects of the stream: any state, none, some, or exactly this last revision. */
export type ExpectedState = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** The actual state a WrongExpectedVersion reports: the last revision, or no stream. */
export type ActualState = bigint | 'no_stream';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface NewEvent {
  /** UUID; appending the same ids again is an idempotent retry. */
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: unknown;
}

export interface RecordedEvent<Data = unknown, Metadata = unknown> {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: Data;
  readonly metadata: Metadata;
  readonly created: Date;
  /** Global position in $all: increases in commit order, not necessarily dense. */
  readonly position: bigint;
}

export interface AppendResult {
  /** The revision to expect on the next append: the revision of the last event written. */
  readonly nextExpectedRevision: bigint;
  /** The global position of the last event written. */
  readonly position: bigint;
}

export interface AppendOptions {
  readonly expected: ExpectedState;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  readonly direction?: Direction;
  /** Inclusive revision to start from; default: start (forwards) or end (backwards). */
  readonly fromRevision?: bigint | 'start' | 'end';
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  readonly direction?: Direction;
  /** Inclusive position to start from; default: start (forwards) or end (backwards). */
  readonly fromPosition?: bigint | 'start' | 'end';
  readonly maxCount?: number;
}

export interface SubscriptionFilter {
  readonly eventTypePrefixes?: readonly string[];
  readonly eventTypeRegex?: string;
  readonly streamPrefixes?: readonly string[];
  readonly streamRegex?: string;
  /** Leave out system events (types starting with `$`). Default: true. */
  readonly excludeSystemEvents?: boolean;
}

export interface SubscribeToAllOptions {
  /** Deliver events after this position (exclusive), or from the very start. */
  readonly from: 'start' | { readonly after: bigint };
  readonly filter?: SubscriptionFilter;
}

export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  | { readonly kind: 'caughtUp'; readonly position: bigint | undefined };

/** A catch-up subscription: every past event in order, a caught-up signal, then live events. */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  unsubscribe(): Promise<void>;
}

export interface StreamMetadata {
  /** Seconds an event stays readable in its stream. */
  readonly maxAge?: number;
  /** How many of the newest events stay readable in the stream. */
  readonly maxCount?: number;
  /** Revisions below this one are not readable in the stream. */
  readonly truncateBefore?: bigint;
  /** Custom keys, kept as given. */
  readonly custom?: Record<string, JsonValue>;
}

export interface StreamMetadataResult {
  readonly streamId: string;
  readonly metadata: StreamMetadata | undefined;
  /** Revision of the metadata stream, when metadata has been written. */
  readonly metadataRevision: bigint | undefined;
}

export interface DeleteResult {
  readonly position: bigint | undefined;
}

export interface EventStore {
  append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options: SubscribeToAllOptions): Subscription;
  /** Soft delete: the stream reads as not found; a later append continues after its last revision. */
  deleteStream(streamId: string, options: AppendOptions): Promise<DeleteResult>;
  /** Hard delete: the stream can never be read or written again. */
  tombstoneStream(streamId: string, options: AppendOptions): Promise<DeleteResult>;
  setStreamMetadata(streamId: string, metadata: StreamMetadata, options?: AppendOptions): Promise<AppendResult>;
  getStreamMetadata(streamId: string): Promise<StreamMetadataResult>;
  /** The position of the newest event in $all, or undefined when the store is empty. */
  headPosition(): Promise<bigint | undefined>;
  /** Liveness of the store, for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');

/** Collects an async iterable of events into an array. */
export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

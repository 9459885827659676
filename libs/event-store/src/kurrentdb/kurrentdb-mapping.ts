import {
  eventTypeFilter,
  excludeSystemEvents,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  StreamTombstonedError,
  streamNameFilter,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type CurrentStreamState,
  type Filter,
  type JSONEventData,
  type JSONType,
  type ReadPosition,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { isUuid } from '@ruamjai/kernel';
import { InvalidAppend, StreamDeleted, StreamNotFound, WrongExpectedVersion } from '../event-store.errors';
import type {
  ActualState,
  ExpectedState,
  JsonValue,
  NewEvent,
  RecordedEvent,
  StreamMetadata,
  SubscriptionFilter,
} from '../event-store.port';

// KurrentDB's event numbers are signed 64-bit: soft delete writes `$tb` = long.MaxValue.
const MAX_EVENT_NUMBER = 2n ** 63n - 1n;

export function validateStreamId(streamId: string): void {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new InvalidAppend('stream id is empty');
  if (streamId.startsWith('$$')) throw new InvalidAppend('metadata streams are written through setStreamMetadata');
}

export function toEventData(event: NewEvent): JSONEventData {
  if (!isUuid(event.id)) throw new InvalidAppend(`event id ${event.id} is not a UUID`);
  if (!event.type) throw new InvalidAppend('event type is empty');
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    // The client serialises with JSON.stringify, so any JSON value works, but its JSONType only names
    // objects, arrays and strings; null stands in for undefined data, as in the embedded store.
    data: (event.data ?? null) as JSONType,
    // An empty object rather than nothing, so metadata reads back as {} like the embedded store's.
    metadata: (event.metadata ?? {}) as JSONType,
  };
}

export function toReadPosition(position: bigint | 'start' | 'end'): ReadPosition {
  // Events appended over gRPC have equal commit and prepare positions; ours is that one number.
  return typeof position === 'bigint' ? { commit: position, prepare: position } : position;
}

export function subscriptionStart(from: 'start' | { readonly after: bigint }): ReadPosition {
  return from === 'start' ? START : toReadPosition(from.after);
}

export function toRecorded(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event) return undefined;
  const position = event.position?.commit ?? resolved.commitPosition;
  if (position === undefined)
    throw new Error(`KurrentDB gave no position for event ${event.id}; a server from 22.6 on is required`);
  return {
    streamId: event.streamId,
    id: event.id,
    revision: event.revision,
    type: event.type,
    data: event.isJson ? event.data : parseBytes(event.data),
    metadata:
      event.metadata === undefined
        ? {}
        : event.metadata instanceof Uint8Array
          ? parseBytes(event.metadata)
          : event.metadata,
    created: event.created,
    position,
  };
}

// Events written by other clients may carry JSON without the JSON content type; bytes that are not JSON stay bytes.
function parseBytes(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return null;
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return bytes;
  }
}

export function toActualState(state: CurrentStreamState): ActualState {
  // Errors decoded from gRPC trailers report a missing stream as -1 rather than 'no_stream'.
  return typeof state === 'bigint' && state >= 0n ? state : 'no_stream';
}

export function isDeletedError(error: unknown): boolean {
  return error instanceof StreamDeletedError || error instanceof StreamTombstonedError;
}

// The stream id is ours: the client sometimes knows only the metastream's name, or none.
export function translateError(error: unknown, streamId: string, expected?: ExpectedState): unknown {
  if (error instanceof WrongExpectedVersionError) {
    return new WrongExpectedVersion(streamId, expected ?? error.expectedState, toActualState(error.actualState));
  }
  if (isDeletedError(error)) return new StreamDeleted(streamId);
  if (error instanceof StreamNotFoundError) return new StreamNotFound(streamId);
  return error;
}

// The client takes one server-side filter, on stream name or on event type. Send the one most likely to
// narrow the scan; `matchesFilter` re-checks every condition client-side, which also covers the
// difference between the server's .NET regex dialect and JavaScript's.
export function toServerFilter(filter: SubscriptionFilter | undefined): Filter | undefined {
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  if (filter?.streamRegex) return streamNameFilter({ regex: filter.streamRegex });
  if (filter?.eventTypePrefixes?.length) return eventTypeFilter({ prefixes: [...filter.eventTypePrefixes] });
  if (filter?.eventTypeRegex) return eventTypeFilter({ regex: filter.eventTypeRegex });
  if (filter?.excludeSystemEvents ?? true) return excludeSystemEvents();
  return undefined;
}

// KurrentDB reads system keys `$`-prefixed and custom keys beside them, at the top level of the event body.
export function toRawMetadata(metadata: StreamMetadata): Record<string, JsonValue> {
  const raw: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(metadata.custom ?? {})) {
    if (key.startsWith('$')) throw new InvalidAppend(`custom metadata key ${key} is reserved by KurrentDB`);
    raw[key] = value;
  }
  if (metadata.maxAge !== undefined) raw.$maxAge = wholeNumber('maxAge', metadata.maxAge);
  if (metadata.maxCount !== undefined) raw.$maxCount = wholeNumber('maxCount', metadata.maxCount);
  if (metadata.truncateBefore !== undefined) {
    // JSON.stringify cannot write a bigint, and a number above 2^53 would be sent rounded.
    if (metadata.truncateBefore < 0n || metadata.truncateBefore > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new InvalidAppend(`truncateBefore ${metadata.truncateBefore} is outside 0..2^53-1`);
    }
    raw.$tb = Number(metadata.truncateBefore);
  }
  return raw;
}

function wholeNumber(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new InvalidAppend(`${name} must be a non-negative integer`);
  return value;
}

export function fromRawMetadata(raw: unknown): StreamMetadata {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const entries = Object.entries(raw as Record<string, unknown>);
  // Parsed JSON, so every value is a JSON value.
  const custom = Object.fromEntries(entries.filter(([key]) => !key.startsWith('$'))) as Record<string, JsonValue>;
  const system = new Map(entries.filter(([key]) => key.startsWith('$')));
  const maxAge = system.get('$maxAge');
  const maxCount = system.get('$maxCount');
  const truncateBefore = system.get('$tb');
  return {
    ...(typeof maxAge === 'number' ? { maxAge } : {}),
    ...(typeof maxCount === 'number' ? { maxCount } : {}),
    // long.MaxValue (a soft delete) arrives rounded up past 2^63 - 1 by JSON.parse: clamp it back.
    ...(typeof truncateBefore === 'number' && Number.isInteger(truncateBefore)
      ? { truncateBefore: BigInt(truncateBefore) > MAX_EVENT_NUMBER ? MAX_EVENT_NUMBER : BigInt(truncateBefore) }
      : {}),
    ...(Object.keys(custom).length > 0 ? { custom } : {}),
  };
}

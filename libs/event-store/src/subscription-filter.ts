import type { RecordedEvent, SubscriptionFilter } from './event-store.port';

/** Whether an event passes a subscription's filter, as KurrentDB's server-side filters decide. */
export function matchesFilter(event: RecordedEvent, filter: SubscriptionFilter | undefined): boolean {
  if ((filter?.excludeSystemEvents ?? true) && event.type.startsWith('$')) return false;
  if (!filter) return true;
  if (filter.eventTypePrefixes?.length && !filter.eventTypePrefixes.some((p) => event.type.startsWith(p))) return false;
  if (filter.eventTypeRegex && !new RegExp(filter.eventTypeRegex).test(event.type)) return false;
  if (filter.streamPrefixes?.length && !filter.streamPrefixes.some((p) => event.streamId.startsWith(p))) return false;
  if (filter.streamRegex && !new RegExp(filter.streamRegex).test(event.streamId)) return false;
  return true;
}

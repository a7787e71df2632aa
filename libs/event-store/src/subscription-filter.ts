import type { RecordedEvent } from './events';
import type { SubscriptionFilter } from './event-store.port';

export function matchesFilter(event: RecordedEvent, filter: SubscriptionFilter | undefined): boolean {
  return matchesFilterOn(filter, event.streamName, event.type);
}

/**
 * The filter's test on an event's stream name and type, for an adapter that has them before it has the event. A
 * filter of no prefixes keeps every event, as EventStoreDB's server does (it has no filter then).
 */
export function matchesFilterOn(filter: SubscriptionFilter | undefined, streamName: string, type: string): boolean {
  if (!filter || filter.prefixes.length === 0) return true;
  const value = filter.on === 'stream-name' ? streamName : type;
  return filter.prefixes.some((prefix) => value.startsWith(prefix));
}

import type { RecordedEvent } from './events';
import type { SubscriptionFilter } from './event-store.port';

export function matchesFilter(event: RecordedEvent, filter: SubscriptionFilter | undefined): boolean {
  if (!filter) return true;
  const value = filter.on === 'stream-name' ? event.streamName : event.type;
  return filter.prefixes.some((prefix) => value.startsWith(prefix));
}

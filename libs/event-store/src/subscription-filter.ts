import type { RecordedEvent } from './events';
import type { SubscriptionFilter } from './event-store.port';
import { hasLoneSurrogate } from './lone-surrogate';

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

/**
 * The check every adapter makes of a subscription's filter: a prefix with a lone surrogate matched names by
 * `startsWith` in memory and nothing in SQL or on EventStoreDB's server (which compare UTF-8, where it has no
 * form), so the embedded store's followers would have disagreed with themselves depending on where they read.
 */
export function assertValidSubscriptionFilter(filter: SubscriptionFilter | undefined): void {
  if (filter === undefined) return;
  for (const prefix of filter.prefixes) {
    if (typeof prefix !== 'string' || hasLoneSurrogate(prefix)) {
      const given = typeof prefix === 'string' ? JSON.stringify(prefix) : `a ${typeof prefix}`;
      throw new RangeError(
        "A subscription's filter needs prefixes that are strings of well-formed Unicode (no lone surrogate), " +
          `got ${given}`,
      );
    }
  }
}

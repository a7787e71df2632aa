import type { EventStore, ReadAllOptions, SubscribeToAllOptions, SubscriptionMessage } from '../event-store.port';
import type { RecordedEvent } from '../events';
import { keepStreamPartition } from '../stream-partition';

/**
 * A store whose log is these messages, for consumers that only read or subscribe to $all (a projection runner, a
 * rebuild): events, stream-deleted notices, then `caught-up`; a subscription keeps its part of the log, if it asks
 * for one, and `readAll` reads the events from either end (positions are not checked). Any other call is not
 * there: a consumer that makes one fails loudly.
 */
export function scriptedStore(messages: readonly SubscriptionMessage[]): EventStore {
  async function* whole(): AsyncGenerator<SubscriptionMessage> {
    yield* messages;
    yield { kind: 'caught-up' };
  }
  const events = messages.flatMap((message) => (message.kind === 'event' ? [message.event] : []));
  return {
    subscribeToAll(options: SubscribeToAllOptions = {}) {
      return options.partition ? keepStreamPartition(whole(), options.partition) : whole();
    },
    async *readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
      const ordered = options.direction === 'backwards' ? [...events].reverse() : events;
      yield* ordered.slice(0, options.maxCount ?? ordered.length);
    },
  } as Partial<EventStore> as EventStore;
}

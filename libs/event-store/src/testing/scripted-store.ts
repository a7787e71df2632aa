import {
  END,
  type EventStore,
  type ReadAllOptions,
  type SubscribeToAllOptions,
  type SubscriptionMessage,
} from '../event-store.port';
import type { RecordedEvent } from '../events';
import { keepStreamPartition } from '../stream-partition';

/**
 * A store whose log is these messages, for consumers that only read or subscribe to $all (a projection runner, a
 * rebuild): events, stream-deleted notices, then `caught-up`; a subscription starts after its position and keeps
 * its part of the log, if it asks for one, and `readAll` reads the events from either end (positions unchecked). Any other call is not
 * there: a consumer that makes one fails loudly.
 */
export function scriptedStore(messages: readonly SubscriptionMessage[]): EventStore {
  const positionOf = (message: SubscriptionMessage): bigint =>
    message.kind === 'event' ? message.event.position : message.kind === 'stream-deleted' ? message.position : -1n;
  async function* after(from: SubscribeToAllOptions['fromPosition']): AsyncGenerator<SubscriptionMessage> {
    if (from !== END)
      yield* typeof from === 'bigint' ? messages.filter((message) => positionOf(message) > from) : messages;
    yield { kind: 'caught-up' };
  }
  const events = messages.flatMap((message) => (message.kind === 'event' ? [message.event] : []));
  return {
    subscribeToAll(options: SubscribeToAllOptions = {}) {
      const subscription = after(options.fromPosition);
      return options.partition ? keepStreamPartition(subscription, options.partition) : subscription;
    },
    async *readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
      const ordered = options.direction === 'backwards' ? [...events].reverse() : events;
      yield* ordered.slice(0, options.maxCount ?? ordered.length);
    },
  } as Partial<EventStore> as EventStore;
}

import type { EventStore, Subscription, SubscriptionMessage } from '../event-store.port';
import type { RecordedEvent } from '../events';

/**
 * `store`, except that each subscription to $all throws `error(event)` where it would deliver `event` (the first
 * for which `at` holds): a store that cannot read an event of its log (its bytes damaged), or is gone mid-read.
 */
export function subscriptionsFailingAt(
  store: EventStore,
  at: (event: RecordedEvent) => boolean,
  error: (event: RecordedEvent) => Error,
): EventStore {
  return {
    appendToStream: (...args) => store.appendToStream(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    subscribeToAll: (options) => failingAt(store.subscribeToAll(options), at, error),
    subscribeToStream: (...args) => store.subscribeToStream(...args),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}

async function* failingAt(
  subscription: Subscription,
  at: (event: RecordedEvent) => boolean,
  error: (event: RecordedEvent) => Error,
): AsyncGenerator<SubscriptionMessage> {
  for await (const message of subscription) {
    if (message.kind === 'event' && at(message.event)) throw error(message.event);
    yield message;
  }
}

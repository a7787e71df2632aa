import type { EventStore, Subscription, SubscriptionMessage } from '../event-store.port';

/**
 * `store`, except that each subscription to $all ends on its own after delivering `entries` events and deletions
 * (of its part, if it asks for one), or where it would have said it caught up, and never says so: a subscription cut
 * short by its store, for consumers that must not take such an end for the end of the log.
 */
export function subscriptionsEndingEarly(store: EventStore, entries: number): EventStore {
  return {
    appendToStream: (...args) => store.appendToStream(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    subscribeToAll: (options) => endingAfter(store.subscribeToAll(options), entries),
    subscribeToStream: (...args) => store.subscribeToStream(...args),
    ping: () => store.ping(),
    close: () => store.close(),
  };
}

async function* endingAfter(subscription: Subscription, entries: number): AsyncGenerator<SubscriptionMessage> {
  if (entries <= 0) return;
  let delivered = 0;
  for await (const message of subscription) {
    if (message.kind === 'caught-up') return;
    yield message;
    if (++delivered === entries) return;
  }
}

import type { EventStore, SubscriptionMessage } from '../event-store.port';

/**
 * A store whose log is these messages, for consumers that only subscribe to $all (a projection runner): events,
 * stream-deleted notices, then `caught-up`. Any other call is not there: a consumer that makes one fails loudly.
 */
export function scriptedStore(messages: readonly SubscriptionMessage[]): EventStore {
  return {
    async *subscribeToAll() {
      yield* messages;
      yield { kind: 'caught-up' };
    },
  } as Partial<EventStore> as EventStore;
}

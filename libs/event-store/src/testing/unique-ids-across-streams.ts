import { expect, it } from '@jest/globals';
import { IdempotencyConflictError, StreamNotFoundError, type EventStore } from '..';
import { collect, newEvents, uniqueStreamName } from './conformance-helpers';

/**
 * Stronger than the port promises: the embedded and in-memory stores index event ids across all streams, so
 * they also refuse an id reused in another stream. EventStoreDB checks only the target stream (it reads only
 * that one before appending), so this is not part of the conformance suite.
 */
export function uniqueIdsAcrossStreamsSpec(createStore: () => Promise<EventStore>): void {
  it('refuses stored event ids sent to another stream', async () => {
    const store = await createStore();
    try {
      const events = newEvents(1);
      await store.appendToStream(uniqueStreamName(), events);
      const other = uniqueStreamName();
      await expect(store.appendToStream(other, events)).rejects.toBeInstanceOf(IdempotencyConflictError);
      await expect(collect(store.readStream(other))).rejects.toBeInstanceOf(StreamNotFoundError);
    } finally {
      await store.close();
    }
  });
}

import { describe, expect, it } from '@jest/globals';
import { EventStoreDBClient } from '@eventstore/db-client';
import { StreamDeletedError } from '@timeline/event-store';
import { collect, newEvents, readUntil, uniqueStreamName } from '@timeline/event-store/testing';
import { EsdbEventStore } from '@timeline/event-store-esdb';

// `npm run test:esdb`, against a real EventStoreDB / KurrentDB (EVENTSTORE_CONNECTION_STRING): what the protocol
// double's `tombstone(stream)` models, checked on the server itself. Not part of `npm test`.
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

(connectionString ? describe : describe.skip)('a stream tombstoned on a real server', () => {
  it('is reported to a stream-name filtered subscription as a stream-deleted notice after its events', async () => {
    const store = new EsdbEventStore({ connectionString: connectionString! });
    // The operator's act, which this service never performs: with the vendor client, as an operator's tool would.
    const operator = EventStoreDBClient.connectionString(connectionString!);
    try {
      const stream = `${uniqueStreamName()}-deleted`;
      await store.appendToStream(stream, newEvents(2));
      await operator.tombstoneStream(stream);
      const seen: string[] = [];
      await readUntil(store.subscribeToAll({ filter: { on: 'stream-name', prefixes: [stream] } }), (message) => {
        if (message.kind !== 'caught-up') seen.push(message.kind);
        return message.kind === 'stream-deleted';
      });
      expect(seen).toEqual(['event', 'event', 'stream-deleted']);
      await expect(collect(store.readStream(stream))).rejects.toThrow(StreamDeletedError);
    } finally {
      await operator.dispose();
      await store.close();
    }
  });
});

import { describe, expect, it } from '@jest/globals';
import { describeEventStoreConformance } from '@timeline/event-store/testing';
import { EsdbEventStore } from '@timeline/event-store-esdb';

// `npm run test:esdb`: the conformance suite against a real EventStoreDB / KurrentDB, e.g. `docker compose up
// eventstore` and EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false'. Not part of `npm test`.
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  describeEventStoreConformance(`EventStoreDB at ${connectionString}`, async () => {
    const store = new EsdbEventStore({ connectionString });
    return { store, teardown: () => store.close() };
  });
} else {
  describe('EventStoreDB conformance against a real server', () => {
    it('needs EVENTSTORE_CONNECTION_STRING', () => {
      expect(connectionString).toBeDefined();
    });
  });
}

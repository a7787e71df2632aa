import { describeEventStoreConformance } from '@timeline/event-store/testing';
import { EsdbEventStore } from '@timeline/event-store-esdb';
import { startEsdbProtocolDouble } from '../esdb-protocol-double';

// The real @eventstore/db-client over real gRPC, against the protocol double: this proves our use of the client,
// not the server's behaviour (see the double's README for what it does not model; `npm run test:esdb` runs the
// same suite against a real server).
describeEventStoreConformance('EventStoreDB (protocol double)', async () => {
  const server = await startEsdbProtocolDouble();
  const store = new EsdbEventStore({ connectionString: server.connectionString });
  return {
    store,
    teardown: async () => {
      await store.close();
      await server.stop();
    },
  };
});

import { describeEventStoreConformance } from '@timeline/event-store/testing';
import { EsdbEventStore } from '@timeline/event-store-esdb';
import {
  EVENTSTOREDB_21_6,
  KURRENTDB_25_1,
  startEsdbProtocolDouble,
  type ServerVersion,
} from '../esdb-protocol-double';

// The real @eventstore/db-client over real gRPC, against the protocol double: this proves our use of the client,
// not the server's behaviour (see the double's README for what it does not model; `npm run test:esdb` runs the
// same suite against a real server). Client 6.2.1 appends through BatchAppend on a server that announces it
// (21.10 on), through plain Append on an older one: the suite runs on both paths.
const servers: readonly [string, ServerVersion][] = [
  ['BatchAppend, KurrentDB 25.1', KURRENTDB_25_1],
  ['plain Append, EventStoreDB before 21.10', EVENTSTOREDB_21_6],
];

for (const [path, version] of servers) {
  describeEventStoreConformance(`EventStoreDB (protocol double, ${path})`, async () => {
    const server = await startEsdbProtocolDouble({ server: version });
    const store = new EsdbEventStore({ connectionString: server.connectionString });
    return {
      store,
      teardown: async () => {
        await store.close();
        await server.stop();
      },
    };
  });
}

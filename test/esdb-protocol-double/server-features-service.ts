import { status } from '@grpc/grpc-js';
import type { IServerFeaturesServer } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { RpcError } from './rpc-errors';
import type { ServerVersion } from './server-version';

/**
 * The methods the double serves, as the server's ServerFeatures.cs lists them: service and method names in lower
 * case, and the features the server attaches (`position`/`events` on Read). The server also lists `deadline_duration`
 * on BatchAppend (a relative deadline, field 7); client 6.2.1 does not know it and the double does not parse it,
 * so it is left out: a client that knew it would send the absolute deadline, which the double does parse.
 */
const METHODS: readonly { service: string; method: string; features?: readonly string[] }[] = [
  { service: 'event_store.client.streams.streams', method: 'read', features: ['position', 'events'] },
  { service: 'event_store.client.streams.streams', method: 'append' },
  { service: 'event_store.client.streams.streams', method: 'batchappend' },
  { service: 'event_store.client.gossip.gossip', method: 'read' },
  { service: 'event_store.client.server_features.serverfeatures', method: 'getsupportedmethods' },
];

/**
 * `ServerFeatures.GetSupportedMethods`. A server from 21.10 on answers its version and method list, and the client
 * (which asks once per connection, on its first append) then appends with `Streams.BatchAppend`; an older server
 * answers UNIMPLEMENTED, and the client falls back to the plain `Streams.Append`.
 */
export function serverFeaturesService(server: ServerVersion): IServerFeaturesServer {
  return {
    getSupportedMethods: (_call, callback) => {
      if (!server.announcesFeatures) return callback(new RpcError(status.UNIMPLEMENTED, 'Service is unimplemented.'));
      const answer = new SupportedMethods().setEventStoreServerVersion(server.version);
      for (const { service, method, features } of METHODS) {
        answer.addMethods(
          new SupportedMethod()
            .setServiceName(service)
            .setMethodName(method)
            .setFeaturesList([...(features ?? [])]),
        );
      }
      callback(null, answer);
    },
  };
}

import { status } from '@grpc/grpc-js';
import type { IServerFeaturesServer } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { RpcError } from './rpc-errors';

/**
 * `ServerFeatures.GetSupportedMethods`, answered as a server from before the feature list (< 21.10) answers it:
 * UNIMPLEMENTED. The client asks once per connection, on its first append, and then falls back to the plain
 * `Streams.Append` for every append. A newer server lists `Streams.BatchAppend`, which the client 6.x then uses
 * for appends without per-call credentials; the double implements only `Streams.Append`.
 */
export const serverFeaturesService: IServerFeaturesServer = {
  getSupportedMethods: (_call, callback) => callback(new RpcError(status.UNIMPLEMENTED, 'Service is unimplemented.')),
};

// The wire protocol, exactly as the client speaks it: the generated gRPC definitions that @eventstore/db-client
// itself ships. The double must load these very modules, not a copy: the generated serializers accept only
// instances of their own message classes, and a second copy would register the same protobuf names twice.
export { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
export { StreamsService, type IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb';
export {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  ReadReq,
  ReadResp,
} from '@eventstore/db-client/generated/streams_pb';
export { AllStreamPosition, Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
export { GossipService, type IGossipServer } from '@eventstore/db-client/generated/gossip_grpc_pb';
export { ClusterInfo, EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';

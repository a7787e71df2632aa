import type { NodeRole } from './node-role';
import { ClusterInfo, EndPoint, type IGossipServer, MemberInfo } from './protocol';
import { uuidMessage } from './uuid-message';

/** One member of the cluster as gossip describes it. */
export interface GossipMember {
  readonly instanceId: string;
  readonly port: number;
  /** The role it last had: a dead member keeps the state it was last seen in. */
  readonly role: NodeRole;
  readonly alive: boolean;
  /** When the member's state last changed, in milliseconds since the Unix epoch. */
  readonly changedAt: number;
}

const TICKS_PER_MILLISECOND = 10_000n;
const { VNodeState } = MemberInfo;

const STATE_OF_ROLE: Record<NodeRole['kind'], MemberInfo.VNodeState> = {
  leader: VNodeState.LEADER,
  follower: VNodeState.FOLLOWER,
  electing: VNodeState.UNKNOWN,
};

/**
 * `Gossip.Read`: the cluster as this node sees it (Gossip.Read.cs, ToGrpcClusterInfo): every member with its
 * instance id (structured UUID), the time of its state, its state, whether it is alive, and its HTTP endpoint,
 * which also serves gRPC. The client asks it of its seeds to find the node its `nodePreference` wants (the leader
 * by default), and accepts only members alive and in the Leader, Follower or read-only replica states.
 */
export function gossipService(members: () => readonly GossipMember[]): IGossipServer {
  return {
    read: (_call, callback) => {
      const info = new ClusterInfo().setMembersList(
        members().map((member) =>
          new MemberInfo()
            .setInstanceId(uuidMessage(member.instanceId, 'structured'))
            .setTimeStamp((BigInt(member.changedAt) * TICKS_PER_MILLISECOND).toString())
            .setState(STATE_OF_ROLE[member.role.kind])
            .setIsAlive(member.alive)
            .setHttpEndPoint(new EndPoint().setAddress('127.0.0.1').setPort(member.port)),
        ),
      );
      callback(null, info);
    },
  };
}

import type { Metadata } from '@grpc/grpc-js';
import { notLeader, type RpcError, serverNotReady } from './rpc-errors';

export interface Endpoint {
  readonly host: string;
  readonly port: number;
}

/** Where a node stands in its cluster: what its gossip reports and how it treats client calls. */
export type NodeRole =
  | { readonly kind: 'leader' }
  | { readonly kind: 'follower'; readonly leader: Endpoint }
  /** An election is under way (the server's Unknown state): no leader is known. */
  | { readonly kind: 'electing' };

/** What a test can make the leader do to the next append it writes: crash before or after committing it. */
export type AppendCrash = 'before-commit' | 'after-commit';

/** What the services of one node need to know about the node beyond the shared log. */
export interface NodeContext {
  /** The node's role when a call arrives. */
  role(): NodeRole;
  /** Counts the Append calls this node receives, whatever it answers. */
  appendReceived(): void;
  /** A crash planted for the next append this node writes as the leader, taken once. */
  takeAppendCrash(): AppendCrash | undefined;
}

/** The `requires-leader` header: the client sends it when an operation's options ask for the leader. */
export function requiresLeader(metadata: Metadata): boolean {
  return metadata.get('requires-leader').some((value) => String(value).toLowerCase() === 'true');
}

/**
 * How a node treats a write, as ClusterVNodeController does (its state table and HandleAsNonLeader):
 * the leader writes; a follower answers a call that requires the leader with NotLeader and the leader's endpoint,
 * and forwards any other to the leader, which writes it (nodes of the double share one log, so forwarding is
 * writing); a node in an election denies every write as Not Ready. Undefined: write.
 */
export function refuseWrite(role: NodeRole, leaderRequired: boolean): RpcError | undefined {
  switch (role.kind) {
    case 'leader':
      return undefined;
    case 'follower':
      return leaderRequired ? notLeader(role.leader.host, role.leader.port) : undefined;
    case 'electing':
      return serverNotReady();
  }
}

/**
 * How a node treats a read or subscription: every node serves it from its own copy of the log unless the call
 * requires the leader; then a follower answers NotLeader, and a node that knows no leader Not Ready.
 */
export function refuseRead(role: NodeRole, leaderRequired: boolean): RpcError | undefined {
  if (!leaderRequired) return undefined;
  switch (role.kind) {
    case 'leader':
      return undefined;
    case 'follower':
      return notLeader(role.leader.host, role.leader.port);
    case 'electing':
      return serverNotReady();
  }
}

/** A single node: always the leader, never crashed by a test. */
export const LONE_LEADER: NodeContext = {
  role: () => ({ kind: 'leader' }),
  appendReceived: () => undefined,
  takeAppendCrash: () => undefined,
};

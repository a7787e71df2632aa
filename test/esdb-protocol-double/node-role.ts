import type { Metadata } from '@grpc/grpc-js';
import { noLeaderInfo, notLeader, type RpcError, serverNotReady, serverTooBusy } from './rpc-errors';

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

/** The two RPCs that append: `Streams.Append` (one append per call) and `Streams.BatchAppend` (many per call). */
export type AppendRpc = 'append' | 'batch-append';

/** What a test can make the leader do to the next append it writes: crash before or after committing it. */
export type AppendCrash = 'before-commit' | 'after-commit';

/**
 * Why a node does not handle a write (the server's ClientMessage.NotHandled reasons): a follower naming its leader,
 * a node not ready (an election), a node too busy (its queues full), or a node that is not the leader and knows
 * none (a read-only replica, or a follower before it learns who leads).
 */
export type WriteDenial =
  | { readonly kind: 'not-leader'; readonly leader: Endpoint }
  | { readonly kind: 'not-ready' }
  | { readonly kind: 'too-busy' }
  | { readonly kind: 'no-leader-info' };

/** A refusal a test plants for a node's next appends. */
export type PlantedDenial = Exclude<WriteDenial['kind'], 'not-leader'>;

/** What the services of one node need to know about the node beyond the shared log. */
export interface NodeContext {
  /** The node's role when a call arrives. */
  role(): NodeRole;
  /** Counts the appends this node receives, by the RPC that carried them, whatever it answers. */
  appendReceived(rpc: AppendRpc): void;
  /** A crash planted for the next append this node writes as the leader, taken once. */
  takeAppendCrash(): AppendCrash | undefined;
  /** A refusal planted for the next append this node receives, taken once. */
  takeAppendDenial(): PlantedDenial | undefined;
  /**
   * Where this node's copy of the log ends for stream reads, when a test made it lag (a follower whose replication
   * stalled): events after this position are not there yet. Undefined: the whole log.
   */
  copyEndsAt(): bigint | undefined;
}

/** Faults a test plants in one node, each taken by the next append it concerns. */
export class PlantedFaults {
  crash: AppendCrash | undefined;
  readonly denials: PlantedDenial[] = [];

  takeCrash(): AppendCrash | undefined {
    const planted = this.crash;
    this.crash = undefined;
    return planted;
  }

  takeDenial(): PlantedDenial | undefined {
    return this.denials.shift();
  }
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
export function writeDenial(
  role: NodeRole,
  leaderRequired: boolean,
  planted: PlantedDenial | undefined,
): WriteDenial | undefined {
  if (planted) return { kind: planted };
  switch (role.kind) {
    case 'leader':
      return undefined;
    case 'follower':
      return leaderRequired ? { kind: 'not-leader', leader: role.leader } : undefined;
    case 'electing':
      return { kind: 'not-ready' };
  }
}

/** How `Streams.Append` reports a denial (RpcExceptions.TryHandleNotHandled): as the call's status. */
export function denialAsRpcError(denial: WriteDenial): RpcError {
  switch (denial.kind) {
    case 'not-leader':
      return notLeader(denial.leader.host, denial.leader.port);
    case 'not-ready':
      return serverNotReady();
    case 'too-busy':
      return serverTooBusy();
    case 'no-leader-info':
      return noLeaderInfo();
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
  takeAppendDenial: () => undefined,
  copyEndsAt: () => undefined,
};

/** A single node that leads for good, with faults a test may plant; counts the appends it receives. */
export function loneLeader(faults: PlantedFaults, received: Record<AppendRpc, number>): NodeContext {
  return {
    ...LONE_LEADER,
    appendReceived: (rpc) => {
      received[rpc] += 1;
    },
    takeAppendCrash: () => faults.takeCrash(),
    takeAppendDenial: () => faults.takeDenial(),
  };
}

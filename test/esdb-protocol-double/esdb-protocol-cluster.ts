import { randomUUID } from 'node:crypto';
import { type EsdbProtocolDoubleOptions, type RunningNode, startNode } from './esdb-protocol-double';
import type { GossipMember } from './gossip-service';
import { type AppendCrash, type NodeContext, type NodeRole, type PlantedDenial, PlantedFaults } from './node-role';
import type { InMemoryLog } from './in-memory-log';
import { createLogWithSystemEvents } from './system-events';

export type ClusterNodeState = NodeRole['kind'] | 'stopped';

/** One node of the cluster, as a test watches it. */
export interface ClusterNodeView {
  readonly port: number;
  readonly state: ClusterNodeState;
  /** Append calls this node has received (while running), whatever it answered: where the client sent writes. */
  readonly appendsReceived: number;
  /** Subscription calls open on this node now. */
  readonly activeSubscriptionCount: number;
  /** Client connections open to this node now: the channels clients hold to it. */
  readonly openConnections: number;
}

export interface EsdbProtocolCluster {
  /** Every node as a gossip seed, without TLS: `esdb://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3?tls=false`. */
  readonly connectionString: string;
  readonly nodes: readonly ClusterNodeView[];
  /** The index of the leader, or undefined during an election. */
  readonly leader: number | undefined;
  /** Ends the election (or moves leadership): this running node leads, every other running node follows it. */
  elect(index: number): void;
  /** Starts an election: no leader; every running node refuses writes as Not Ready until `elect`. */
  startElection(): void;
  /** Kills a node: its calls end with UNAVAILABLE, its port closes, gossip reports it dead. A leader's death
   * starts an election. */
  stopNode(index: number): Promise<void>;
  /** Starts a stopped node again on its port, with the log as replicated meanwhile: it follows the leader. */
  restartNode(index: number): Promise<void>;
  /**
   * A server that is no member of this cluster takes a stopped node's address: a lone node with a log of its own
   * (a new node's system events only), whose gossip names itself the leader. What a client meets when a seed's
   * address is taken over (recycled, another cluster's node there), and what a test on this machine meets when
   * another test file's double binds the port a killed node freed. Resolves to what stops it again.
   */
  startStrangerAt(index: number): Promise<() => Promise<void>>;
  /** A copy of the cluster's log as it is now: what a backup taken now holds. */
  backup(): ClusterBackup;
  /**
   * The operator restores the cluster from a backup: every running node is stopped (its connections reset), the
   * log is put back as the backup holds it (what was written since is gone; the next writes take its positions
   * again), and the nodes start again on their ports, node 0 leading.
   */
  restoreBackup(backup: ClusterBackup): Promise<void>;
  /** The leader dies while writing its next append: before committing it, or after committing and before
   * answering. Its death starts an election. */
  crashLeaderDuringNextAppend(when: AppendCrash): void;
  /**
   * This node's replication stalls: its stream reads show the log as it is now, until `resumeReplication`. Only
   * stream reads lag (what a writer reads before deciding); $all reads and subscriptions see the whole log.
   */
  stallReplication(index: number): void;
  resumeReplication(index: number): void;
  /** The leader does not handle its next append, for this reason (Not Ready, Too Busy, no leader known). */
  refuseNextAppendOnLeader(reason: PlantedDenial): void;
  /** Whether the replicated log holds an event with this id, committed or still being replicated. */
  holds(eventId: string): boolean;
  stop(): Promise<void>;
}

/** What `backup` took: opaque to tests. */
export interface ClusterBackup {
  readonly log: InMemoryLog;
}

export interface EsdbProtocolClusterOptions extends EsdbProtocolDoubleOptions {
  /** How many nodes; default 3. Node 0 starts as the leader. */
  readonly size?: number;
}

interface Member {
  readonly instanceId: string;
  port: number;
  role: NodeRole;
  changedAt: number;
  running: RunningNode | undefined;
  appendsReceived: number;
  readonly faults: PlantedFaults;
  copyEndsAt: bigint | undefined;
}

/**
 * Starts a cluster of protocol-double nodes on 127.0.0.1 over one shared log, as the nodes of a real cluster
 * share one replicated log: every event has the same position on every node, so a client may resume a
 * subscription on any of them. Replication is instant and elections happen when the test says so.
 */
export async function startEsdbProtocolCluster(options: EsdbProtocolClusterOptions = {}): Promise<EsdbProtocolCluster> {
  let log = createLogWithSystemEvents();
  const members: Member[] = Array.from({ length: options.size ?? 3 }, (_, index) => ({
    instanceId: randomUUID(),
    port: 0,
    role: index === 0 ? { kind: 'leader' } : { kind: 'electing' },
    changedAt: Date.now(),
    running: undefined,
    appendsReceived: 0,
    faults: new PlantedFaults(),
    copyEndsAt: undefined,
  }));
  log.replicationDelayMs = options.replicationDelayMs ?? 0;
  const gossip = (): readonly GossipMember[] =>
    members.map(({ instanceId, port, role, changedAt, running }) => ({
      instanceId,
      port,
      role,
      changedAt,
      alive: running !== undefined,
    }));
  const setRole = (member: Member, role: NodeRole): void => {
    member.role = role;
    member.changedAt = Date.now();
  };
  const leaderIndex = (): number | undefined => {
    const index = members.findIndex((member) => member.running && member.role.kind === 'leader');
    return index < 0 ? undefined : index;
  };
  const startElection = (): void => {
    for (const member of members) if (member.running) setRole(member, { kind: 'electing' });
  };
  const elect = (index: number): void => {
    const leader = members[index];
    if (!leader?.running) throw new Error(`node ${index} is not running: it cannot lead`);
    for (const member of members) {
      if (!member.running) continue;
      setRole(member, member === leader ? { kind: 'leader' } : { kind: 'follower', leader: endpointOf(leader) });
    }
  };
  const start = async (member: Member): Promise<void> => {
    const running = await startNode(log, {
      ...options,
      port: member.port,
      node: contextOf(member),
      members: gossip,
      killable: true,
    });
    member.port = running.port;
    member.running = running;
    void running.stopped.then(() => {
      if (member.running !== running) return;
      member.running = undefined;
      // The survivors notice at once (a real cluster takes its gossip timeout) and, if it led, elect anew.
      if (member.role.kind === 'leader') startElection();
    });
  };
  for (const member of members) await start(member);
  elect(0);

  return {
    connectionString: `esdb://${members.map((member) => `127.0.0.1:${member.port}`).join(',')}?tls=false`,
    get nodes() {
      return members.map((member) => viewOf(member));
    },
    get leader() {
      return leaderIndex();
    },
    elect,
    startElection,
    stopNode: async (index) => {
      const running = members[index]?.running;
      if (!running) throw new Error(`node ${index} is not running`);
      running.crash();
      await running.stopped;
    },
    restartNode: async (index) => {
      const member = members[index];
      if (!member || member.running) throw new Error(`node ${index} is running already`);
      await start(member);
      const current = leaderIndex();
      setRole(
        member,
        current === undefined ? { kind: 'electing' } : { kind: 'follower', leader: endpointOf(members[current]!) },
      );
    },
    startStrangerAt: async (index) => {
      const member = members[index];
      if (!member || member.running) throw new Error(`node ${index} is running: its address is taken`);
      const stranger = await startNode(createLogWithSystemEvents(), { ...options, port: member.port });
      return async () => {
        stranger.crash();
        await stranger.stopped;
      };
    },
    backup: () => ({ log: log.backup() }),
    restoreBackup: async (backup) => {
      const running = members.flatMap((member) => (member.running ? [member.running] : []));
      for (const node of running) node.crash();
      await Promise.all(running.map((node) => node.stopped));
      const replicationDelayMs = log.replicationDelayMs;
      log = backup.log.backup();
      log.replicationDelayMs = replicationDelayMs;
      for (const member of members) await start(member);
      elect(0);
    },
    crashLeaderDuringNextAppend: (when) => {
      const index = leaderIndex();
      if (index === undefined) throw new Error('no leader to crash');
      members[index]!.faults.crash = when;
    },
    stallReplication: (index) => {
      members[index]!.copyEndsAt = log.events.at(-1)?.position ?? 0n;
    },
    resumeReplication: (index) => {
      members[index]!.copyEndsAt = undefined;
    },
    holds: (eventId) => log.holds(eventId),
    refuseNextAppendOnLeader: (reason) => {
      const index = leaderIndex();
      if (index === undefined) throw new Error('no leader to refuse an append');
      members[index]!.faults.denials.push(reason);
    },
    // Kills every node: the clients are gone by then, and a graceful stop would wait for their idle connections.
    stop: async () => {
      const running = members.flatMap((member) => (member.running ? [member.running] : []));
      for (const node of running) node.crash();
      await Promise.all(running.map((node) => node.stopped));
    },
  };
}

function contextOf(member: Member): NodeContext {
  return {
    role: () => member.role,
    appendReceived: () => {
      member.appendsReceived += 1;
    },
    takeAppendCrash: () => member.faults.takeCrash(),
    takeAppendDenial: () => member.faults.takeDenial(),
    copyEndsAt: () => member.copyEndsAt,
  };
}

function endpointOf(member: Member): { host: string; port: number } {
  return { host: '127.0.0.1', port: member.port };
}

function viewOf(member: Member): ClusterNodeView {
  return {
    port: member.port,
    state: member.running ? member.role.kind : 'stopped',
    appendsReceived: member.appendsReceived,
    activeSubscriptionCount: member.running?.activeSubscriptionCount ?? 0,
    openConnections: member.running?.openConnections ?? 0,
  };
}

import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { ActiveSubscriptions } from './active-subscriptions';
import { type GossipMember, gossipService } from './gossip-service';
import type { InMemoryLog } from './in-memory-log';
import { type AppendRpc, loneLeader, type NodeContext, type PlantedDenial, PlantedFaults } from './node-role';
import { GossipService, ServerFeaturesService } from './protocol';
import { serverFeaturesService } from './server-features-service';
import { KURRENTDB_25_1, type ServerVersion } from './server-version';
import { streamsService, streamsServiceDefinition } from './streams-service';
import { createLogWithSystemEvents } from './system-events';
import { openTcpFront, type TcpFront } from './tcp-front';

export interface EsdbProtocolDouble {
  /** For `EventStoreDBClient.connectionString`: a single node without TLS, so the client never calls Gossip. */
  readonly connectionString: string;
  readonly port: number;
  /** Subscription calls open on the server now: 0 once every client has unsubscribed or been dropped. */
  readonly activeSubscriptionCount: number;
  /** End every active Read subscription call with gRPC UNAVAILABLE, as a server restart or network cut would. */
  dropSubscriptions(): void;
  /** Appends received so far, by the RPC that carried them: which one the client chose. */
  readonly appendsReceived: Readonly<Record<AppendRpc, number>>;
  /** The next append this node receives is not handled, for this reason (Not Ready, Too Busy, no leader known). */
  refuseNextAppend(reason: PlantedDenial): void;
  /** Deletes a stream for good, as an operator's hard delete does: its reads and appends then fail. */
  tombstone(streamName: string): void;
  stop(): Promise<void>;
}

export interface EsdbProtocolDoubleOptions {
  /** The server modelled: what ServerFeatures announces, BatchAppend or not, append limits. Default KurrentDB 25.1. */
  readonly server?: ServerVersion;
  /** The server's MaxAppendSize, in bytes, instead of the version's default. */
  readonly maxAppendSize?: number;
  /**
   * How long a written append waits to be replicated and committed before reads see it and the writer is answered.
   * Default 0: at once. Above 0, a copy arriving meanwhile is IdempotentNotReady.
   */
  readonly replicationDelayMs?: number;
  /** CommitTimeoutMs: when a dropped write (IdempotentNotReady) is answered with a timeout. Default 2000, as the server. */
  readonly commitTimeoutMs?: number;
  /** WriteTimeoutMs: a BatchAppend deadline is capped at it. Default 2000, as the server. */
  readonly writeTimeoutMs?: number;
}

/** The servers' default MaxAppendSize before 25.1 (1 MiB); 25.1 raised it to 256 MiB. */
export const DEFAULT_MAX_APPEND_SIZE = 1_048_576;
const DEFAULT_TIMEOUT_MS = 2_000;

/**
 * What the server's Streams service accepts in one gRPC message (TFConsts.EffectiveMaxLogRecordSize), far above
 * grpc-js's default of 4 MiB: an oversized event must reach the append-size check, not fail in the transport.
 */
const MAX_RECEIVE_MESSAGE_BYTES = 16 * 1024 * 1024 - 10_000;
/** How long `stop` lets calls in flight finish before cutting the connections. */
const GRACEFUL_STOP_MS = 1_000;

/**
 * Starts an in-process EventStoreDB node on 127.0.0.1 speaking the real gRPC protocol to the real client, over a
 * fresh log that holds only a new node's system events. A test tool only.
 */
export function startEsdbProtocolDouble(options: EsdbProtocolDoubleOptions = {}): Promise<EsdbProtocolDouble> {
  const log = createLogWithSystemEvents();
  log.replicationDelayMs = options.replicationDelayMs ?? 0;
  return startNode(log, options);
}

/** How one node of a cluster is started: where it listens and what it knows of its cluster. */
export interface NodeOptions extends EsdbProtocolDoubleOptions {
  /** The port to listen on (a restarted node takes its old one); default: any free port. */
  readonly port?: number;
  /** Its role and the faults planted in it; default: a lone leader, faults planted through `refuseNextAppend`. */
  readonly node?: NodeContext;
  /** What its Gossip.Read answers; default: itself alone, the leader. */
  readonly members?: () => readonly GossipMember[];
  /** Serve clients through a TCP front, so that `crash` ends their connections as a killed process does. */
  readonly killable?: boolean;
}

export interface RunningNode extends EsdbProtocolDouble {
  /** Client connections open now, on a killable node (served through its TCP front); 0 otherwise. */
  readonly openConnections: number;
  /** Stops the node at once. Killable: as a killed process, its connections reset and its port refuses. */
  crash(): void;
  /** Resolves when the node has stopped, by `stop` or `crash`. */
  readonly stopped: Promise<void>;
}

/** One node over a given log: several nodes over one log make a cluster (see esdb-protocol-cluster.ts). */
export async function startNode(log: InMemoryLog, options: NodeOptions): Promise<RunningNode> {
  const subscriptions = new ActiveSubscriptions();
  const grpcServer = new Server({ 'grpc.max_receive_message_length': MAX_RECEIVE_MESSAGE_BYTES });
  const version = options.server ?? KURRENTDB_25_1;
  const server = { ...version, maxAppendSize: options.maxAppendSize ?? version.maxAppendSize };
  const faults = new PlantedFaults();
  const appendsReceived: Record<AppendRpc, number> = { append: 0, 'batch-append': 0 };
  let markStopped = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  let front: TcpFront | undefined;
  const crash = (): void => {
    if (front) front.kill();
    else subscriptions.dropAll();
    grpcServer.forceShutdown();
    markStopped();
  };
  const node = options.node ?? loneLeader(faults, appendsReceived);
  grpcServer.addService(
    streamsServiceDefinition,
    streamsService(log, subscriptions, {
      server,
      node,
      crash,
      commitTimeoutMs: options.commitTimeoutMs ?? DEFAULT_TIMEOUT_MS,
      writeTimeoutMs: options.writeTimeoutMs ?? DEFAULT_TIMEOUT_MS,
    }),
  );
  grpcServer.addService(ServerFeaturesService, serverFeaturesService(server));
  const instanceId = randomUUID();
  const startedAt = Date.now();
  let port = 0;
  const alone = (): readonly GossipMember[] => [
    { instanceId, port, role: { kind: 'leader' }, alive: true, changedAt: startedAt },
  ];
  grpcServer.addService(GossipService, gossipService(options.members ?? alone));
  const serverPort = await new Promise<number>((resolve, reject) =>
    grpcServer.bindAsync(
      `127.0.0.1:${options.killable ? 0 : (options.port ?? 0)}`,
      ServerCredentials.createInsecure(),
      (error, boundPort) => (error ? reject(error) : resolve(boundPort)),
    ),
  );
  if (options.killable) front = await openTcpFront(serverPort, options.port);
  port = front?.port ?? serverPort;
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    get openConnections() {
      return front?.openConnections ?? 0;
    },
    get activeSubscriptionCount() {
      return subscriptions.size;
    },
    dropSubscriptions: () => subscriptions.dropAll(),
    appendsReceived,
    refuseNextAppend: (reason) => faults.denials.push(reason),
    tombstone: (streamName) => log.tombstone(streamName),
    crash,
    stopped,
    stop: async () => {
      subscriptions.dropAll();
      await shutDown(grpcServer);
      front?.kill();
      markStopped();
    },
  };
}

function shutDown(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, GRACEFUL_STOP_MS);
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}

import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { ActiveSubscriptions } from './active-subscriptions';
import { type GossipMember, gossipService } from './gossip-service';
import type { InMemoryLog } from './in-memory-log';
import { LONE_LEADER, type NodeContext } from './node-role';
import { GossipService, ServerFeaturesService, StreamsService } from './protocol';
import { serverFeaturesService } from './server-features-service';
import { streamsService } from './streams-service';
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
  stop(): Promise<void>;
}

export interface EsdbProtocolDoubleOptions {
  /** The server's MaxAppendSize, in bytes. Defaults to the server's default, 1 MiB. */
  readonly maxAppendSize?: number;
}

export const DEFAULT_MAX_APPEND_SIZE = 1_048_576;

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
  return startNode(createLogWithSystemEvents(), options);
}

/** How one node of a cluster is started: where it listens and what it knows of its cluster. */
export interface NodeOptions extends EsdbProtocolDoubleOptions {
  /** The port to listen on (a restarted node takes its old one); default: any free port. */
  readonly port?: number;
  /** Its role and the faults planted in it; default: a lone leader. */
  readonly node?: NodeContext;
  /** What its Gossip.Read answers; default: itself alone, the leader. */
  readonly members?: () => readonly GossipMember[];
  /** Serve clients through a TCP front, so that `crash` ends their connections as a killed process does. */
  readonly killable?: boolean;
}

export interface RunningNode extends EsdbProtocolDouble {
  /** Stops the node at once. Killable: as a killed process, its connections reset and its port refuses. */
  crash(): void;
  /** Resolves when the node has stopped, by `stop` or `crash`. */
  readonly stopped: Promise<void>;
}

/** One node over a given log: several nodes over one log make a cluster (see esdb-protocol-cluster.ts). */
export async function startNode(log: InMemoryLog, options: NodeOptions): Promise<RunningNode> {
  const subscriptions = new ActiveSubscriptions();
  const server = new Server({ 'grpc.max_receive_message_length': MAX_RECEIVE_MESSAGE_BYTES });
  const maxAppendSize = options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE;
  let markStopped = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  let front: TcpFront | undefined;
  const crash = (): void => {
    if (front) front.kill();
    else subscriptions.dropAll();
    server.forceShutdown();
    markStopped();
  };
  const node = options.node ?? LONE_LEADER;
  server.addService(StreamsService, streamsService(log, subscriptions, { maxAppendSize, node, crash }));
  server.addService(ServerFeaturesService, serverFeaturesService);
  const instanceId = randomUUID();
  const startedAt = Date.now();
  let port = 0;
  const alone = (): readonly GossipMember[] => [
    { instanceId, port, role: { kind: 'leader' }, alive: true, changedAt: startedAt },
  ];
  server.addService(GossipService, gossipService(options.members ?? alone));
  const serverPort = await new Promise<number>((resolve, reject) =>
    server.bindAsync(
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
    get activeSubscriptionCount() {
      return subscriptions.size;
    },
    dropSubscriptions: () => subscriptions.dropAll(),
    crash,
    stopped,
    stop: async () => {
      subscriptions.dropAll();
      await shutDown(server);
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

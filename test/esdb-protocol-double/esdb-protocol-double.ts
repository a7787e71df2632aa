import { Server, ServerCredentials } from '@grpc/grpc-js';
import { ActiveSubscriptions } from './active-subscriptions';
import type { InMemoryLog } from './in-memory-log';
import { ServerFeaturesService, StreamsService } from './protocol';
import { serverFeaturesService } from './server-features-service';
import { streamsService } from './streams-service';
import { createLogWithSystemEvents } from './system-events';

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

/** One node over a given log: the seam for a cluster of nodes sharing one log. */
async function startNode(log: InMemoryLog, options: EsdbProtocolDoubleOptions): Promise<EsdbProtocolDouble> {
  const subscriptions = new ActiveSubscriptions();
  const server = new Server({ 'grpc.max_receive_message_length': MAX_RECEIVE_MESSAGE_BYTES });
  const maxAppendSize = options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE;
  server.addService(StreamsService, streamsService(log, subscriptions, { maxAppendSize }));
  server.addService(ServerFeaturesService, serverFeaturesService);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, boundPort) =>
      error ? reject(error) : resolve(boundPort),
    ),
  );
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    get activeSubscriptionCount() {
      return subscriptions.size;
    },
    dropSubscriptions: () => subscriptions.dropAll(),
    stop: async () => {
      subscriptions.dropAll();
      await shutDown(server);
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

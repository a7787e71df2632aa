import type { ActiveSubscriptions } from './active-subscriptions';
import type { InMemoryLog } from './in-memory-log';
import type { NodeContext } from './node-role';
import type { IStreamsServer } from './protocol';
import { appendHandler } from './streams-append';
import { readHandler } from './streams-read';

/**
 * The `Streams` service over a log. Delete, Tombstone and BatchAppend are left out: gRPC answers them
 * UNIMPLEMENTED, which the client reports as an UnknownError.
 */
export function streamsService(
  log: InMemoryLog,
  subscriptions: ActiveSubscriptions,
  options: { readonly maxAppendSize: number; readonly node: NodeContext; readonly crash: () => void },
): Pick<IStreamsServer, 'read' | 'append'> {
  return {
    read: readHandler(log, subscriptions, options.node),
    append: appendHandler(log, options.maxAppendSize, options.node, options.crash),
  };
}

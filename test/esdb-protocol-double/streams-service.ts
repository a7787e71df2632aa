import type { ActiveSubscriptions } from './active-subscriptions';
import type { InMemoryLog } from './in-memory-log';
import type { NodeContext } from './node-role';
import { StreamsService, type IStreamsServer } from './protocol';
import { SerializedReadResp, type ReadAnswer } from './read-responses';
import type { ServerVersion } from './server-version';
import { appendHandler } from './streams-append';
import { batchAppendHandler } from './streams-batch-append';
import { readHandler } from './streams-read';

export interface StreamsServiceOptions {
  readonly server: ServerVersion;
  readonly node: NodeContext;
  readonly crash: () => void;
  readonly writeTimeoutMs: number;
  readonly commitTimeoutMs: number;
}

/**
 * The `Streams` service over a log. Delete and Tombstone are left out: gRPC answers them UNIMPLEMENTED, which the
 * client reports as an UnknownError. BatchAppend is served by servers from 21.10 on, as they announce it.
 */
export function streamsService(
  log: InMemoryLog,
  subscriptions: ActiveSubscriptions,
  options: StreamsServiceOptions,
): Pick<IStreamsServer, 'read' | 'append'> & Partial<Pick<IStreamsServer, 'batchAppend'>> {
  const { server, node, crash, commitTimeoutMs, writeTimeoutMs } = options;
  return {
    read: readHandler(log, subscriptions, node),
    append: appendHandler(log, server, node, crash, commitTimeoutMs),
    ...(server.announcesFeatures
      ? { batchAppend: batchAppendHandler(log, server, node, crash, { commitTimeoutMs, writeTimeoutMs }) }
      : {}),
  };
}

/**
 * The client's own definition of the Streams service, whose Read also sends answers serialised in advance
 * (SerializedReadResp) as the bytes they are; every other message is serialised by the generated code.
 */
export const streamsServiceDefinition = {
  ...StreamsService,
  read: {
    ...StreamsService.read,
    responseSerialize: (answer: ReadAnswer): Buffer =>
      answer instanceof SerializedReadResp ? answer.bytes : StreamsService.read.responseSerialize(answer),
  },
};

import type { handleClientStreamingCall } from '@grpc/grpc-js';
import { appendResponse } from './append-response';
import type { InMemoryLog } from './in-memory-log';
import { denialAsRpcError, type NodeContext, requiresLeader, writeDenial } from './node-role';
import { AppendReq, type AppendResp } from './protocol';
import {
  asRpcError,
  exceptionThrownByHandler,
  maxAppendEventSizeExceeded,
  maxAppendSizeExceeded,
  operationTimedOut,
  requiredMetadataPropertyMissing,
  streamDeleted,
} from './rpc-errors';
import type { ServerVersion } from './server-version';
import type { ExpectedRevision, ProposedEvent } from './stored-event';
import { uuidFromMessage } from './uuid-message';

interface AppendRequest {
  readonly streamName: string;
  readonly expected: ExpectedRevision;
  readonly events: readonly ProposedEvent[];
}

const { ExpectedStreamRevisionCase } = AppendReq.Options;

/**
 * `Streams.Append`: a client stream of one options message, then one message per proposed event, answered once.
 * As on the server, the events are checked while they arrive, so an append that grows past the maximum append
 * size fails at the event that crosses it, before the client has finished sending. Then the node decides by its
 * role (the server's main queue does, after the whole request has arrived): write, forward, or refuse.
 *
 * A crash the test planted stops the node before it commits the append, or after it has committed it but before
 * it answers: the client sees the call fail either way, and only a read tells whether the events were stored.
 * A copy of an append written but not yet committed is dropped (IdempotentNotReady): the call ends with the
 * commit timeout.
 */
export function appendHandler(
  log: InMemoryLog,
  server: ServerVersion,
  node: NodeContext,
  crash: () => void,
  commitTimeoutMs: number,
): handleClientStreamingCall<AppendReq, AppendResp> {
  return (call, callback) => {
    node.appendReceived('append');
    receiveAppend(call as AsyncIterable<AppendReq>, server).then(
      ({ streamName, expected, events }) => {
        const denial = writeDenial(node.role(), requiresLeader(call.metadata), node.takeAppendDenial());
        if (denial) return callback(denialAsRpcError(denial));
        const planted = node.role().kind === 'leader' ? node.takeAppendCrash() : undefined;
        if (planted === 'before-commit') return crash();
        const outcome = log.append(streamName, expected, events);
        if (planted === 'after-commit') return crash();
        if (outcome.kind === 'idempotent-not-ready') {
          setTimeout(() => callback(operationTimedOut()), commitTimeoutMs);
          return;
        }
        if (outcome.kind === 'stream-deleted') return callback(streamDeleted(streamName));
        const answer = (): void => callback(null, appendResponse(outcome, expected));
        if (outcome.kind !== 'wrong-expected-version' && outcome.committed) void outcome.committed.then(answer);
        else answer();
      },
      (error: unknown) => callback(asRpcError(error)),
    );
  };
}

async function receiveAppend(messages: AsyncIterable<AppendReq>, server: ServerVersion): Promise<AppendRequest> {
  let header: Omit<AppendRequest, 'events'> | undefined;
  const events: ProposedEvent[] = [];
  let size = 0;
  for await (const message of messages) {
    if (header === undefined) {
      header = parseOptions(message.getOptions());
      continue;
    }
    const proposed = message.getProposedMessage();
    if (!proposed) throw exceptionThrownByHandler();
    const metadata = proposed.getMetadataMap();
    const type = metadata.get('type');
    if (type === undefined) throw requiredMetadataPropertyMissing('type');
    const contentType = metadata.get('content-type');
    if (contentType === undefined) throw requiredMetadataPropertyMissing('content-type');
    const data = proposed.getData_asU8();
    const customMetadata = proposed.getCustomMetadata_asU8();
    const eventSize = sizeOnDisk(type, data, customMetadata);
    const id = uuidFromMessage(proposed.getId());
    if (server.maxAppendEventSize !== undefined && eventSize > server.maxAppendEventSize) {
      throw maxAppendEventSizeExceeded(id ?? '', eventSize, server.maxAppendEventSize);
    }
    size += eventSize;
    if (size > server.maxAppendSize) throw maxAppendSizeExceeded(server.maxAppendSize);
    if (id === undefined || type === '') throw exceptionThrownByHandler();
    events.push({ id, type, isJson: contentType === 'application/json', data, customMetadata });
  }
  if (header === undefined) throw exceptionThrownByHandler();
  return { ...header, events };
}

/** The server's Event.SizeOnDisk: the payloads' bytes, and the type as UTF-16 (two bytes per char). */
export function sizeOnDisk(type: string, data: Uint8Array, customMetadata: Uint8Array): number {
  return data.byteLength + customMetadata.byteLength + type.length * 2;
}

function parseOptions(options: AppendReq.Options | undefined): Omit<AppendRequest, 'events'> {
  const streamName = Buffer.from(options?.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
  if (!options || streamName === '') throw exceptionThrownByHandler();
  switch (options.getExpectedStreamRevisionCase()) {
    case ExpectedStreamRevisionCase.REVISION:
      return { streamName, expected: BigInt(options.getRevision()) };
    case ExpectedStreamRevisionCase.NO_STREAM:
      return { streamName, expected: 'no_stream' };
    case ExpectedStreamRevisionCase.ANY:
      return { streamName, expected: 'any' };
    case ExpectedStreamRevisionCase.STREAM_EXISTS:
      return { streamName, expected: 'stream_exists' };
    default:
      throw exceptionThrownByHandler();
  }
}

import type { handleClientStreamingCall } from '@grpc/grpc-js';
import { appendResponse } from './append-response';
import type { InMemoryLog } from './in-memory-log';
import { AppendReq, type AppendResp } from './protocol';
import {
  asRpcError,
  exceptionThrownByHandler,
  maxAppendSizeExceeded,
  requiredMetadataPropertyMissing,
} from './rpc-errors';
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
 * size fails at the event that crosses it, before the client has finished sending.
 */
export function appendHandler(
  log: InMemoryLog,
  maxAppendSize: number,
): handleClientStreamingCall<AppendReq, AppendResp> {
  return (call, callback) => {
    receiveAppend(call as AsyncIterable<AppendReq>, maxAppendSize).then(
      ({ streamName, expected, events }) =>
        callback(null, appendResponse(log.append(streamName, expected, events), expected)),
      (error: unknown) => callback(asRpcError(error)),
    );
  };
}

async function receiveAppend(messages: AsyncIterable<AppendReq>, maxAppendSize: number): Promise<AppendRequest> {
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
    // The server's Event.SizeOnDisk: the payloads' bytes, and the type as UTF-16 (two bytes per char).
    size += data.byteLength + customMetadata.byteLength + type.length * 2;
    if (size > maxAppendSize) throw maxAppendSizeExceeded(maxAppendSize);
    const id = uuidFromMessage(proposed.getId());
    if (id === undefined || type === '') throw exceptionThrownByHandler();
    events.push({ id, type, isJson: contentType === 'application/json', data, customMetadata });
  }
  if (header === undefined) throw exceptionThrownByHandler();
  return { ...header, events };
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

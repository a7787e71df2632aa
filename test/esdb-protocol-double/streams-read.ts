import type { handleServerStreamingCall } from '@grpc/grpc-js';
import type { ActiveSubscriptions } from './active-subscriptions';
import type { InMemoryLog } from './in-memory-log';
import { firstIndexAfter, readAll, readStream } from './log-reads';
import { type NodeContext, refuseRead, requiresLeader } from './node-role';
import type { ReadReq, ReadResp } from './protocol';
import { parseReadRequest, type ReadRequest, type StreamPoint } from './read-request';
import { eventResponse, streamNotFoundResponse } from './read-responses';
import { ResponseWriter } from './response-writer';
import { asRpcError, invalidPosition, streamDeleted } from './rpc-errors';
import type { AllPoint } from './read-request';
import { positionOf, comparePositions } from './stored-event';
import { runSubscription, type SubscriptionFeed } from './subscription';

/** `Streams.Read`: one server-streaming RPC for stream reads, $all reads and subscriptions to either. */
export function readHandler(
  log: InMemoryLog,
  subscriptions: ActiveSubscriptions,
  node: NodeContext,
): handleServerStreamingCall<ReadReq, ReadResp> {
  return (call) => {
    const writer = new ResponseWriter(call);
    let request: ReadRequest;
    try {
      request = parseReadRequest(call.request);
    } catch (error) {
      return writer.fail(asRpcError(error));
    }
    const refusal = refuseRead(node.role(), requiresLeader(call.metadata));
    if (refusal) return writer.fail(refusal);
    // Everything a request reads of the log is taken before its first await, so that no append can slip in
    // between choosing where a read or subscription starts and starting it.
    void answer(log, subscriptions, request, writer, node.copyEndsAt()).catch((error: unknown) =>
      writer.fail(asRpcError(error)),
    );
  };
}

async function answer(
  log: InMemoryLog,
  subscriptions: ActiveSubscriptions,
  request: ReadRequest,
  writer: ResponseWriter,
  copyEndsAt: bigint | undefined,
): Promise<void> {
  switch (request.kind) {
    case 'read-stream': {
      if (log.isTombstoned(request.streamName)) return writer.fail(streamDeleted(request.streamName));
      const copy =
        copyEndsAt === undefined
          ? log
          : { streamEvents: (name: string) => log.streamEvents(name).filter((event) => event.position <= copyEndsAt) };
      const events = readStream(copy, request.streamName, request.from, request.direction, request.maxCount);
      if (events === 'stream-not-found') await writer.write(streamNotFoundResponse(request.streamName));
      else for (const event of events) await writer.write(eventResponse(event, request.uuidFormat));
      return writer.end();
    }
    case 'read-all': {
      if (!isRecordBoundary(log, request.from)) return writer.fail(invalidPosition());
      const events = readAll(log, request.from, request.direction, request.maxCount, request.filter);
      for (const event of events) await writer.write(eventResponse(event, request.uuidFormat));
      return writer.end();
    }
    case 'subscribe-to-stream': {
      const { streamName } = request;
      if (log.isTombstoned(streamName)) return writer.fail(streamDeleted(streamName));
      const feed = { events: () => log.streamEvents(streamName), startIndex: streamStartIndex(log, request) };
      subscriptions.track(writer);
      return runSubscription(log, feed, writer, request.uuidFormat);
    }
    case 'subscribe-to-all': {
      const { from } = request;
      const feed: SubscriptionFeed = {
        events: () => log.events,
        startIndex: firstIndexAfter(log.events, from),
        // From past the end (a log restored from an older backup under its subscriber), the events written next
        // take positions up to it: the server passes over them, as already sent (Enumerator.AllSubscription, GoLive).
        ...(typeof from === 'object' ? { passesOver: (event) => comparePositions(positionOf(event), from) <= 0 } : {}),
        ...request.filter,
      };
      subscriptions.track(writer);
      return runSubscription(log, feed, writer, request.uuidFormat);
    }
  }
}

/** Subscriptions to a stream start after `from`: at revision 0 from the start, after the last event from the end. */
function streamStartIndex(log: InMemoryLog, request: { streamName: string; from: StreamPoint }): number {
  if (request.from === 'start') return 0;
  if (request.from === 'end') return log.streamEvents(request.streamName).length;
  return Number(request.from) + 1;
}

/**
 * A $all read must start where a record starts (the server reads the record at that position of the transaction
 * file: ReadAllResult.InvalidPosition otherwise): the log's start, an event's position, or the end of the log.
 * Positions past the end read nothing.
 */
function isRecordBoundary(log: InMemoryLog, from: AllPoint): boolean {
  if (from === 'start' || from === 'end') return true;
  if (from.commit === 0n && from.prepare === 0n) return true;
  const last = log.events.at(-1);
  if (!last || comparePositions(from, positionOf(last)) > 0) return true;
  const index = firstIndexAfter(log.events, from) - 1;
  const at = log.events[index];
  return at !== undefined && comparePositions(positionOf(at), from) === 0;
}

import { Metadata, type ServerErrorResponse, status } from '@grpc/grpc-js';

/**
 * The gRPC errors the double answers with, as EventStoreDB's RpcExceptions builds them (EventStore/EventStore,
 * src/EventStore.Core/Services/Transport/Grpc/RpcExceptions.cs and Constants.cs): the status, the message, and
 * the trailers the client reads: `exception` names the error, the other keys carry its details.
 */
export class RpcError extends Error implements ServerErrorResponse {
  readonly metadata = new Metadata();

  constructor(
    readonly code: status,
    readonly details: string,
    trailers: Readonly<Record<string, string>> = {},
  ) {
    super(details);
    for (const [key, value] of Object.entries(trailers)) this.metadata.set(key, value);
  }
}

/** The client turns this into MaxAppendSizeExceededError, whose `maxAppendSize` it reads from the trailers. */
export function maxAppendSizeExceeded(maxAppendSize: number): RpcError {
  return new RpcError(status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, {
    exception: 'maximum-append-size-exceeded',
    'maximum-append-size': String(maxAppendSize),
  });
}

/**
 * A read of, or unary append to, a stream deleted for good (RpcExceptions.StreamDeleted): the client reads the
 * trailers into StreamDeletedError.
 */
export function streamDeleted(streamName: string): RpcError {
  return new RpcError(status.FAILED_PRECONDITION, `Event stream '${streamName}' is deleted.`, {
    exception: 'stream-deleted',
    'stream-name': streamName,
  });
}

export function requiredMetadataPropertyMissing(property: string): RpcError {
  return new RpcError(status.INVALID_ARGUMENT, `Required Metadata Property '${property}' is missing`, {
    exception: 'missing-required-metadata-property',
    'required-metadata-properties': 'type,content-type',
  });
}

/**
 * What ASP.NET Core gRPC answers when a handler throws an exception nobody translated: the server does this for
 * malformed requests (an unparsable or empty event id, an empty event type, messages out of order).
 */
export function exceptionThrownByHandler(): RpcError {
  return new RpcError(status.UNKNOWN, 'Exception was thrown by handler.');
}

/** An RpcError as is; anything else thrown while handling a call, as the server reports an unexpected exception. */
export function asRpcError(error: unknown): RpcError {
  return error instanceof RpcError ? error : exceptionThrownByHandler();
}

/** The server's answer to a read request whose options it cannot combine (a backwards subscription, say). */
export function invalidCombination(combination: string): RpcError {
  return new RpcError(status.INVALID_ARGUMENT, `The combination of ${combination} is invalid.`);
}

/**
 * A follower's answer to a call that requires the leader (RpcExceptions.LeaderInfo): the client reads the
 * trailers into NotLeaderError and reconnects to that endpoint.
 */
export function notLeader(host: string, port: number): RpcError {
  return new RpcError(status.NOT_FOUND, 'Leader info available', {
    exception: 'not-leader',
    'leader-endpoint-host': host,
    'leader-endpoint-port': String(port),
  });
}

/** A node that cannot serve the call in its current state, an election above all (RpcExceptions.ServerNotReady). */
export function serverNotReady(): RpcError {
  return new RpcError(status.UNAVAILABLE, 'Server Is Not Ready');
}

/** A node whose queues are full (RpcExceptions.ServerBusy). */
export function serverTooBusy(): RpcError {
  return new RpcError(status.UNAVAILABLE, 'Server Is Too Busy');
}

/** A node that is not the leader and knows none (RpcExceptions.NoLeaderInfo). */
export function noLeaderInfo(): RpcError {
  return new RpcError(status.UNKNOWN, 'No leader info available in response');
}

/**
 * A write the server dropped (IdempotentNotReady) or could not replicate in time: `Streams.Append` ends with
 * ABORTED (RpcExceptions.Timeout), which the client raises as TimeoutError.
 */
export function operationTimedOut(): RpcError {
  return new RpcError(status.ABORTED, 'Operation timed out: Commit timed out.');
}

/**
 * 25.1+: one event larger than MaxAppendEventSize (RpcExceptions.MaxAppendEventSizeExceeded). Client 6.2.1 does not
 * know the `exception` trailer and raises an UnknownError carrying this message.
 */
export function maxAppendEventSizeExceeded(eventId: string, size: number, maxAppendEventSize: number): RpcError {
  return new RpcError(
    status.INVALID_ARGUMENT,
    `Event with Id: ${eventId}, Size: ${size}, exceeds Maximum Append Event Size of ${maxAppendEventSize}.`,
    {
      exception: 'maximum-append-event-size-exceeded',
      'maximum-append-event-size': String(maxAppendEventSize),
      'event-id': eventId,
      'proposed-append-event-size': String(size),
    },
  );
}

/** A $all read from a position that is not a record's (RpcExceptions.InvalidPositionException). */
export function invalidPosition(): RpcError {
  return new RpcError(status.INVALID_ARGUMENT, 'Trying to read from an invalid position.');
}

/** How a call ends when its server goes away: the client reconnects and surfaces UnavailableError. */
export function connectionDropped(): RpcError {
  return new RpcError(status.UNAVAILABLE, 'Connection dropped by the EventStoreDB protocol double');
}

import { Status } from '@eventstore/db-client/generated/status_pb';
import {
  BadRequest,
  Empty,
  MaximumAppendSizeExceeded,
  StreamDeleted,
  StreamIdentifier,
  Timeout,
  WrongExpectedVersion,
} from '@eventstore/db-client/generated/shared_pb';
import { concat, lengthDelimited, varintField } from './protobuf-wire';
import { type ExpectedRevision, NO_STREAM } from './stored-event';

/**
 * The `google.rpc.Status` that a BatchAppend response carries for a failed append, as the server builds them
 * (src/KurrentDB.Core/Services/Transport/Grpc/Status.cs, and Streams.BatchAppend.cs for NotHandled): a code, a
 * message, and details packed in an `Any` whose type name the client switches on (appendToStream/unpackError.ts).
 *
 * The message is built from its wire bytes: `Any` belongs to google-protobuf, which the client carries but this
 * project does not depend on, and parsing the bytes with the client's own `Status` class gives its own `Any`.
 */
const CODE = { OK: 0, INVALID_ARGUMENT: 3, DEADLINE_EXCEEDED: 4, NOT_FOUND: 5, ALREADY_EXISTS: 6 } as const;

/** NotReady, TooBusy and NotLeader without a leader: no code, details an empty `google.protobuf.Empty`. */
export function notHandledStatus(message: string): Status {
  return status(CODE.OK, message, 'google.protobuf.Empty', new Uint8Array());
}

/** An append to a stream deleted for good (Status.StreamDeleted: NOT_FOUND, the stream named in the details). */
export function streamDeletedStatus(streamName: string): Status {
  const stream = new StreamIdentifier().setStreamName(Buffer.from(streamName, 'utf8'));
  const details = new StreamDeleted().setStreamIdentifier(stream).serializeBinary();
  return status(CODE.NOT_FOUND, 'StreamDeleted', 'event_store.client.StreamDeleted', details);
}

export function timeoutStatus(): Status {
  return status(CODE.DEADLINE_EXCEEDED, 'Timeout', 'event_store.client.Timeout', new Timeout().serializeBinary());
}

export function badRequestStatus(message: string): Status {
  const details = new BadRequest().setMessage(message).serializeBinary();
  return status(CODE.INVALID_ARGUMENT, 'BadRequest', 'event_store.client.BadRequest', details);
}

export function maximumAppendSizeExceededStatus(maxAppendSize: number): Status {
  const details = new MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize).serializeBinary();
  return status(
    CODE.INVALID_ARGUMENT,
    'MaximumAppendSizeExceeded',
    'event_store.client.MaximumAppendSizeExceeded',
    details,
  );
}

/** 25.1+. Client 6.2.1's protos lack this message, so its fields are written here by number (shared.proto). */
export function maximumAppendEventSizeExceededStatus(
  eventId: string,
  size: number,
  maxAppendEventSize: number,
): Status {
  const details = concat(
    lengthDelimited(1, Buffer.from(eventId, 'utf8')),
    varintField(2, size),
    varintField(3, maxAppendEventSize),
  );
  return status(
    CODE.INVALID_ARGUMENT,
    'MaximumAppendEventSizeExceeded',
    'event_store.client.MaximumAppendEventSizeExceeded',
    details,
  );
}

export function wrongExpectedVersionStatus(currentRevision: bigint, expected: ExpectedRevision): Status {
  const details = new WrongExpectedVersion();
  if (currentRevision === NO_STREAM) details.setCurrentNoStream(new Empty());
  else details.setCurrentStreamRevision(currentRevision.toString());
  if (expected === 'any') details.setExpectedAny(new Empty());
  else if (expected === 'stream_exists') details.setExpectedStreamExists(new Empty());
  else if (expected === 'no_stream') details.setExpectedNoStream(new Empty());
  else details.setExpectedStreamPosition(expected.toString());
  return status(
    CODE.ALREADY_EXISTS,
    'WrongExpectedVersion',
    'event_store.client.WrongExpectedVersion',
    details.serializeBinary(),
  );
}

function status(code: number, message: string, typeName: string, details: Uint8Array): Status {
  const any = concat(
    lengthDelimited(1, Buffer.from(`type.googleapis.com/${typeName}`, 'utf8')),
    lengthDelimited(2, details),
  );
  return Status.deserializeBinary(
    concat(
      code === 0 ? new Uint8Array() : varintField(1, code),
      lengthDelimited(2, Buffer.from(message, 'utf8')),
      lengthDelimited(3, any),
    ),
  );
}

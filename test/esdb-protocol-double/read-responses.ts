import { ReadResp, StreamIdentifier } from './protocol';
import type { StoredEvent } from './stored-event';
import { type UuidFormat, uuidMessage } from './uuid-message';

/**
 * A `ReadResp` serialised in advance: the Streams service's Read sends these bytes as they are (see
 * `streamsServiceDefinition`), exactly what the message serialises to.
 */
export class SerializedReadResp {
  constructor(readonly bytes: Buffer) {}
}

/** What a `Streams.Read` answer sends: a message, or one serialised in advance. */
export type ReadAnswer = ReadResp | SerializedReadResp;

/** Each stored event's serialised answer, per uuid format: stored events never change, so neither do these. */
const serializedEvents = new WeakMap<StoredEvent, Partial<Record<UuidFormat, SerializedReadResp>>>();

/**
 * An event's `ReadResp`, serialised once per event and uuid format: the double answers the same stored events
 * again and again (each read, each subscription), and serialising each message anew with google-protobuf took a
 * quarter of the 10,000-event conformance test.
 */
export function eventResponse(event: StoredEvent, uuidFormat: UuidFormat): SerializedReadResp {
  let answers = serializedEvents.get(event);
  if (!answers) serializedEvents.set(event, (answers = {}));
  return (answers[uuidFormat] ??= new SerializedReadResp(
    Buffer.from(eventMessage(event, uuidFormat).serializeBinary()),
  ));
}

/**
 * The messages of a `Streams.Read` answer, shaped as the server's ConvertToReadEvent and TryConvertReadResponse
 * shape them (src/EventStore.Core/Services/Transport/Grpc/Streams.Read.cs). 64-bit numbers travel as decimal
 * strings: the client's generated code declares them `jstype = JS_STRING`.
 */
function eventMessage(event: StoredEvent, uuidFormat: UuidFormat): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(event.id, uuidFormat))
    .setStreamIdentifier(streamIdentifier(event.streamName))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.position.toString())
    .setPreparePosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('created', event.created.toString())
    .set('content-type', event.isJson ? 'application/json' : 'application/octet-stream');
  const readEvent = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.toString());
  return new ReadResp().setEvent(readEvent);
}

export function confirmationResponse(subscriptionId: string): ReadResp {
  return new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId));
}

/** Sent once, when a subscription has delivered everything the log held: what follows is live. */
export function caughtUpResponse(): ReadResp {
  return new ReadResp().setCaughtUp(new ReadResp.CaughtUp());
}

/** Tells a filtered subscription how far it has looked, so that it can resume there even when nothing matched. */
export function checkpointResponse(position: bigint): ReadResp {
  const checkpoint = new ReadResp.Checkpoint()
    .setCommitPosition(position.toString())
    .setPreparePosition(position.toString());
  return new ReadResp().setCheckpoint(checkpoint);
}

/** Not an error status: the server answers a read of a missing stream with this message, then ends the call OK. */
export function streamNotFoundResponse(streamName: string): ReadResp {
  return new ReadResp().setStreamNotFound(
    new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamName)),
  );
}

export function streamIdentifier(streamName: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(streamName, 'utf8'));
}

import { ReadResp, StreamIdentifier } from './protocol';
import type { StoredEvent } from './stored-event';
import { type UuidFormat, uuidMessage } from './uuid-message';

/**
 * The messages of a `Streams.Read` answer, shaped as the server's ConvertToReadEvent and TryConvertReadResponse
 * shape them (src/EventStore.Core/Services/Transport/Grpc/Streams.Read.cs). 64-bit numbers travel as decimal
 * strings: the client's generated code declares them `jstype = JS_STRING`.
 */
export function eventResponse(event: StoredEvent, uuidFormat: UuidFormat): ReadResp {
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

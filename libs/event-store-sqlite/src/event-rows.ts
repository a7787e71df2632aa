import { UnreadableEventError, type JsonObject, type RecordedEvent } from '@timeline/event-store';

export const EVENT_COLUMNS = 'position, event_id, stream_name, revision, type, data, metadata, recorded_at';

/**
 * A row of the `events` table as the store reads it: the EVENT_COLUMNS in order, as an array (better-sqlite3's raw
 * mode: half the cost of an object per row, measured over a whole log), with safe integers so that positions and
 * revisions arrive as bigint.
 */
export type EventRow = [
  position: bigint,
  eventId: string,
  streamName: string,
  revision: bigint,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
];

export const positionOf = (row: EventRow): bigint => row[0];
export const revisionOf = (row: EventRow): bigint => row[3];

export function toRecordedEvent([
  position,
  id,
  streamName,
  revision,
  type,
  data,
  metadata,
  recordedAt,
]: EventRow): RecordedEvent {
  // Two variables rather than an object: this runs for every event a replay reads.
  let parsedData: JsonObject;
  let parsedMetadata: JsonObject;
  try {
    parsedData = JSON.parse(data) as JsonObject;
    parsedMetadata = JSON.parse(metadata) as JsonObject;
  } catch (error) {
    // Only a damaged file gets here: name the event, so that verification can report it as such.
    throw new UnreadableEventError(streamName, revision, id, position, error, type);
  }
  return {
    id,
    type,
    data: parsedData,
    metadata: parsedMetadata,
    streamName,
    revision,
    position,
    recordedAt: new Date(recordedAt),
  };
}

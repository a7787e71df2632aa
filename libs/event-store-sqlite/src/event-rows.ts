import type { JsonObject, RecordedEvent } from '@timeline/event-store';

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
  return {
    id,
    type,
    data: JSON.parse(data) as JsonObject,
    metadata: JSON.parse(metadata) as JsonObject,
    streamName,
    revision,
    position,
    recordedAt: new Date(recordedAt),
  };
}

import type { JsonObject, RecordedEvent } from '@timeline/event-store';

/** One line of `GET /audit/log` and of an export: an event as stored, positions as decimal strings. */
export interface ExportedEvent {
  readonly position: string;
  readonly stream: string;
  readonly revision: string;
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  /** ISO 8601; null where the store holds no time (damage), so that the line still carries the event. */
  readonly recordedAt: string | null;
}

export function toExportedEvent(event: RecordedEvent): ExportedEvent {
  return {
    position: event.position.toString(),
    stream: event.streamName,
    revision: event.revision.toString(),
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: Number.isNaN(event.recordedAt.getTime()) ? null : event.recordedAt.toISOString(),
  };
}

export function fromExportedEvent(line: ExportedEvent): RecordedEvent {
  return {
    position: BigInt(line.position),
    streamName: line.stream,
    revision: BigInt(line.revision),
    id: line.id,
    type: line.type,
    data: line.data,
    metadata: line.metadata,
    recordedAt: new Date(line.recordedAt ?? Number.NaN),
  };
}

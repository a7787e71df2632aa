import type { RecordedEvent } from '@timeline/event-store';
import { upcast, type TreatyEvent, type TreatyEventEnvelope } from '@timeline/treaty';

/** The domain's envelope for a stored event: upcast to the current schema. Unknown or newer events throw. */
export function toTreatyEnvelope(event: RecordedEvent): TreatyEventEnvelope {
  const version = event.metadata.schemaVersion;
  return {
    event: upcast(event.type, event.data, typeof version === 'number' ? version : 1),
    eventId: event.id,
    recordedAt: event.recordedAt,
    revision: event.revision,
    position: event.position,
  };
}

/** The row a treaty event is kept as in the read model, to fold again without going back to the store. */
export interface TreatyEventRow {
  readonly treaty_id: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly event_id: string;
  readonly type: string;
  readonly data: string;
  readonly recorded_at: string;
}

export function toRow(treatyId: string, envelope: TreatyEventEnvelope): TreatyEventRow {
  return {
    treaty_id: treatyId,
    revision: envelope.revision,
    position: envelope.position,
    event_id: envelope.eventId,
    type: envelope.event.type,
    data: JSON.stringify(envelope.event.data),
    recorded_at: envelope.recordedAt.toISOString(),
  };
}

export function fromRow(row: TreatyEventRow): TreatyEventEnvelope {
  return {
    event: { type: row.type, data: JSON.parse(row.data) as unknown } as TreatyEvent,
    eventId: row.event_id,
    recordedAt: new Date(row.recorded_at),
    revision: row.revision,
    position: row.position,
  };
}

import type { RecordedEvent } from '@timeline/event-store';
import { upcast, type TreatyEventEnvelope } from '@timeline/treaty';

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

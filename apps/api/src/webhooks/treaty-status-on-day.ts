import { StreamDeletedError, StreamNotFoundError, type EventStore } from '@timeline/event-store';
import { toJsonView, toTreatyEnvelope, type JsonView } from '@timeline/projections';
import { latestDateOnEarth, treatyStatusView, treatyStreamName, type TreatyEventEnvelope } from '@timeline/treaty';

/** A treaty's status on a day, and the day its last event was recorded on (as a delivery of it reads the day). */
export interface TreatyOnDay {
  readonly status: JsonView;
  readonly lastRecordedOn: string;
}

/**
 * A treaty's status on `day`, folded from its own events in the store (as a delivery of an event folds it, not from
 * the read model, which may lag this replica's view of the log): the present read against that day. Undefined for
 * a treaty the store no longer holds.
 */
export async function treatyOnDay(store: EventStore, treatyId: string, day: string): Promise<TreatyOnDay | undefined> {
  const envelopes: TreatyEventEnvelope[] = [];
  let lastRecordedAt: Date | undefined;
  try {
    for await (const stored of store.readStream(treatyStreamName(treatyId))) {
      envelopes.push(toTreatyEnvelope(stored));
      lastRecordedAt = stored.recordedAt;
    }
  } catch (error) {
    if (error instanceof StreamDeletedError || error instanceof StreamNotFoundError) return undefined;
    throw error;
  }
  const view = treatyStatusView(envelopes, { today: day });
  if (!view || lastRecordedAt === undefined) return undefined;
  return { status: toJsonView(view), lastRecordedOn: latestDateOnEarth(lastRecordedAt) };
}

import { StreamDeletedError, StreamNotFoundError, type EventStore, type RecordedEvent } from '@timeline/event-store';
import { toJsonView, toTreatyEnvelope } from '@timeline/projections';
import {
  developmentTypeOfEvent,
  isDevelopmentEvent,
  latestDateOnEarth,
  treatyIdFromStreamName,
  treatyStatusView,
  treatyStreamName,
  type TreatyEvent,
} from '@timeline/treaty';
import type { StatusAndParties } from '../treaties/application/status-and-party-filter';
import type { TreatyEventContext } from './cloud-event';

const CACHED = 2000;

/**
 * The treaty's status as of each event, folded from the treaty's own events up to it and read against the day it was
 * recorded (a date the record sets ahead counts once it has come by then): a filter on status or party
 * then gives the same answer on every attempt and every replica, whatever happened since. Shared by all
 * subscriptions, so that an update is folded once, not once per subscriber.
 */
export class TreatyEventContexts {
  private readonly cache = new Map<string, Promise<TreatyEventContext | undefined>>();

  constructor(private readonly store: EventStore) {}

  of(event: RecordedEvent): Promise<TreatyEventContext | undefined> {
    const key = `${event.streamName}@${event.revision}`;
    let context = this.cache.get(key);
    if (!context) {
      context = this.fold(event);
      this.cache.set(key, context);
      context.catch(() => this.cache.delete(key));
      if (this.cache.size > CACHED) this.cache.delete(this.cache.keys().next().value!);
    }
    return context;
  }

  private async fold(event: RecordedEvent): Promise<TreatyEventContext | undefined> {
    const treatyId = treatyIdFromStreamName(event.streamName);
    if (treatyId === undefined) return undefined;
    const events: RecordedEvent[] = [];
    try {
      for await (const stored of this.store.readStream(treatyStreamName(treatyId), {
        maxCount: Number(event.revision) + 1,
      })) {
        events.push(stored);
      }
    } catch (error) {
      // A stream its operator deleted for good keeps its events in $all (until a scavenge), where the webhooks
      // follow them: no context, so they are passed over, rather than stopping every webhook behind them for good.
      if (error instanceof StreamDeletedError) return undefined;
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    const envelopes = events.map(toTreatyEnvelope);
    // The present as of the event (decision 0035), as `?knownAt=` its recording shows it: the dates the record sets
    // ahead read against the day it was recorded on, so that every attempt and replica folds the same status.
    const today = latestDateOnEarth(event.recordedAt);
    const view = treatyStatusView(envelopes, { today });
    if (!view) return undefined;
    let before: { readonly view?: StatusAndParties } | undefined;
    return {
      event,
      treatyId,
      developmentType: developmentTypeConcerned(
        envelopes.map((envelope) => envelope.event),
        event.id,
      ),
      status: toJsonView(view),
      // Folded when first asked for (only a filter by status or party the treaty does not show under now asks): the
      // same events but this one, the same day.
      get before() {
        before ??= { view: treatyStatusView(envelopes.slice(0, -1), { today }) ?? undefined };
        return before.view;
      },
    };
  }
}

function developmentTypeConcerned(events: readonly TreatyEvent[], eventId: string): string | null {
  const last = events[events.length - 1];
  if (!last || last.type === 'TreatyRegistered') return null;
  if (isDevelopmentEvent(last)) return developmentTypeOfEvent(last.type);
  const developmentId = last.data.developmentId;
  const reported = events.find(
    (event) => isDevelopmentEvent(event) && event.data.developmentId === developmentId && developmentId !== eventId,
  );
  return reported && isDevelopmentEvent(reported) ? developmentTypeOfEvent(reported.type) : null;
}

import type { RecordedEvent } from '@timeline/event-store';
import type { JsonView } from '@timeline/projections';
import type { WebhookFilter } from './webhook.events';

/** The CloudEvents `type` of each treaty event: reverse-DNS, stable, one per kind of update. */
const CLOUD_EVENT_TYPES: Record<string, string> = {
  TreatyRegistered: 'org.treaty-timeline.treaty.registered',
  DevelopmentCorroborated: 'org.treaty-timeline.development.corroborated',
  DevelopmentCorrected: 'org.treaty-timeline.development.corrected',
  DevelopmentRetracted: 'org.treaty-timeline.development.retracted',
};
export const REPORTED_TYPE = 'org.treaty-timeline.development.reported';
/** A treaty whose stream the store's operator deleted for good (an EventStoreDB tombstone): no event of its own. */
export const TREATY_DELETED_TYPE = 'org.treaty-timeline.treaty.deleted';

export const cloudEventType = (eventType: string): string => CLOUD_EVENT_TYPES[eventType] ?? REPORTED_TYPE;

/** What a delivery says about one treaty event: the event, and the treaty's status right after it. */
export interface TreatyEventContext {
  readonly event: RecordedEvent;
  readonly treatyId: string;
  /** The development type concerned (`signed`, ...), for reports and for what corrects or corroborates them. */
  readonly developmentType: string | null;
  /** The treaty's status as of this event (not as of the delivery). */
  readonly status: JsonView;
  /**
   * The treaty's status (its `status` field) just before this event, read against the same day; undefined for its
   * registration. What a filter by status needs to tell an event that takes the treaty out of it (decision 0050).
   */
  readonly previousStatus?: string;
}

export interface CloudEvent {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  /** Extension attribute: the event's global log position, as a decimal string; grows with every update. */
  readonly position: string;
  readonly data: JsonView;
}

/** A CloudEvents 1.0 event in structured mode (the whole envelope is the JSON body). */
export function toCloudEvent(context: TreatyEventContext): CloudEvent {
  const { event } = context;
  const data = event.data as { developmentId?: unknown };
  return {
    specversion: '1.0',
    id: event.id,
    source: `/treaties/${context.treatyId}`,
    type: cloudEventType(event.type),
    subject: typeof data.developmentId === 'string' ? data.developmentId : context.treatyId,
    time: event.recordedAt.toISOString(),
    datacontenttype: 'application/json',
    position: event.position.toString(),
    data: {
      treatyId: context.treatyId,
      eventType: event.type,
      developmentType: context.developmentType,
      revision: event.revision.toString(),
      position: event.position.toString(),
      recordedAt: event.recordedAt.toISOString(),
      event: event.data,
      status: context.status,
    },
  };
}

/**
 * Whether the subscription gets this event: its status matches the filters, or, with a status filter, the event takes
 * the treaty out of it (its status before was the filter's, the other filters match), so that the receiver drops it.
 */
export function matchesWebhookFilter(context: TreatyEventContext, filter: WebhookFilter): boolean {
  const status = context.status as { status?: unknown; parties?: unknown };
  const others =
    (filter.treaty === undefined || context.treatyId === filter.treaty) &&
    (filter.party === undefined || (Array.isArray(status.parties) && status.parties.includes(filter.party))) &&
    (filter.type === undefined || context.developmentType === filter.type);
  if (!others) return false;
  // Read last: the status before is folded only when a status filter needs it.
  return filter.status === undefined || status.status === filter.status || context.previousStatus === filter.status;
}

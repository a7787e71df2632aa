import type { RecordedEvent } from '@timeline/event-store';
import type { JsonView } from '@timeline/projections';
import { leavesFilter, showsUnder, type StatusAndParties } from '../treaties/application/status-and-party-filter';
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
   * The treaty's status view (its `status` and `parties`) just before this event, read against the same day;
   * undefined for its registration. What a filter by status or party needs to tell an event that takes the treaty
   * out of it (decisions 0050, 0055).
   */
  readonly before?: StatusAndParties;
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
 * Whether the subscription gets this event: the treaty's status matches the filters, or the event takes the treaty
 * out of the filters by status and party (it showed under them just before), so that the receiver drops it.
 */
export function matchesWebhookFilter(context: TreatyEventContext, filter: WebhookFilter): boolean {
  if (filter.treaty !== undefined && context.treatyId !== filter.treaty) return false;
  if (filter.type !== undefined && context.developmentType !== filter.type) return false;
  const now = context.status as StatusAndParties;
  if (showsUnder(now, filter)) return true;
  // Read last: the treaty before is folded only when the event does not show under a filter by status or party.
  const { before } = context;
  return before !== undefined && leavesFilter(before, now, filter);
}

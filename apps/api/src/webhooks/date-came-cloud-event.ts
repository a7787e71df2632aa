import type { JsonView } from '@timeline/projections';
import { DATE_CAME_TYPE, dayBegins } from '../day-turns/date-came';
import type { DateCameMessage } from '../day-turns/date-came-message';
import type { WebhookFilter } from './webhook.events';

export interface DateCameCloudEvent {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: typeof DATE_CAME_TYPE;
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly data: {
    readonly treatyId: string;
    readonly day: string;
    readonly previousStatus: string;
    readonly status: JsonView;
  };
}

/**
 * A day's change of a treaty's status as a CloudEvent (decision 0039): `id` the turn's (treaty and day), `time` the
 * moment the day began where days begin first (UTC+14), and no `position` extension: no event of the log made it.
 */
export function toDateCameCloudEvent(message: DateCameMessage): DateCameCloudEvent {
  return {
    specversion: '1.0',
    id: message.id,
    source: `/treaties/${message.treatyId}`,
    type: DATE_CAME_TYPE,
    subject: message.treatyId,
    time: dayBegins(message.day).toISOString(),
    datacontenttype: 'application/json',
    data: {
      treatyId: message.treatyId,
      day: message.day,
      previousStatus: message.previousStatus,
      status: message.status,
    },
  };
}

/**
 * Whether a subscription hears of a day's change: its treaty, status (the new one, or the one it leaves: decision
 * 0050) and party filters apply to the status from that day; a `type` filter selects reports of a development type,
 * which a day is not.
 */
export function dateCameMatchesWebhookFilter(message: DateCameMessage, filter: WebhookFilter): boolean {
  const status = message.status as { status?: unknown; parties?: unknown };
  return (
    filter.type === undefined &&
    (filter.treaty === undefined || message.treatyId === filter.treaty) &&
    (filter.status === undefined || status.status === filter.status || message.previousStatus === filter.status) &&
    (filter.party === undefined || (Array.isArray(status.parties) && status.parties.includes(filter.party)))
  );
}

import { v5 as uuidV5 } from 'uuid';
import type { StreamDeletedNotice } from '@timeline/event-store';
import { treatyIdFromStreamName } from '@timeline/treaty';
import { TREATY_DELETED_TYPE } from './cloud-event';
import type { WebhookFilter } from './webhook.events';

/** Names the deletions' CloudEvent ids, which no event of the log carries. */
const TREATY_DELETION_NAMESPACE = '3b7f6c2a-91d4-4e0b-8a5c-6d2e1f0b9c47';

/** A treaty's stream deleted for good, as the log records it: where, and no more (no time, no data). */
export interface TreatyDeletion {
  readonly treatyId: string;
  readonly position: bigint;
}

/**
 * The CloudEvents `id` of a deletion: derived from the treaty and the deletion's position, so that every attempt,
 * every replica and every subscriber names it alike, as a treaty event's id does.
 */
export const treatyDeletionId = (deletion: TreatyDeletion): string =>
  uuidV5(`${deletion.treatyId}@${deletion.position}`, TREATY_DELETION_NAMESPACE);

export interface TreatyDeletedCloudEvent {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: typeof TREATY_DELETED_TYPE;
  readonly subject: string;
  readonly datacontenttype: 'application/json';
  readonly position: string;
  readonly data: { readonly treatyId: string; readonly deleted: true; readonly position: string };
}

/**
 * The deletion as a CloudEvent. It has no `time` (optional in CloudEvents 1.0): the tombstone reaches the service
 * without the time it was written, and the time of delivery would be a false one.
 */
export function toTreatyDeletedCloudEvent(deletion: TreatyDeletion): TreatyDeletedCloudEvent {
  const position = deletion.position.toString();
  return {
    specversion: '1.0',
    id: treatyDeletionId(deletion),
    source: `/treaties/${deletion.treatyId}`,
    type: TREATY_DELETED_TYPE,
    subject: deletion.treatyId,
    datacontenttype: 'application/json',
    position,
    data: { treatyId: deletion.treatyId, deleted: true, position },
  };
}

/**
 * Which subscriptions hear of a deletion: those whose `treaty` filter allows it. Its party, status and developments
 * are gone with its stream, so those filters cannot be applied: a subscription filtered on them receives every
 * deletion, as sync and live announce one whatever those filters (decision 0024). A receiver that never held the
 * treaty ignores it; one that did is not left holding a treaty that no longer exists (decision 0026).
 */
export const deletionMatchesWebhookFilter = (deletion: TreatyDeletion, filter: WebhookFilter): boolean =>
  filter.treaty === undefined || filter.treaty === deletion.treatyId;

/** The treaty a deletion notice concerns, or undefined for a stream that is no treaty's. */
export function treatyDeletion(notice: StreamDeletedNotice): TreatyDeletion | undefined {
  const treatyId = treatyIdFromStreamName(notice.streamName);
  return treatyId === undefined ? undefined : { treatyId, position: notice.position };
}

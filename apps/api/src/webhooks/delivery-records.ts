import type { WebhookEvent } from './webhook.events';
import type { WebhookSubscription } from './webhook-subscription';

export interface DeliveryRecord {
  deliveryId: string;
  eventId: string;
  treatyId: string;
  position: string;
  /** A day's change of the treaty's status (decision 0039), not an event: its day. */
  day?: string;
  status: 'delivered' | 'failed' | 'retrying';
  attempts: number;
  lastAttemptAt: string;
  httpStatus?: number;
  lastError?: string;
}

/**
 * A subscription's deliveries as its stream's events (oldest first) record them, newest first: each one's attempts,
 * its last outcome, and whether it failed for good (the delivery the subscription is `paused` on) or is retried.
 */
export function deliveryRecordsOf(
  events: readonly WebhookEvent[],
  paused: WebhookSubscription['paused'],
): DeliveryRecord[] {
  const records = new Map<string, DeliveryRecord>();
  for (const event of events) {
    if (
      event.type !== 'WebhookDelivered' &&
      event.type !== 'WebhookDateCameDelivered' &&
      event.type !== 'WebhookDeliveryAttemptFailed'
    )
      continue;
    const data = event.data;
    const previous = records.get(data.deliveryId);
    const base = {
      deliveryId: data.deliveryId,
      eventId: data.eventId,
      treatyId: data.treatyId,
      position: data.position,
      ...(data.day === undefined ? {} : { day: data.day }),
    };
    const attempts = (previous?.attempts ?? 0) + 1;
    // Moved to the end: the records are ordered by their last attempt.
    records.delete(data.deliveryId);
    records.set(
      data.deliveryId,
      event.type !== 'WebhookDeliveryAttemptFailed'
        ? {
            ...base,
            status: 'delivered',
            attempts,
            lastAttemptAt: event.data.deliveredAt,
            httpStatus: event.data.status,
          }
        : {
            ...base,
            status: paused?.deliveryId === data.deliveryId ? 'failed' : 'retrying',
            attempts,
            lastAttemptAt: event.data.failedAt,
            lastError: event.data.error,
          },
    );
  }
  return [...records.values()].reverse();
}

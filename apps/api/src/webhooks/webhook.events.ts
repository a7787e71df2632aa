/**
 * A webhook subscription is a stream of its own (`webhook-<id>`): its registration, its secret's rotations, every
 * delivery acknowledged (the checkpoint: the log position of the last treaty event it has delivered), every failed
 * attempt, pauses and resumptions, and the lease of the replica delivering it. Nothing about it lives only in
 * memory; its secrets are derived from the service's key, never written down.
 */
export const WEBHOOK_STREAM_PREFIX = 'webhook-';

export const webhookStreamName = (subscriptionId: string): string => WEBHOOK_STREAM_PREFIX + subscriptionId;

export interface WebhookFilter {
  readonly treaty?: string;
  readonly party?: string;
  readonly status?: string;
  /** A development type (`signed`, ...): its reports, and the corrections, corroborations and retractions of them. */
  readonly type?: string;
}

export interface WebhookEventData {
  /**
   * A subscription registered before decision 0097: its URL whole, as registered. For a few commits of the version
   * that brought 0097 it carried the redacted URL in `url` and the whole one in `sealedUrl`; such events are read
   * with their `sealedUrl`.
   */
  WebhookSubscribed: Registration & { url: string; sealedUrl?: string };
  /**
   * A subscription registered since decision 0097: the URL whole only sealed, so that a receiver's token in its path
   * or query stays out of the log, and in clear what an audit of where data goes needs. An event type of its own, not
   * a new meaning of `WebhookSubscribed.url`: a version before it ignores the subscription, where it would have posted
   * to the redacted URL.
   */
  WebhookSubscribedSealed: Registration & {
    /** Its origin, followed by `/…` when the URL had more (`redactedUrl`). */
    urlRedacted: string;
    /** The URL whole, encrypted with a key derived from the signing key (`sealUrl`). */
    sealedUrl: string;
  };
  WebhookSecretRotated: { generation: number; previousValidUntil: string; rotatedAt: string };
  WebhookLeaseAcquired: { holder: string; until: string };
  WebhookLeaseReleased: { holder: string };
  WebhookDelivered: Delivery & { status: number; deliveredAt: string; holder: string; leaseUntil: string };
  /** A day's change of a treaty's status delivered (decision 0039): the checkpoint of the days, by day then treaty. */
  WebhookDateCameDelivered: Delivery & {
    day: string;
    status: number;
    deliveredAt: string;
    holder: string;
    leaseUntil: string;
  };
  WebhookDeliveryAttemptFailed: Delivery & { error: string; failedAt: string; holder: string; leaseUntil: string };
  WebhookPaused: { deliveryId: string; reason: string; pausedAt: string };
  WebhookResumed: { deliveryId: string; resumedAt: string; by: string };
  WebhookUnsubscribed: { unsubscribedAt: string; by: string };
}

/** What every registration records, however it keeps its URL. */
export interface Registration {
  subscriptionId: string;
  owner: string;
  filter: WebhookFilter;
  /** Deliveries start after this log position: the head when it was registered. */
  startAfter: string;
  /**
   * The days that a date set ahead comes on are delivered after this one: the present's day when it was registered
   * (decision 0039). Absent from subscriptions registered before: the day of `subscribedAt`.
   */
  startAfterDay?: string;
  subscribedAt: string;
}

export interface Delivery {
  readonly deliveryId: string;
  readonly eventId: string;
  readonly treatyId: string;
  /** The treaty event's log position; for a day's change, the position of the treaty's last event then. */
  readonly position: string;
  readonly attempt: number;
  /** A day's change of status (decision 0039), not an event: the day. */
  readonly day?: string;
}

export type WebhookEventType = keyof WebhookEventData;
export type WebhookEvent = {
  [Type in WebhookEventType]: { readonly type: Type; readonly data: WebhookEventData[Type] };
}[WebhookEventType];

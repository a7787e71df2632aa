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
  WebhookSubscribed: {
    subscriptionId: string;
    owner: string;
    url: string;
    filter: WebhookFilter;
    /** Deliveries start after this log position: the head when it was registered. */
    startAfter: string;
    subscribedAt: string;
  };
  WebhookSecretRotated: { generation: number; previousValidUntil: string; rotatedAt: string };
  WebhookLeaseAcquired: { holder: string; until: string };
  WebhookLeaseReleased: { holder: string };
  WebhookDelivered: Delivery & { status: number; deliveredAt: string; holder: string; leaseUntil: string };
  WebhookDeliveryAttemptFailed: Delivery & { error: string; failedAt: string; holder: string; leaseUntil: string };
  WebhookPaused: { deliveryId: string; reason: string; pausedAt: string };
  WebhookResumed: { deliveryId: string; resumedAt: string; by: string };
  WebhookUnsubscribed: { unsubscribedAt: string; by: string };
}

export interface Delivery {
  readonly deliveryId: string;
  readonly eventId: string;
  readonly treatyId: string;
  readonly position: string;
  readonly attempt: number;
}

export type WebhookEventType = keyof WebhookEventData;
export type WebhookEvent = {
  [Type in WebhookEventType]: { readonly type: Type; readonly data: WebhookEventData[Type] };
}[WebhookEventType];

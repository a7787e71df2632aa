import type { Logger } from '@nestjs/common';
import { v5 as uuidV5 } from 'uuid';
import type { WebhookSettings } from '../config/app-config';
import { turnIsAfter } from '../day-turns/date-came';
import { backoffMs } from './backoff';
import { deliveryTargetOf } from './delivery-target';
import type { Outcome, Outgoing } from './outgoing-delivery';
import { signedHeaders } from './standard-webhooks';
import { holdsLease, leasedElsewhere } from './webhook-lease';
import type { WebhookSecrets } from './webhook-secrets';
import { sendWebhook, type SendResult } from './webhook-sender';
import type { WebhookSubscription } from './webhook-subscription';
import type { WebhookSubscriptions } from './webhook-subscriptions.service';

/** What the dispatcher lends its deliveries: who it is as lease holder, and whether it is shutting down. */
export interface DeliveringReplica {
  readonly holder: string;
  readonly settings: WebhookSettings;
  readonly stopping: () => boolean;
  /** Wall-clock time: leases and signature timestamps are protocol time shared with other machines. */
  readonly now: () => number;
  readonly logger: Logger;
}

/**
 * Makes one delivery to a subscription until it is acknowledged or has to stop: under the replica's lease (taken or
 * renewed first), signed, POSTed, and its outcome recorded in the subscription's stream, expecting its revision. A
 * failed attempt is retried after a backoff; after the configured number of failures the subscription is paused.
 */
export class DeliveryAttempts {
  constructor(
    private readonly subscriptions: WebhookSubscriptions,
    private readonly secrets: WebhookSecrets,
    private readonly replica: DeliveringReplica,
  ) {}

  async deliver(id: string, outgoing: Outgoing): Promise<Outcome> {
    const { holder, settings, now } = this.replica;
    const { position, body, day } = outgoing;
    const deliveryId = uuidV5(outgoing.eventId, id);
    const delivery = {
      deliveryId,
      eventId: outgoing.eventId,
      treatyId: outgoing.treatyId,
      position: position.toString(),
      ...(day === undefined ? {} : { day }),
    };
    // Events are checkpointed by log position, days' changes by day and treaty.
    const acknowledged = (subscription: WebhookSubscription): boolean =>
      day === undefined
        ? position <= subscription.checkpoint
        : !turnIsAfter({ day, treatyId: outgoing.treatyId }, subscription.dayCheckpoint);
    while (!this.replica.stopping()) {
      const subscription = this.subscriptions.get(id);
      if (!subscription || subscription.deleted || subscription.paused) return 'stop';
      if (acknowledged(subscription)) return 'delivered';
      if (leasedElsewhere(subscription, holder, now())) return 'stop';
      if (!holdsLease(subscription, holder, now(), settings.leaseMs / 2)) {
        const until = new Date(now() + settings.leaseMs).toISOString();
        await this.subscriptions.append(id, [{ type: 'WebhookLeaseAcquired', data: { holder, until } }], holder);
        continue;
      }
      const attempt = subscription.failures + 1;
      const headers = signedHeaders(
        this.secrets.signingSecrets(subscription, now()),
        deliveryId,
        Math.floor(now() / 1000),
        body,
      );
      const result = await this.send(subscription, headers, body);
      const leaseUntil = new Date(now() + settings.leaseMs).toISOString();
      const at = new Date(now()).toISOString();
      if (result.ok) {
        const data = { ...delivery, attempt, status: result.status, deliveredAt: at, holder, leaseUntil };
        await this.acknowledge(
          id,
          acknowledged,
          day === undefined
            ? [{ type: 'WebhookDelivered', data }]
            : [{ type: 'WebhookDateCameDelivered', data: { ...data, day } }],
        );
        return 'delivered';
      }
      // Decided on the state this failure is appended to (the append's expected revision), not the state the
      // attempt was sent from: the attempt may have outlasted this replica's lease, and another replica may have
      // recorded attempts of its own meanwhile. The failures are counted over every replica's attempts, and the one
      // that records the last of them pauses, whoever holds the lease (a lease shorter than two timeouts would
      // otherwise let two replicas take turns failing for ever).
      const current = this.subscriptions.get(id);
      if (!current || current.deleted) return 'stop';
      // Another replica delivered it meanwhile: this attempt's failure is of a delivery no longer due.
      if (acknowledged(current)) return 'delivered';
      const failures = current.failures + 1;
      const pause = failures >= settings.maxFailures && !current.paused;
      const recorded = await this.subscriptions.append(
        id,
        [
          {
            type: 'WebhookDeliveryAttemptFailed',
            data: { ...delivery, attempt: failures, error: result.error, failedAt: at, holder, leaseUntil },
          },
          ...(pause
            ? [
                {
                  type: 'WebhookPaused' as const,
                  data: { deliveryId, reason: `${failures} failed attempts, the last: ${result.error}`, pausedAt: at },
                },
              ]
            : []),
        ],
        holder,
      );
      if (!recorded) continue;
      if (pause) return 'stop';
      await this.subscriptions.changed(id, backoffMs(failures, settings.retryBaseMs));
    }
    return 'stop';
  }

  /**
   * Records an acknowledged delivery. A conflict means the stream moved (a rotation, a resumption, another replica):
   * the acknowledgement is recorded again on the new state, unless the checkpoint has already passed it.
   */
  private async acknowledge(
    id: string,
    acknowledged: (subscription: WebhookSubscription) => boolean,
    events: Parameters<WebhookSubscriptions['append']>[1],
  ) {
    for (let attempt = 0; attempt < 10; attempt++) {
      const subscription = this.subscriptions.get(id);
      if (!subscription || subscription.deleted || acknowledged(subscription)) return;
      if (await this.subscriptions.append(id, events, this.replica.holder)) return;
    }
    this.replica.logger.warn(`Webhook ${id}: could not record a delivery; it may be delivered again`);
  }

  /**
   * POSTs a delivery to the subscription's URL whole, opened from the log's sealed copy (decision 0097). One that this
   * service's signing key does not open (the key replaced) is never posted anywhere, least of all to the origin the
   * log keeps in clear: the attempt fails, saying why, and is retried and paused as any failed attempt (decision 0107).
   */
  private send(subscription: WebhookSubscription, headers: Record<string, string>, body: string): Promise<SendResult> {
    const target = deliveryTargetOf(subscription, this.secrets);
    if (target.kind === 'unreadable') return Promise.resolve({ ok: false, error: target.reason });
    return sendWebhook(target.url, headers, body, {
      timeoutMs: this.replica.settings.timeoutMs,
      allowPrivate: this.replica.settings.allowPrivateTargets,
    });
  }
}

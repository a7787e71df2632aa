import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, lastEventPosition, type EventStore } from '@timeline/event-store';
import type { Principal } from '../auth/api-keys';
import { CLOCK, latestDateOnEarth, type Clock } from '../clock';
import { APP_CONFIG, DEFAULT_WEBHOOK_SETTINGS, type AppConfig, type WebhookSettings } from '../config/app-config';
import { ApiProblem } from '../problems/api-problem';
import { deliveryRecordsOf } from './delivery-records';
import { changeSubscription, visibleSubscription } from './subscription-access';
import { redactedUrl } from './subscription-url';
import { refuseTarget, type Resolver } from './target-address';
import type { IfMatch } from './webhook-if-match';
import { refuseBeyondDailyRegistrations, refuseBeyondHeldSubscriptions } from './webhook-limits';
import { WEBHOOK_RESOLVER } from './webhook-resolver';
import { WebhookSecrets } from './webhook-secrets';
import { subscriptionView } from './webhook-subscription-view';
import { WebhookSubscriptions } from './webhook-subscriptions.service';
import type { WebhookEvent, WebhookFilter } from './webhook.events';

// Also exported from here, where it was first defined: the webhooks benchmark imports it from this file.
export { MAX_WEBHOOKS_PER_KEY } from './webhook-limits';

const HISTORY_EVENTS = 1000;
const DEFAULT_OVERLAP_SECONDS = 86_400;

/** The webhook API: any key manages its own subscriptions; an auditor sees everyone's, their URLs redacted. */
@Injectable()
export class Webhooks {
  private readonly settings: WebhookSettings;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(WEBHOOK_RESOLVER) private readonly resolver: Resolver,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly secrets: WebhookSecrets,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.settings = config.webhooks ?? DEFAULT_WEBHOOK_SETTINGS;
  }

  async register(principal: Principal, url: string, filter: WebhookFilter = {}) {
    if (!this.secrets.available) {
      throw new ApiProblem(
        503,
        'WEBHOOKS_UNAVAILABLE',
        `Webhooks need a signing key: ${this.secrets.unavailableReason}`,
      );
    }
    const refusal = await refuseTarget(url, { allowPrivate: this.settings.allowPrivateTargets }, this.resolver);
    if (refusal) throw new ApiProblem(422, refusal.code, refusal.detail, { field: 'url' });
    await this.subscriptions.ready;
    refuseBeyondHeldSubscriptions(this.subscriptions.all(), principal);
    refuseBeyondDailyRegistrations(this.subscriptions.all(), principal, Date.now());
    const id = randomUUID();
    const subscribedAt = new Date().toISOString();
    const cleanFilter = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
    await this.subscriptions.append(
      id,
      [
        {
          type: 'WebhookSubscribedSealed',
          data: {
            subscriptionId: id,
            owner: principal.keyId,
            // Its origin in clear, for audits of where data goes; whole only sealed: the log and its exports are read
            // whole by auditors, and a receiver's token often travels in the path or query (decision 0097).
            urlRedacted: redactedUrl(url),
            sealedUrl: this.secrets.sealUrl(id, url),
            filter: cleanFilter,
            startAfter: (await this.head()).toString(),
            // The present's day by the service's clock: the days that come after it are delivered.
            startAfterDay: latestDateOnEarth(this.clock()),
            subscribedAt,
          },
        },
      ],
      principal.keyId,
    );
    return {
      ...subscriptionView(this.subscriptions.get(id)!, principal, this.secrets),
      secret: this.secrets.secret(id, 1),
    };
  }

  async list(principal: Principal) {
    await this.subscriptions.ready;
    const visible = this.subscriptions
      .all()
      .filter(
        (subscription) =>
          !subscription.deleted && (principal.role === 'auditor' || subscription.owner === principal.keyId),
      );
    return { items: visible.map((subscription) => subscriptionView(subscription, principal, this.secrets)) };
  }

  async get(principal: Principal, id: string) {
    return subscriptionView(await visibleSubscription(this.subscriptions, principal, id), principal, this.secrets);
  }

  async unsubscribe(principal: Principal, id: string, ifMatch?: IfMatch): Promise<void> {
    await changeSubscription(this.subscriptions, principal, id, ifMatch, () => [
      { type: 'WebhookUnsubscribed', data: { unsubscribedAt: new Date().toISOString(), by: principal.keyId } },
    ]);
  }

  async rotateSecret(principal: Principal, id: string, overlapSeconds = DEFAULT_OVERLAP_SECONDS, ifMatch?: IfMatch) {
    const previousValidUntil = new Date(Date.now() + overlapSeconds * 1000).toISOString();
    const rotated = await changeSubscription(this.subscriptions, principal, id, ifMatch, (subscription) => [
      {
        type: 'WebhookSecretRotated',
        data: {
          generation: subscription.secret.generation + 1,
          previousValidUntil,
          rotatedAt: new Date().toISOString(),
        },
      },
    ]);
    return {
      id,
      secret: this.secrets.secret(id, rotated.secret.generation),
      previousSecretValidUntil: previousValidUntil,
      revision: rotated.revision.toString(),
    };
  }

  /** The subscription's deliveries, newest first, from its stream: acknowledged, failing, and failed (paused). */
  async deliveries(principal: Principal, id: string) {
    const subscription = await visibleSubscription(this.subscriptions, principal, id);
    const events: WebhookEvent[] = [];
    for await (const event of this.subscriptions.history(id, HISTORY_EVENTS))
      events.push(event as unknown as WebhookEvent);
    return { paused: subscription.paused, items: deliveryRecordsOf(events.reverse(), subscription.paused) };
  }

  /** Redelivers a failed delivery: resumes the paused subscription from it, in order, with a fresh count of attempts. */
  async retry(principal: Principal, id: string, deliveryId: string, ifMatch?: IfMatch) {
    const subscription = await visibleSubscription(this.subscriptions, principal, id);
    if (subscription.paused?.deliveryId !== deliveryId) {
      const known = (await this.deliveries(principal, id)).items.some((item) => item.deliveryId === deliveryId);
      if (!known) throw new ApiProblem(404, 'DELIVERY_NOT_FOUND', `Subscription ${id} has no delivery ${deliveryId}`);
      throw new ApiProblem(409, 'DELIVERY_NOT_FAILED', `Delivery ${deliveryId} has not failed: nothing to retry`);
    }
    const resumed = await changeSubscription(this.subscriptions, principal, id, ifMatch, (current) => {
      if (current.paused?.deliveryId !== deliveryId) {
        throw new ApiProblem(409, 'DELIVERY_NOT_FAILED', `Delivery ${deliveryId} is no longer failed`);
      }
      return [
        { type: 'WebhookResumed', data: { deliveryId, resumedAt: new Date().toISOString(), by: principal.keyId } },
      ];
    });
    return { id, deliveryId, status: 'scheduled', revision: resumed.revision.toString() };
  }

  private async head(): Promise<bigint> {
    return (await lastEventPosition(this.store)) ?? -1n;
  }
}

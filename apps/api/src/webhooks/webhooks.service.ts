import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, lastEventPosition, type EventStore } from '@timeline/event-store';
import type { Principal } from '../auth/api-keys';
import { CLOCK, latestDateOnEarth, type Clock } from '../clock';
import { APP_CONFIG, DEFAULT_WEBHOOK_SETTINGS, type AppConfig, type WebhookSettings } from '../config/app-config';
import { ApiProblem } from '../problems/api-problem';
import type { Revisions } from '../treaties/application/write-request';
import { redactedUrl } from './subscription-url';
import { refuseTarget, systemResolver, type Resolver } from './target-address';
import { refuseStaleIfMatch } from './webhook-if-match';
import { WebhookSecrets } from './webhook-secrets';
import type { WebhookSubscription } from './webhook-subscription';
import { subscriptionView } from './webhook-subscription-view';
import { WebhookSubscriptions } from './webhook-subscriptions.service';
import type { WebhookEvent, WebhookFilter } from './webhook.events';

/** Overridable in tests that check the address rules with names that resolve to chosen addresses. */
export const WEBHOOK_RESOLVER = Symbol('WEBHOOK_RESOLVER');

const HISTORY_EVENTS = 1000;
/**
 * Subscriptions one key may hold at once. Each one POSTs every update to a URL of the caller's choosing: without a
 * bound, any key (a reader's too) could make one write fan out into thousands of requests at a third party's server.
 */
export const MAX_WEBHOOKS_PER_KEY = 25;
/**
 * Subscriptions one key may register in any 24 hours, those deleted since included. A subscription is a stream of
 * its own in the log, kept for good: with only the bound on those held at once, a key that registers and deletes in
 * a loop (a reader's too) would add two events to the log for every round, about 600 a minute, for ever.
 */
export const MAX_WEBHOOK_REGISTRATIONS_PER_DAY = 100;
const DAY_MS = 86_400_000;
const DEFAULT_OVERLAP_SECONDS = 86_400;

/** A write's If-Match, as the treaty routes parse it: the revisions its tags name, or `*`; undefined without one. */
export type IfMatch = Revisions | '*' | undefined;

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
    const held = this.subscriptions
      .all()
      .filter((subscription) => !subscription.deleted && subscription.owner === principal.keyId).length;
    if (held >= MAX_WEBHOOKS_PER_KEY) {
      throw new ApiProblem(
        409,
        'TOO_MANY_WEBHOOKS',
        `This key holds ${held} webhook subscriptions, the most one key may: delete one before adding another`,
        { maxPerKey: MAX_WEBHOOKS_PER_KEY },
      );
    }
    this.refuseBeyondDailyRegistrations(principal);
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

  /** `429 TOO_MANY_WEBHOOK_REGISTRATIONS` once the key has registered its day's worth, deleted ones included. */
  private refuseBeyondDailyRegistrations(principal: Principal): void {
    // Real time, as `subscribedAt` is: the service's clock is the present's day for treaties, which tests may fix.
    const now = Date.now();
    const registeredToday = this.subscriptions
      .all()
      .filter((subscription) => subscription.owner === principal.keyId)
      .map((subscription) => Date.parse(subscription.subscribedAt))
      .filter((at) => at > now - DAY_MS)
      .sort((a, b) => a - b);
    if (registeredToday.length < MAX_WEBHOOK_REGISTRATIONS_PER_DAY) return;
    // The day's window moves on when the earliest registration in it leaves it.
    const retryAfterSeconds = Math.max(1, Math.ceil((registeredToday[0]! + DAY_MS - now) / 1000));
    throw new ApiProblem(
      429,
      'TOO_MANY_WEBHOOK_REGISTRATIONS',
      `This key has registered ${registeredToday.length} webhook subscriptions in the last 24 hours, the most one ` +
        'key may, deleted ones included: each stays in the log for good',
      { maxPerDay: MAX_WEBHOOK_REGISTRATIONS_PER_DAY, retryAfterSeconds },
    );
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
    return subscriptionView(await this.visible(principal, id), principal, this.secrets);
  }

  async unsubscribe(principal: Principal, id: string, ifMatch?: IfMatch): Promise<void> {
    await this.change(principal, id, ifMatch, () => [
      { type: 'WebhookUnsubscribed', data: { unsubscribedAt: new Date().toISOString(), by: principal.keyId } },
    ]);
  }

  async rotateSecret(principal: Principal, id: string, overlapSeconds = DEFAULT_OVERLAP_SECONDS, ifMatch?: IfMatch) {
    const previousValidUntil = new Date(Date.now() + overlapSeconds * 1000).toISOString();
    const rotated = await this.change(principal, id, ifMatch, (subscription) => [
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
    const subscription = await this.visible(principal, id);
    const records = new Map<string, DeliveryRecord>();
    const events: WebhookEvent[] = [];
    for await (const event of this.subscriptions.history(id, HISTORY_EVENTS))
      events.push(event as unknown as WebhookEvent);
    for (const event of events.reverse()) {
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
              status: subscription.paused?.deliveryId === data.deliveryId ? 'failed' : 'retrying',
              attempts,
              lastAttemptAt: event.data.failedAt,
              lastError: event.data.error,
            },
      );
    }
    return { paused: subscription.paused, items: [...records.values()].reverse() };
  }

  /** Redelivers a failed delivery: resumes the paused subscription from it, in order, with a fresh count of attempts. */
  async retry(principal: Principal, id: string, deliveryId: string, ifMatch?: IfMatch) {
    const subscription = await this.visible(principal, id);
    if (subscription.paused?.deliveryId !== deliveryId) {
      const known = (await this.deliveries(principal, id)).items.some((item) => item.deliveryId === deliveryId);
      if (!known) throw new ApiProblem(404, 'DELIVERY_NOT_FOUND', `Subscription ${id} has no delivery ${deliveryId}`);
      throw new ApiProblem(409, 'DELIVERY_NOT_FAILED', `Delivery ${deliveryId} has not failed: nothing to retry`);
    }
    const resumed = await this.change(principal, id, ifMatch, (current) => {
      if (current.paused?.deliveryId !== deliveryId) {
        throw new ApiProblem(409, 'DELIVERY_NOT_FAILED', `Delivery ${deliveryId} is no longer failed`);
      }
      return [
        { type: 'WebhookResumed', data: { deliveryId, resumedAt: new Date().toISOString(), by: principal.keyId } },
      ];
    });
    return { id, deliveryId, status: 'scheduled', revision: resumed.revision.toString() };
  }

  /**
   * Appends what `decide` makes of the subscription, if its If-Match holds. The append expects the stream's revision
   * the decision was made on: when anything landed in between (another replica's rotation, or only the dispatcher's
   * checkpoint), it fails, and If-Match is judged again on what the stream now holds (decision 0091).
   */
  private async change(
    principal: Principal,
    id: string,
    ifMatch: IfMatch,
    decide: (subscription: WebhookSubscription) => WebhookEvent[],
  ): Promise<WebhookSubscription> {
    let refreshed = false;
    for (;;) {
      const subscription = await this.visible(principal, id);
      if (subscription.owner !== principal.keyId) {
        throw new ApiProblem(403, 'FORBIDDEN', 'Only the key that registered a webhook may change it');
      }
      try {
        refuseStaleIfMatch(subscription, ifMatch);
      } catch (stale) {
        // The tag may come from a read at another replica that this one has not caught up with yet.
        if (refreshed) throw stale;
        refreshed = true;
        await this.subscriptions.refresh(id);
        continue;
      }
      if (await this.subscriptions.append(id, decide(subscription), principal.keyId))
        return this.subscriptions.get(id)!;
    }
  }

  private async visible(principal: Principal, id: string): Promise<WebhookSubscription> {
    await this.subscriptions.ready;
    const subscription = this.subscriptions.get(id);
    if (
      !subscription ||
      subscription.deleted ||
      (principal.role !== 'auditor' && subscription.owner !== principal.keyId)
    ) {
      throw new ApiProblem(404, 'WEBHOOK_NOT_FOUND', `No webhook subscription ${id} of yours`);
    }
    return subscription;
  }

  private async head(): Promise<bigint> {
    return (await lastEventPosition(this.store)) ?? -1n;
  }
}

export const defaultResolver = { provide: WEBHOOK_RESOLVER, useValue: systemResolver };

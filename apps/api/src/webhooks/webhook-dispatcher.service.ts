import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Subscription as RxSubscription } from 'rxjs';
import { v5 as uuidV5 } from 'uuid';
import { AppendSignal, EVENT_STORE, type EventStore } from '@timeline/event-store';
import { TREATY_STREAM_PREFIX } from '@timeline/treaty';
import { CLOCK, latestDateOnEarth, type Clock } from '../clock';
import { APP_CONFIG, DEFAULT_WEBHOOK_SETTINGS, type AppConfig, type WebhookSettings } from '../config/app-config';
import { turnIsAfter } from '../day-turns/date-came';
import { dateCameMessage } from '../day-turns/date-came-message';
import { DayTurns } from '../day-turns/day-turns.service';
import { ReadModels } from '../read-models/read-models.service';
import { backoffMs } from './backoff';
import { matchesWebhookFilter, toCloudEvent, type TreatyEventContext } from './cloud-event';
import { deliveryTargetOf } from './delivery-target';
import { dateCameMatchesWebhookFilter, toDateCameCloudEvent } from './date-came-cloud-event';
import { signedHeaders } from './standard-webhooks';
import { deletionMatchesWebhookFilter, toTreatyDeletedCloudEvent, treatyDeletion } from './treaty-deleted-cloud-event';
import { TreatyEventContexts } from './treaty-event-contexts';
import { treatyOnDay } from './treaty-status-on-day';
import { WebhookSecrets } from './webhook-secrets';
import { sendWebhook, type SendResult } from './webhook-sender';
import type { WebhookSubscription } from './webhook-subscription';
import { WebhookSubscriptions } from './webhook-subscriptions.service';

type Outcome = 'delivered' | 'stop';

/**
 * One delivery to make: the CloudEvent's id, its treaty and log position, and the body sent; for a day's change of
 * status (decision 0039), its day, and the position of the treaty's last event then.
 */
interface Outgoing {
  readonly eventId: string;
  readonly treatyId: string;
  readonly position: bigint;
  readonly day?: string;
  readonly body: string;
}

/** How long an idle worker waits before looking again, should the shared tail miss an append (another process). */
const IDLE_POLL_MS = 5000;

/** How long the days' deliveries wait for the read model to reach what the worker has read of the log. */
const READ_MODEL_WAIT_MS = 2000;

/**
 * Delivers each subscription's treaty updates, one at a time and in log order (so in order per treaty), from its
 * checkpoint. A delivery is acknowledged by appending `WebhookDelivered` to the subscription's stream, expecting its
 * revision: that event is the checkpoint. A failed attempt is recorded too, then retried after a backoff; after the
 * configured number of failures the subscription is paused until its failed delivery is retried through the API.
 * Each replica runs this; the one that holds a subscription's lease (renewed by each of its deliveries) delivers it,
 * another takes over once the lease has lapsed, from the checkpoint.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** This process, as lease holder. */
  readonly holder = `replica-${randomUUID()}`;
  private readonly settings: WebhookSettings;
  private readonly workers = new Map<string, Promise<void>>();
  private readonly contexts: TreatyEventContexts;
  private readonly logger = new Logger('Webhooks');
  private watching: RxSubscription | undefined;
  private tail: Promise<void> | undefined;
  private readonly treatyEvents = new AppendSignal();
  /** Per subscription, the day through which every day's change has been delivered or passed over, by this replica. */
  private readonly daysDone = new Map<string, string>();
  private watchingDays: RxSubscription | undefined;
  private stopping = false;
  /** Wall-clock time: leases and signature timestamps are protocol time shared with other machines, not domain dates. */
  private readonly now = (): number => Date.now();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly secrets: WebhookSecrets,
    private readonly readModels: ReadModels,
    private readonly dayTurns: DayTurns,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.settings = config.webhooks ?? DEFAULT_WEBHOOK_SETTINGS;
    this.contexts = new TreatyEventContexts(store);
  }

  onApplicationBootstrap(): void {
    if (!this.secrets.available) return;
    this.tail = this.followTreatyEvents();
    // A new day wakes the idle workers, as an event does: it may change statuses with nothing appended.
    this.watchingDays = this.dayTurns.days.subscribe(() => this.treatyEvents.notify());
    void this.subscriptions.ready.then(() => {
      if (this.stopping) return;
      this.subscriptions.all().forEach((subscription) => this.ensureWorker(subscription.id));
      this.watching = this.subscriptions.changes.subscribe((id) => this.ensureWorker(id));
    });
  }

  /** Lets deliveries in flight finish and be acknowledged, then hands the leases back for another replica. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.watching?.unsubscribe();
    this.watchingDays?.unsubscribe();
    // Wakes every worker that waits for a change or a backoff.
    await this.subscriptions.beforeApplicationShutdown();
    await Promise.all([...this.workers.values(), this.tail]);
    for (const subscription of this.subscriptions.all()) {
      if (subscription.lease?.holder === this.holder && !subscription.deleted) {
        await this.subscriptions
          .append(subscription.id, [{ type: 'WebhookLeaseReleased', data: { holder: this.holder } }], this.holder)
          .catch(() => undefined);
      }
    }
  }

  /** One live subscription to the treaty events for every worker: each event it sees wakes the idle ones. */
  private async followTreatyEvents(): Promise<void> {
    try {
      for await (const message of this.store.subscribeToAll({
        fromPosition: 'end',
        filter: { on: 'stream-name', prefixes: [TREATY_STREAM_PREFIX] },
        signal: this.subscriptions.signal,
      })) {
        // A deletion wakes them too: it is delivered, and may be the only record appended for a while.
        if (message.kind !== 'caught-up') this.treatyEvents.notify();
      }
    } catch (error) {
      if (!this.subscriptions.signal.aborted) this.logger.error(`Following the treaty events failed: ${String(error)}`);
    }
  }

  private ensureWorker(id: string): void {
    if (this.stopping || this.workers.has(id)) return;
    const subscription = this.subscriptions.get(id);
    if (!subscription || subscription.deleted) return;
    const worker = this.run(id)
      .catch((error: unknown) => this.logger.error(`Webhook ${id} stopped: ${String(error)}`))
      .finally(() => {
        this.workers.delete(id);
        // Restart if it stopped on an error while the subscription is still wanted.
        if (!this.stopping && !this.subscriptions.get(id)?.deleted)
          setTimeout(() => this.ensureWorker(id), 1000).unref();
      });
    this.workers.set(id, worker);
  }

  private async run(id: string): Promise<void> {
    while (!this.stopping) {
      const subscription = this.subscriptions.get(id);
      if (!subscription || subscription.deleted) return;
      if (subscription.paused) {
        await this.subscriptions.changed(id, 60_000);
        continue;
      }
      if (this.leasedElsewhere(subscription)) {
        await this.subscriptions.changed(id, Math.max(10, subscription.lease!.until - this.now()));
        continue;
      }
      await this.follow(id, subscription.checkpoint);
    }
  }

  /**
   * Follows the treaty events after `checkpoint` until a delivery has to stop (paused, deleted, lease lost). It
   * reads up to the head, then waits for the shared tail to see a new treaty event: one live subscription for all
   * subscriptions, rather than one each woken by every append (each delivery is an append).
   */
  private async follow(id: string, checkpoint: bigint): Promise<void> {
    const abort = new AbortController();
    const signal = AbortSignal.any([abort.signal, this.subscriptions.signal]);
    const stopOnChange = this.subscriptions.changes.subscribe((changed) => {
      const state = this.subscriptions.get(changed);
      if (changed === id && (!state || state.deleted || state.paused || this.leasedElsewhere(state))) abort.abort();
    });
    let cursor = checkpoint;
    try {
      while (!this.stopping && !signal.aborted) {
        const seen = this.treatyEvents.current;
        for await (const message of this.store.subscribeToAll({
          fromPosition: cursor < 0n ? 'start' : cursor,
          filter: { on: 'stream-name', prefixes: [TREATY_STREAM_PREFIX] },
          signal,
        })) {
          if (this.stopping || signal.aborted) return;
          if (message.kind === 'caught-up') break;
          const subscription = this.subscriptions.get(id);
          if (!subscription) return;
          if (message.kind === 'stream-deleted') {
            // Its events before it were delivered (or passed over) already; the deletion itself is an update.
            const deletion = treatyDeletion(message);
            if (deletion && deletionMatchesWebhookFilter(deletion, subscription.filter)) {
              const cloudEvent = toTreatyDeletedCloudEvent(deletion);
              const outgoing = { ...deletion, eventId: cloudEvent.id, body: JSON.stringify(cloudEvent) };
              if ((await this.deliver(id, outgoing)) === 'stop') return;
            }
            cursor = message.position;
            continue;
          }
          const context = await this.contexts.of(message.event);
          if (context && matchesWebhookFilter(context, subscription.filter)) {
            if ((await this.deliver(id, treatyEventDelivery(context))) === 'stop') return;
          }
          cursor = message.event.position;
        }
        if (this.stopping || signal.aborted) return;
        // Caught up with the log: the days that have come since, after every event recorded before them.
        if ((await this.deliverDaysCome(id, cursor)) === 'stop') return;
        await this.treatyEvents.changedSince(seen, signal, IDLE_POLL_MS);
      }
    } finally {
      stopOnChange.unsubscribe();
      abort.abort();
    }
  }

  /**
   * Delivers the changes of status that the days after the subscription's day checkpoint bring, up to today, by
   * day then treaty (decision 0039). A treaty with an event recorded on or after the day is passed over: that
   * event's delivery already carried the status from that day (a delivery reads its status against the day it was
   * recorded), so the change is announced once, and never after an event that followed it. Read from the read
   * model (which treaties), folded from the store (what they say): the same on every replica and every attempt.
   */
  private async deliverDaysCome(id: string, cursor: bigint): Promise<Outcome> {
    const today = latestDateOnEarth(this.clock());
    const done = this.daysDone.get(id);
    if (done !== undefined && done >= today) return 'delivered';
    const mark = this.subscriptions.get(id)?.dayCheckpoint;
    if (!mark) return 'stop';
    // The read model must hold every treaty event delivered so far, or a change it has not stored yet would be
    // passed over for the day: if it lags (a start, a catch-up), look again at the next wake or poll.
    if (cursor >= 0n && !(await this.readModels.waitForPosition(cursor, READ_MODEL_WAIT_MS))) return 'delivered';
    // From the checkpoint's own day: a later treaty of that day may still be due.
    for (const turn of this.readModels.treaties.statusTurns(dayBefore(mark.day), today)) {
      if (!turnIsAfter(turn, mark)) continue;
      const treaty = await treatyOnDay(this.store, turn.treatyId, turn.day);
      if (!treaty || treaty.lastRecordedOn >= turn.day) continue;
      const message = dateCameMessage(turn, treaty.status);
      const subscription = this.subscriptions.get(id);
      if (!subscription || subscription.deleted) return 'stop';
      if (!dateCameMatchesWebhookFilter(message, subscription.filter)) continue;
      const cloudEvent = toDateCameCloudEvent(message);
      const { position: ownPosition } = treaty.status as { position?: unknown };
      const position = typeof ownPosition === 'string' ? BigInt(ownPosition) : -1n;
      const outgoing = { eventId: cloudEvent.id, treatyId: turn.treatyId, position, day: turn.day };
      if ((await this.deliver(id, { ...outgoing, body: JSON.stringify(cloudEvent) })) === 'stop') return 'stop';
    }
    this.daysDone.set(id, today);
    return 'delivered';
  }

  private async deliver(id: string, outgoing: Outgoing): Promise<Outcome> {
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
    while (!this.stopping) {
      const subscription = this.subscriptions.get(id);
      if (!subscription || subscription.deleted || subscription.paused) return 'stop';
      if (acknowledged(subscription)) return 'delivered';
      if (this.leasedElsewhere(subscription)) return 'stop';
      if (!this.holdsLease(subscription, this.settings.leaseMs / 2)) {
        const until = new Date(this.now() + this.settings.leaseMs).toISOString();
        await this.subscriptions.append(
          id,
          [{ type: 'WebhookLeaseAcquired', data: { holder: this.holder, until } }],
          this.holder,
        );
        continue;
      }
      const attempt = subscription.failures + 1;
      const headers = signedHeaders(
        this.secrets.signingSecrets(subscription, this.now()),
        deliveryId,
        Math.floor(this.now() / 1000),
        body,
      );
      const result = await this.send(subscription, headers, body);
      const leaseUntil = new Date(this.now() + this.settings.leaseMs).toISOString();
      const at = new Date(this.now()).toISOString();
      if (result.ok) {
        const data = { ...delivery, attempt, status: result.status, deliveredAt: at, holder: this.holder, leaseUntil };
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
      const pause = failures >= this.settings.maxFailures && !current.paused;
      const recorded = await this.subscriptions.append(
        id,
        [
          {
            type: 'WebhookDeliveryAttemptFailed',
            data: {
              ...delivery,
              attempt: failures,
              error: result.error,
              failedAt: at,
              holder: this.holder,
              leaseUntil,
            },
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
        this.holder,
      );
      if (!recorded) continue;
      if (pause) return 'stop';
      await this.subscriptions.changed(id, backoffMs(failures, this.settings.retryBaseMs));
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
      if (await this.subscriptions.append(id, events, this.holder)) return;
    }
    this.logger.warn(`Webhook ${id}: could not record a delivery; it may be delivered again`);
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
      timeoutMs: this.settings.timeoutMs,
      allowPrivate: this.settings.allowPrivateTargets,
    });
  }

  private holdsLease(subscription: WebhookSubscription, marginMs: number): boolean {
    return subscription.lease?.holder === this.holder && subscription.lease.until - this.now() > marginMs;
  }

  private leasedElsewhere(subscription: WebhookSubscription): boolean {
    return !!subscription.lease && subscription.lease.holder !== this.holder && subscription.lease.until > this.now();
  }
}

/** The day before `day` (`YYYY-MM-DD`). */
function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function treatyEventDelivery(context: TreatyEventContext): Outgoing {
  return {
    eventId: context.event.id,
    treatyId: context.treatyId,
    position: context.event.position,
    body: JSON.stringify(toCloudEvent(context)),
  };
}

import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Subscription as RxSubscription } from 'rxjs';
import { AppendSignal, EVENT_STORE, type EventStore } from '@timeline/event-store';
import { TREATY_STREAM_PREFIX } from '@timeline/treaty';
import { CLOCK, type Clock } from '../clock';
import { APP_CONFIG, DEFAULT_WEBHOOK_SETTINGS, type AppConfig, type WebhookSettings } from '../config/app-config';
import { DayTurns } from '../day-turns/day-turns.service';
import { ReadModels } from '../read-models/read-models.service';
import { matchesWebhookFilter } from './cloud-event';
import { DaysComeDeliveries } from './days-come-deliveries';
import { DeliveryAttempts } from './delivery-attempts';
import { treatyEventDelivery } from './outgoing-delivery';
import { deletionMatchesWebhookFilter, toTreatyDeletedCloudEvent, treatyDeletion } from './treaty-deleted-cloud-event';
import { TreatyEventContexts } from './treaty-event-contexts';
import { leasedElsewhere } from './webhook-lease';
import { WebhookSecrets } from './webhook-secrets';
import type { WebhookSubscription } from './webhook-subscription';
import { WebhookSubscriptions } from './webhook-subscriptions.service';

/** How long an idle worker waits before looking again, should the shared tail miss an append (another process). */
const IDLE_POLL_MS = 5000;

/**
 * Delivers each subscription's treaty updates, one at a time and in log order (so in order per treaty), from its
 * checkpoint. A delivery is acknowledged by appending `WebhookDelivered` to the subscription's stream, expecting its
 * revision: that event is the checkpoint. A failed attempt is recorded too, then retried after a backoff; after the
 * configured number of failures the subscription is paused until its failed delivery is retried through the API
 * (`DeliveryAttempts`). Each replica runs this; the one that holds a subscription's lease (renewed by each of its
 * deliveries) delivers it, another takes over once the lease has lapsed, from the checkpoint.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** This process, as lease holder. */
  readonly holder = `replica-${randomUUID()}`;
  private readonly settings: WebhookSettings;
  private readonly workers = new Map<string, Promise<void>>();
  private readonly contexts: TreatyEventContexts;
  private readonly attempts: DeliveryAttempts;
  private readonly daysCome: DaysComeDeliveries;
  private readonly logger = new Logger('Webhooks');
  private watching: RxSubscription | undefined;
  private tail: Promise<void> | undefined;
  private readonly treatyEvents = new AppendSignal();
  private watchingDays: RxSubscription | undefined;
  private stopping = false;
  /** Wall-clock time: leases and signature timestamps are protocol time shared with other machines, not domain dates. */
  private readonly now = (): number => Date.now();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly secrets: WebhookSecrets,
    readModels: ReadModels,
    private readonly dayTurns: DayTurns,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.settings = config.webhooks ?? DEFAULT_WEBHOOK_SETTINGS;
    this.contexts = new TreatyEventContexts(store);
    this.attempts = new DeliveryAttempts(subscriptions, secrets, {
      holder: this.holder,
      settings: this.settings,
      stopping: () => this.stopping,
      now: this.now,
      logger: this.logger,
    });
    this.daysCome = new DaysComeDeliveries(store, readModels, subscriptions, clock, (id, outgoing) =>
      this.attempts.deliver(id, outgoing),
    );
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
              if ((await this.attempts.deliver(id, outgoing)) === 'stop') return;
            }
            cursor = message.position;
            continue;
          }
          const context = await this.contexts.of(message.event);
          if (context && matchesWebhookFilter(context, subscription.filter)) {
            if ((await this.attempts.deliver(id, treatyEventDelivery(context))) === 'stop') return;
          }
          cursor = message.event.position;
        }
        if (this.stopping || signal.aborted) return;
        // Caught up with the log: the days that have come since, after every event recorded before them.
        if ((await this.daysCome.deliverUpToToday(id, cursor)) === 'stop') return;
        await this.treatyEvents.changedSince(seen, signal, IDLE_POLL_MS);
      }
    } finally {
      stopOnChange.unsubscribe();
      abort.abort();
    }
  }

  private leasedElsewhere(subscription: WebhookSubscription): boolean {
    return leasedElsewhere(subscription, this.holder, this.now());
  }
}

import type { EventStore } from '@timeline/event-store';
import { latestDateOnEarth, type Clock } from '../clock';
import { turnIsAfter } from '../day-turns/date-came';
import { dateCameMessage } from '../day-turns/date-came-message';
import type { ReadModels } from '../read-models/read-models.service';
import { dateCameMatchesWebhookFilter, toDateCameCloudEvent } from './date-came-cloud-event';
import type { Outcome, Outgoing } from './outgoing-delivery';
import { treatyOnDay } from './treaty-status-on-day';
import type { WebhookSubscriptions } from './webhook-subscriptions.service';

/** How long the days' deliveries wait for the read model to reach what the worker has read of the log. */
const READ_MODEL_WAIT_MS = 2000;

/**
 * The changes of status that the days bring with nothing written (decision 0039), delivered to each subscription after
 * the treaty events recorded before them. Remembers, per subscription, the day through which every day's change has
 * been delivered or passed over by this replica.
 */
export class DaysComeDeliveries {
  private readonly daysDone = new Map<string, string>();

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly clock: Clock,
    private readonly deliver: (id: string, outgoing: Outgoing) => Promise<Outcome>,
  ) {}

  /**
   * Delivers the changes of status that the days after the subscription's day checkpoint bring, up to today, by
   * day then treaty (decision 0039). A treaty with an event recorded on or after the day is passed over: that
   * event's delivery already carried the status from that day (a delivery reads its status against the day it was
   * recorded), so the change is announced once, and never after an event that followed it. Read from the read
   * model (which treaties), folded from the store (what they say): the same on every replica and every attempt.
   * `cursor`: the log position the subscription's worker has delivered up to.
   */
  async deliverUpToToday(id: string, cursor: bigint): Promise<Outcome> {
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
}

/** The day before `day` (`YYYY-MM-DD`). */
function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

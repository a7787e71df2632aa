import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Response } from 'express';
import type { Subscription } from 'rxjs';
import type { TreatyUpdate } from '@timeline/projections';
import { dateCameMessage } from '../day-turns/date-came-message';
import { DayTurns, type DayCame } from '../day-turns/day-turns.service';
import { ReadModels } from '../read-models/read-models.service';
import { filterKey, leaves, matches, mayHaveLeft, type LiveFilter } from './live-filter';
import {
  dateCameFrame,
  HEARTBEAT_FRAME,
  heartbeatFrame,
  leftFilterFrame,
  updateFrame,
  type SseFrame,
} from './sse-frame';
import { SseSubscriber, type SseLimits } from './sse-subscriber';

export interface LiveOptions extends SseLimits {
  readonly heartbeatMs: number;
}

export const LIVE_OPTIONS = Symbol('LIVE_OPTIONS');

const CATCH_UP_PAGE = 500;

interface SubscriberGroup {
  readonly filter: LiveFilter;
  readonly subscribers: Set<SseSubscriber>;
}

/**
 * The live feed's one subscription to the read models' updates, fanned out to every SSE stream. Streams are
 * grouped by filter: each update is matched once per group and serialised once (an `SseFrame`), and that same
 * buffer is written to every stream that receives it, so the work per subscriber is one socket write.
 *
 * A subscriber that comes back with the position it last saw first gets every treaty changed since (its current
 * status, once) from the read model, written as fast as its connection drains, then joins its group in the same
 * turn as it reads the last page: updates published meanwhile are in the read model already, so nothing is missed,
 * and positions only grow (each subscriber remembers which treaties it sent at its last one), so nothing is sent
 * twice.
 *
 * A stream filtered by status also gets the update that takes a treaty out of its filter, as `left-filter`, so
 * that its client drops the treaty; on a resume, every treaty changed since that does not match now (decision 0050).
 */
@Injectable()
export class LiveBroadcast implements OnModuleInit, OnModuleDestroy {
  private readonly groups = new Map<string, SubscriberGroup>();
  private readonly streams = new Set<SseSubscriber>();
  private updates: Subscription | undefined;
  private days: Subscription | undefined;
  private pending: TreatyUpdate[] = [];
  private heartbeat: NodeJS.Timeout | undefined;
  /** The position of the last update fanned out that was the last at its position: every update up to it is out. */
  private publishedThrough: bigint | undefined;

  constructor(
    private readonly readModels: ReadModels,
    @Inject(LIVE_OPTIONS) private readonly options: LiveOptions,
    private readonly dayTurns: DayTurns,
  ) {}

  onModuleInit(): void {
    this.updates = this.readModels.updates.subscribe({
      next: (update) => this.enqueue(update),
      complete: () => {
        this.publishPending();
        this.endAll();
      },
    });
    this.days = this.dayTurns.days.subscribe((came) => this.announce(came));
    this.heartbeat = setInterval(() => this.beat(), this.options.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Ends every stream before the server closes: clients reconnect, to this replica or another, with Last-Event-ID. */
  onModuleDestroy(): void {
    this.updates?.unsubscribe();
    this.days?.unsubscribe();
    clearInterval(this.heartbeat);
    this.publishPending();
    this.endAll();
  }

  /** Opens `response` as a stream of the updates `filter` selects: after `after` first, when the client resumes. */
  subscribe(response: Response, filter: LiveFilter, after: bigint | undefined): void {
    const subscriber = new SseSubscriber(response, this.options, after);
    this.streams.add(subscriber);
    response.once('close', () => this.leave(subscriber, filter));
    subscriber.start();
    if (after === undefined) this.join(subscriber, filter);
    else void this.catchUp(subscriber, filter, after);
  }

  /** How many streams are open, and in how many groups (for tests and metrics). */
  get size(): { streams: number; groups: number } {
    return { streams: this.streams.size, groups: this.groups.size };
  }

  /**
   * Updates are fanned out on the event loop's next turn, in the order they came: the projection publishes them in
   * the turn where the writer's append settles, and the writer's answer should not wait for thousands of sockets.
   */
  private enqueue(update: TreatyUpdate): void {
    this.pending.push(update);
    if (this.pending.length === 1) setImmediate(() => this.publishPending());
  }

  private publishPending(): void {
    const updates = this.pending;
    this.pending = [];
    for (const update of updates) this.publish(update);
  }

  private publish(update: TreatyUpdate): void {
    let frame: SseFrame | undefined;
    let leftFrame: SseFrame | undefined;
    for (const group of this.groups.values()) {
      let sent: SseFrame;
      if (matches(update, group.filter)) sent = frame ??= updateFrame(update);
      else if (leaves(update, group.filter)) sent = leftFrame ??= leftFilterFrame(update);
      else continue;
      for (const subscriber of group.subscribers) subscriber.sendUpdate(update, sent);
    }
    if (update.lastAtPosition) this.publishedThrough = update.position;
  }

  /**
   * A day has come: each treaty whose status it changes, to every stream that has joined a group its status then
   * matches (decision 0039), or whose filter by status it leaves (decision 0050). After the updates already queued,
   * which came before the day was seen. A stream still catching up misses it, as it would a message sent while it
   * was away: it reads today's status in its catch-up only if the treaty changed since, so a client that keeps
   * statuses refetches a treaty on its `nextChangeOn`.
   */
  private announce(came: DayCame): void {
    this.publishPending();
    for (const turn of came.turns) {
      const status = this.readModels.treaties.status(turn.treatyId, turn.day);
      if (status === undefined) continue;
      const candidate = { treatyId: turn.treatyId, deleted: false, status, previousStatus: turn.previousStatus };
      let frame: SseFrame | undefined;
      for (const group of this.groups.values()) {
        // A day that takes the treaty out of a filter by status goes to it too: its message says both statuses.
        if (!matches(candidate, group.filter) && !leaves(candidate, group.filter)) continue;
        frame ??= dateCameFrame(dateCameMessage(turn, status));
        for (const subscriber of group.subscribers) subscriber.send(frame);
      }
    }
  }

  /**
   * A heartbeat to every stream that has joined its group. A filtered stream may go long without an update of its
   * own, and so without an `id:`: one that has not had every position published so far gets a heartbeat that
   * carries the last (whatever it filtered out up to there was published to its group and passed over), so that a
   * client that reconnects resumes from there instead of reading again everything changed since its last update.
   */
  private beat(): void {
    const through = this.publishedThrough;
    let withId: SseFrame | undefined;
    this.everyone((subscriber) => {
      if (through === undefined || subscriber.lastSent >= through) return subscriber.send(HEARTBEAT_FRAME);
      subscriber.passTo(through);
      subscriber.send((withId ??= heartbeatFrame(through)));
    });
  }

  /** Sends what changed after `after`, the client's position, then joins the live group. */
  private async catchUp(subscriber: SseSubscriber, filter: LiveFilter, after: bigint): Promise<void> {
    const treaties = this.readModels.treaties;
    for (;;) {
      const page = this.readModels.treaties.changedAfter(subscriber.lastSent, CATCH_UP_PAGE);
      let waited = false;
      for (const update of page) {
        if (subscriber.full) {
          await subscriber.waitForDrain();
          waited = true;
        }
        if (!subscriber.open) return;
        if (matches(update, filter)) subscriber.sendUpdate(update, updateFrame(update));
        // Whether it showed under the filter at the client's position: its parties then, folded (decision 0059).
        else if (
          mayHaveLeft(
            update,
            filter,
            (treatyId) => treaties.partiesOnceNamed(treatyId),
            (treatyId) => treaties.partiesAt(treatyId, after),
          )
        ) {
          subscriber.sendUpdate(update, leftFilterFrame(update));
        } else subscriber.passOver(update);
      }
      // Join only in the turn that read the last page: after a wait, what was published meanwhile is read first.
      if (page.length < CATCH_UP_PAGE && !waited) return this.join(subscriber, filter);
    }
  }

  private join(subscriber: SseSubscriber, filter: LiveFilter): void {
    if (!subscriber.open) return;
    const key = filterKey(filter);
    const group = this.groups.get(key) ?? { filter, subscribers: new Set<SseSubscriber>() };
    this.groups.set(key, group);
    group.subscribers.add(subscriber);
  }

  private leave(subscriber: SseSubscriber, filter: LiveFilter): void {
    this.streams.delete(subscriber);
    const key = filterKey(filter);
    const group = this.groups.get(key);
    if (!group?.subscribers.delete(subscriber)) return;
    if (group.subscribers.size === 0) this.groups.delete(key);
  }

  private everyone(action: (subscriber: SseSubscriber) => void): void {
    for (const group of this.groups.values()) group.subscribers.forEach(action);
  }

  private endAll(): void {
    for (const subscriber of [...this.streams]) subscriber.end();
  }
}

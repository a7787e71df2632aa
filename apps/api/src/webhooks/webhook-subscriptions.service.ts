import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Subject, filter, firstValueFrom, race, timer } from 'rxjs';
import { integrityOf, sealEvent } from '@timeline/audit';
import {
  EVENT_STORE,
  lastEventPosition,
  newEventId,
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type EventStore,
  type JsonObject,
  type NewEvent,
  type RecordedEvent,
} from '@timeline/event-store';
import { wallClock } from '../clock';
import { evolveSubscription, type WebhookSubscription } from './webhook-subscription';
import { WEBHOOK_STREAM_PREFIX, webhookStreamName, type WebhookEvent } from './webhook.events';

/** How soon this replica sees what another appended to a subscription (its own appends it sees at once). */
const RESCAN_MS = 1000;

interface Tracked {
  readonly state: WebhookSubscription | undefined;
  readonly revision: bigint;
  readonly lastHash: string | null;
}

/**
 * Every webhook subscription's state, folded from its stream. The log is the truth: this process's own appends are
 * applied at once, and a catch-up subscription to the webhook streams brings in what other replicas append. An
 * append expects the stream's revision, so two replicas can never both record a step from the same state.
 */
@Injectable()
export class WebhookSubscriptions implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** The id of each subscription whose state changed. */
  readonly changes = new Subject<string>();
  private readonly tracked = new Map<string, Tracked>();
  private readonly stop = new AbortController();
  private readonly logger = new Logger('Webhooks');
  private following: Promise<void> | undefined;
  private caughtUp!: () => void;
  /** Resolves once every subscription stored when the service started has been read. */
  readonly ready = new Promise<void>((resolve) => (this.caughtUp = resolve));

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  onApplicationBootstrap(): void {
    this.following = this.follow();
  }

  /** Stops following the log and wakes everyone waiting for a change; appends still work until the store closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.following;
    this.changes.complete();
  }

  get signal(): AbortSignal {
    return this.stop.signal;
  }

  get(id: string): WebhookSubscription | undefined {
    return this.tracked.get(id)?.state;
  }

  all(): WebhookSubscription[] {
    return [...this.tracked.values()].flatMap((tracked) => (tracked.state ? [tracked.state] : []));
  }

  /** Resolves when the subscription changes, after `timeoutMs`, or when the service stops. */
  async changed(id: string, timeoutMs: number): Promise<void> {
    if (this.stop.signal.aborted) return;
    await firstValueFrom(race(this.changes.pipe(filter((changed) => changed === id)), timer(timeoutMs)), {
      defaultValue: undefined,
    });
  }

  /**
   * Appends events to a subscription's stream, expecting the revision this process last saw. On a conflict it
   * reads what it missed and answers false: the caller decides again from the new state.
   */
  async append(id: string, events: readonly WebhookEvent[], actor: string): Promise<boolean> {
    const streamName = webhookStreamName(id);
    const known = this.tracked.get(id);
    let revision = known ? known.revision : -1n;
    let previousHash = known?.lastHash ?? null;
    const sealedAt = wallClock();
    const sealed: NewEvent[] = events.map((event) => {
      revision += 1n;
      const next = sealEvent(
        {
          id: newEventId(),
          type: event.type,
          data: { ...event.data } as JsonObject,
          metadata: { actor, schemaVersion: 1 },
        },
        streamName,
        revision,
        previousHash,
        sealedAt,
      );
      previousHash = integrityOf({ metadata: next.metadata ?? {} })?.hash ?? null;
      return next;
    });
    try {
      const result = await this.store.appendToStream(streamName, sealed, {
        expectedRevision: known ? known.revision : NO_STREAM,
      });
      const first = result.nextExpectedRevision - BigInt(sealed.length) + 1n;
      sealed.forEach((event, index) =>
        this.apply({
          ...event,
          metadata: event.metadata ?? {},
          streamName,
          revision: first + BigInt(index),
          position: result.position,
          recordedAt: new Date(),
        }),
      );
      return true;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      await this.refresh(id);
      return false;
    }
  }

  /** Reads the events of a subscription's stream this process has not applied yet. */
  async refresh(id: string): Promise<void> {
    const known = this.tracked.get(id);
    try {
      for await (const event of this.store.readStream(webhookStreamName(id), {
        fromRevision: known ? known.revision + 1n : 'start',
      })) {
        this.apply(event);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
  }

  /** The stored events of a subscription, newest first: its delivery history. */
  async *history(id: string, maxCount: number): AsyncIterable<RecordedEvent> {
    yield* this.store.readStream(webhookStreamName(id), { direction: 'backwards', maxCount });
  }

  /**
   * Reads the webhook streams' events up to the head, then again every second from the head it last reached. A
   * live filtered subscription would read after every append, nearly always to find nothing: webhook events are
   * rare in a log of treaty events. (It once re-read the whole log since the last webhook event each time; the
   * embedded store's filtered reads now resume from the head they looked through.)
   */
  private async follow(): Promise<void> {
    let scannedUpTo: bigint | undefined;
    try {
      while (!this.stop.signal.aborted) {
        const head = await this.head();
        for await (const message of this.store.subscribeToAll({
          fromPosition: scannedUpTo ?? 'start',
          filter: { on: 'stream-name', prefixes: [WEBHOOK_STREAM_PREFIX] },
          signal: this.stop.signal,
        })) {
          if (message.kind === 'caught-up') break;
          // A webhook stream is never deleted but by an operator; its subscription then stays as last read.
          if (message.kind === 'stream-deleted') continue;
          if (!this.apply(message.event)) await this.refresh(idOf(message.event.streamName));
        }
        if (head !== undefined) scannedUpTo = head;
        this.caughtUp();
        await sleep(RESCAN_MS, this.stop.signal);
      }
    } catch (error) {
      if (!this.stop.signal.aborted) this.logger.error(`Following the webhook subscriptions failed: ${String(error)}`);
    } finally {
      this.caughtUp();
    }
  }

  private head(): Promise<bigint | undefined> {
    return lastEventPosition(this.store);
  }

  /** Folds one stored event in; false when it is not the next one (a gap to read), true otherwise. */
  private apply(event: RecordedEvent): boolean {
    const id = idOf(event.streamName);
    const known = this.tracked.get(id);
    const expected = known ? known.revision + 1n : 0n;
    if (event.revision < expected) return true;
    if (event.revision > expected) return false;
    this.tracked.set(id, {
      state: evolveSubscription(known?.state, event as unknown as WebhookEvent, event.revision),
      revision: event.revision,
      lastHash: integrityOf(event)?.hash ?? null,
    });
    this.changes.next(id);
    return true;
  }
}

const idOf = (streamName: string): string => streamName.slice(WEBHOOK_STREAM_PREFIX.length);

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

import type { Database } from 'better-sqlite3';
import {
  lastEventPosition,
  START,
  UnreadableEventError,
  type EventStore,
  type RecordedEvent,
  type StreamPartition,
  type SubscriptionMessage,
} from '@timeline/event-store';
import type { Projection } from './projection';
import { readCheckpoint, writeCheckpoint } from './read-model-database';

export type ProjectionStatus =
  | { readonly kind: 'starting' }
  | { readonly kind: 'catching-up' }
  | { readonly kind: 'live' }
  | { readonly kind: 'stopped'; readonly reason: StopReason }
  | { readonly kind: 'failed'; readonly event: FailedEvent | undefined; readonly error: string };

/**
 * Why a runner stopped. Only `subscription-ended` leaves part of the log unapplied before the end the runner was
 * given: the store's subscription returned before its `caught-up` marker and before `stopAfter` (a dropped
 * connection that an adapter did not resume, a store that lost its log).
 *
 * - `caught-up`: at the caught-up marker, with `stopWhenCaughtUp`;
 * - `reached-stop-after`: every entry up to `stopAfter` applied (the next lay past it, or the subscription ended
 *   right there);
 * - `requested`: `stop()` aborted the subscription;
 * - `subscription-ended`: the subscription ended on its own, before either end.
 */
export type StopReason = 'caught-up' | 'reached-stop-after' | 'requested' | 'subscription-ended';

/** What the runner applies, in log order: an event, or the deletion of a stream for good. */
type LogEntry = Exclude<SubscriptionMessage, { readonly kind: 'caught-up' }>;

export interface FailedEvent {
  readonly eventId: string;
  readonly streamName: string;
  readonly revision: string;
  readonly position: string;
  readonly type: string;
}

export interface ProjectionRunnerOptions<Update> {
  /** Events applied per transaction while catching up; live events are applied as they come. */
  readonly batchSize?: number;
  /** Called after each commit with what changed: the live feed. */
  readonly onCommitted?: (updates: readonly Update[]) => void;
  /** Called once the projection has caught up with the log, as it goes live (its status is already `live`). */
  readonly onCaughtUp?: () => void;
  readonly onFailed?: (status: Extract<ProjectionStatus, { kind: 'failed' }>) => void;
  /** Stop once caught up instead of following the log (rebuilds). */
  readonly stopWhenCaughtUp?: boolean;
  /**
   * Stop before the first entry past this position, everything up to it applied: a rebuild's parts all end where
   * the log ended when the rebuild began, whatever was appended since.
   */
  readonly stopAfter?: bigint;
  /** Only the streams of this part of the log (a rebuild's worker). */
  readonly partition?: StreamPartition;
}

/**
 * Feeds one projection from a catch-up subscription to the global log, starting after its checkpoint. Each batch
 * of events and the checkpoint that covers it are committed in one read-model transaction: after a crash the
 * projection resumes exactly after the last event it committed. An event the projection cannot apply stops it
 * there (status `failed`, naming the event); nothing after it is applied until the cause is fixed.
 */
export class ProjectionRunner<Update> {
  private currentStatus: ProjectionStatus = { kind: 'starting' };
  private appliedPosition: bigint | undefined;
  private furthestEventSeen: bigint | undefined;
  private readonly controller = new AbortController();
  private readonly waiters = new Set<() => void>();
  private running: Promise<void> | undefined;
  private readonly batchSize: number;
  /** Entries received and not yet applied: at most a batch, or what arrived in the current turn once live. */
  private pending: LogEntry[] = [];
  private commitScheduled = false;
  /** What made the runner fail, as thrown: what a rebuild reports it by (`ReplayStoppedError`). */
  private failure: unknown;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database,
    private readonly projection: Projection<Update>,
    private readonly options: ProjectionRunnerOptions<Update> = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    // Before setting up: a newer version's set-up may not run on an older version's tables (a column it indexes).
    const checkpoint = readCheckpoint(db, projection.name);
    if (checkpoint && checkpoint.version !== projection.version) {
      throw new Error(
        `Read model "${projection.name}" has version ${checkpoint.version}, this build expects ${projection.version}: ` +
          'rebuild it with `npm run projections:rebuild`',
      );
    }
    projection.setUp(db);
    this.appliedPosition = checkpoint?.position;
  }

  get status(): ProjectionStatus {
    return this.currentStatus;
  }

  /** The position of the last event applied, or undefined before the first. */
  get position(): bigint | undefined {
    return this.appliedPosition;
  }

  /**
   * The furthest position at which this runner has seen the log hold an event (those it applied, and the log's last
   * event when it started): with its position, what tells a log that lost events from one that ends with a
   * deletion (`checkpointPastTheLogEnd`).
   */
  get furthestEvent(): bigint | undefined {
    return this.furthestEventSeen;
  }

  get name(): string {
    return this.projection.name;
  }

  /** The error that made the runner fail (its status says it in words), undefined while it has not failed. */
  get failureCause(): unknown {
    return this.failure;
  }

  /** Starts following the log; resolves when the runner stops (aborted, failed, or caught up for a rebuild). */
  start(): Promise<void> {
    this.running ??= this.run();
    return this.running;
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.running;
  }

  /** Resolves true once the events up to `position` are applied, false if that takes longer than `timeoutMs`. */
  async waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.hasReached(position)) {
      const remaining = deadline - Date.now();
      if (remaining <= 0 || this.currentStatus.kind === 'failed') return this.hasReached(position);
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.min(remaining, 250));
        this.waiters.add(done);
      });
    }
    return true;
  }

  // A method, not an inline check: TypeScript would keep the narrowing from before the loop's awaits.
  private hasFailed(): boolean {
    return this.currentStatus.kind === 'failed';
  }

  private hasReached(position: bigint): boolean {
    return this.appliedPosition !== undefined && this.appliedPosition >= position;
  }

  /** A catch-up subscription ends only when aborted; one that ends otherwise was cut short by its store. */
  private whyTheSubscriptionEnded(): StopReason {
    if (this.controller.signal.aborted) return 'requested';
    const { stopAfter } = this.options;
    return stopAfter !== undefined && this.hasReached(stopAfter) ? 'reached-stop-after' : 'subscription-ended';
  }

  private async run(): Promise<void> {
    this.currentStatus = { kind: 'catching-up' };
    let live = false;
    let reason: StopReason | undefined;
    try {
      await this.refuseALogThatEndsBeforeTheCheckpoint();
      const subscription = this.store.subscribeToAll({
        fromPosition: this.appliedPosition ?? START,
        signal: this.controller.signal,
        ...(this.projection.filter ? { filter: this.projection.filter } : {}),
        ...(this.options.partition ? { partition: this.options.partition } : {}),
      });
      for await (const message of subscription) {
        if (message.kind === 'caught-up') {
          if (!this.commitPending()) return;
          live = true;
          this.currentStatus = { kind: 'live' };
          this.options.onCaughtUp?.();
          if (this.options.stopWhenCaughtUp) {
            reason = 'caught-up';
            break;
          }
          continue;
        }
        if (this.options.stopAfter !== undefined && positionOf(message) > this.options.stopAfter) {
          reason = 'reached-stop-after';
          break;
        }
        this.pending.push(message);
        if (this.pending.length >= this.batchSize) {
          if (!this.commitPending()) return;
          // Reading and applying need not wait on I/O (SQLite is synchronous), so a long catch-up, or a burst
          // of live events, would otherwise hold the event loop until it ends: no request, health check or
          // timer would run in the meantime. Let them in after every batch's worth of events.
          await yieldToEventLoop();
        } else if (live) {
          this.commitAtEndOfTurn();
        }
      }
      if (!this.hasFailed()) {
        this.commitPending();
        if (!this.hasFailed()) {
          this.currentStatus = { kind: 'stopped', reason: reason ?? this.whyTheSubscriptionEnded() };
        }
      }
    } catch (error) {
      if (!(error instanceof UnreadableEventError)) {
        this.fail(undefined, error);
      } else if (!this.hasFailed() && this.commitPending()) {
        // An event whose stored bytes cannot be read fails the read itself, not the projection: named all the same,
        // once the whole events read before it are committed, as they are before an event that cannot be applied
        // (a batch that fails names its own event).
        this.fail(unreadableEvent(error), error);
      }
    }
  }

  /**
   * A read model whose checkpoint is past the end of the log was not built from this log as it is: the log was
   * restored from a backup (or replaced) under a data directory that kept a newer read model. Followed from its
   * checkpoint, it would serve treaties as the lost events left them and pass over the next events written, which
   * take the positions it believes it has applied, and then look caught up: it stops here instead, saying why.
   * The log's end is read after the checkpoint, and only grows, so a read model of this log is never refused.
   */
  private async refuseALogThatEndsBeforeTheCheckpoint(): Promise<void> {
    if (this.appliedPosition === undefined) return;
    const end = await lastEventPosition(this.store);
    this.noteEvent(end);
    if (end !== undefined && end >= this.appliedPosition) return;
    if (await this.aDeletionReaches(this.appliedPosition, end)) return;
    throw new Error(
      `Read model "${this.projection.name}" has applied the log up to position ${this.appliedPosition}, but the log ` +
        `${end === undefined ? 'is empty' : `ends at ${end}`}: it was built from another log (a backup restored ` +
        'beside a newer read model?); rebuild it with `npm run projections:rebuild`',
    );
  }

  /**
   * A stream deleted for good is no event: reads of the log skip its record (an EventStoreDB tombstone), but the
   * subscription delivers it and the checkpoint moves past it. So a log whose last entry is a deletion ends, as
   * `lastEventPosition` sees it, before a checkpoint of this very log: what the subscription delivers after that
   * last event (deletions, a few at most) says whether the log reaches the checkpoint.
   */
  private async aDeletionReaches(checkpoint: bigint, lastEvent: bigint | undefined): Promise<boolean> {
    const controller = new AbortController();
    try {
      for await (const message of this.store.subscribeToAll({
        fromPosition: lastEvent ?? START,
        signal: controller.signal,
        ...(this.projection.filter ? { filter: this.projection.filter } : {}),
        ...(this.options.partition ? { partition: this.options.partition } : {}),
      })) {
        if (message.kind === 'caught-up') return false;
        if (positionOf(message) >= checkpoint) return true;
      }
      return false;
    } finally {
      controller.abort();
    }
  }

  /**
   * Live events that arrive in one turn of the event loop (an append of many events, or the appends of
   * concurrent requests committed together) are applied in one read-model transaction at the end of that turn,
   * not in one each: a transaction, its checkpoint and its commit cost more than applying an event.
   */
  private commitAtEndOfTurn(): void {
    if (this.commitScheduled) return;
    this.commitScheduled = true;
    setImmediate(() => {
      this.commitScheduled = false;
      if (!this.hasFailed()) this.commitPending();
    });
  }

  private commitPending(): boolean {
    const batch = this.pending;
    this.pending = [];
    return this.commit(batch);
  }

  /** Commits a batch; on failure retries its events one by one, to commit those before the bad one and name it. */
  private commit(batch: readonly LogEntry[]): boolean {
    if (batch.length === 0) return true;
    try {
      this.applyInTransaction(batch);
      return true;
    } catch (batchError) {
      if (batch.length === 1) {
        this.fail(failedEntry(batch[0]!), batchError);
        return false;
      }
      for (const event of batch) {
        try {
          this.applyInTransaction([event]);
        } catch (error) {
          this.fail(failedEntry(event), error);
          return false;
        }
      }
      return true;
    }
  }

  private applyInTransaction(entries: readonly LogEntry[]): void {
    const position = positionOf(entries[entries.length - 1]!);
    const updates = this.db.transaction(() => {
      const changed = this.applyInOrder(entries);
      writeCheckpoint(this.db, this.projection.name, this.projection.version, position);
      return changed;
    })();
    this.appliedPosition = position;
    this.noteEvent(entries.findLast((entry) => entry.kind === 'event')?.event.position);
    for (const wake of [...this.waiters]) wake();
    this.waiters.clear();
    this.options.onCommitted?.(updates);
  }

  /** The events between deletions in batches, each deletion on its own, in log order. */
  private applyInOrder(entries: readonly LogEntry[]): Update[] {
    const changed: Update[] = [];
    let events: RecordedEvent[] = [];
    const applyEvents = (): void => {
      if (events.length > 0) changed.push(...this.projection.apply(this.db, events));
      events = [];
    };
    for (const entry of entries) {
      if (entry.kind === 'event') {
        events.push(entry.event);
        continue;
      }
      applyEvents();
      changed.push(...(this.projection.streamDeleted?.(this.db, entry) ?? []));
    }
    applyEvents();
    return changed;
  }

  private noteEvent(position: bigint | undefined): void {
    if (position !== undefined && (this.furthestEventSeen === undefined || position > this.furthestEventSeen)) {
      this.furthestEventSeen = position;
    }
  }

  private fail(event: FailedEvent | undefined, error: unknown): void {
    this.failure = error;
    const status = {
      kind: 'failed',
      event,
      error: error instanceof Error ? error.message : String(error),
    } as const;
    this.currentStatus = status;
    this.controller.abort();
    this.options.onFailed?.(status);
  }
}

function positionOf(entry: LogEntry): bigint {
  return entry.kind === 'event' ? entry.event.position : entry.position;
}

/** A deletion has no event id nor revision of ours: it is named by its stream and position. */
function failedEntry(entry: LogEntry): FailedEvent {
  if (entry.kind === 'stream-deleted') {
    const { streamName, position } = entry;
    return { eventId: '', streamName, revision: '', position: position.toString(), type: '$streamDeleted' };
  }
  const { event } = entry;
  return {
    eventId: event.id,
    streamName: event.streamName,
    revision: event.revision.toString(),
    position: event.position.toString(),
    type: event.type,
  };
}

function unreadableEvent(error: UnreadableEventError): FailedEvent {
  return {
    eventId: error.eventId,
    streamName: error.streamName,
    revision: error.revision.toString(),
    position: error.position.toString(),
    type: error.eventType ?? '',
  };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

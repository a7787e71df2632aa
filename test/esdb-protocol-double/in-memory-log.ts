import { randomUUID } from 'node:crypto';
import { checkCommit, type CommittedEvents } from './commit-check';
import type { ExpectedRevision, ProposedEvent, StoredEvent } from './stored-event';

export type AppendOutcome =
  /**
   * `position` is the last event's; an append of no events has none. `committed` resolves once a written append
   * is replicated and committed (undefined: committed already): the server acknowledges it then, not before.
   */
  | {
      readonly kind: 'written' | 'idempotent';
      readonly lastRevision: bigint;
      readonly position?: bigint;
      readonly committed?: Promise<void>;
    }
  /**
   * A copy of an append that is written but not yet committed (IndexWriter's IdempotentNotReady): the server drops
   * it without an answer, so the client's request ends in a commit timeout.
   */
  | { readonly kind: 'idempotent-not-ready' }
  | { readonly kind: 'wrong-expected-version'; readonly currentRevision: bigint }
  /** The stream was deleted for good (tombstoned): no append reaches it again. */
  | { readonly kind: 'stream-deleted' };

/**
 * Positions are byte offsets of records in the real transaction file, so they grow by each record's size and a
 * client must never treat them as counters. The double sizes a record as this fixed overhead plus its variable
 * parts, close enough to real records to keep positions sparse and increasing.
 */
const RECORD_OVERHEAD_BYTES = 90n;
/** A real log starts with the epoch record, which is not an event: no event is ever at position 0. */
const FIRST_EVENT_POSITION = 128n;
const TICKS_PER_MILLISECOND = 10_000n;

/**
 * The stored log of the double: every event in commit order ($all), indexed by stream and by id. It is its own
 * object, apart from any gRPC server, so that several servers can later share one log as the nodes of a cluster
 * share one replicated log. Commits are synchronous, hence atomic: readers never see half an append.
 *
 * With a {@link replicationDelayMs}, an append is first written (its revisions and positions taken, so that the
 * next append's check sees it, as the server's writer does) and committed that much later: only then do reads,
 * subscriptions and the writer's answer see it. A copy of it that arrives in between is IdempotentNotReady.
 */
export class InMemoryLog implements CommittedEvents {
  readonly #events: StoredEvent[] = [];
  readonly #streams = new Map<string, StoredEvent[]>();
  readonly #eventsById = new Map<string, StoredEvent>();
  /** Written and not yet committed, in log order: seen by append checks only. */
  readonly #uncommitted: StoredEvent[] = [];
  readonly #appendWaiters = new Set<() => void>();
  /** Streams deleted for good: their events stay in $all (until a scavenge), but the stream answers no more. */
  readonly #tombstoned = new Set<string>();
  #nextPosition = FIRST_EVENT_POSITION;
  /** How long a written append takes to be replicated to a quorum and committed; 0: at once. */
  replicationDelayMs = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Every event, in commit order. The array only grows, so an index into it is a stable cursor. */
  get events(): readonly StoredEvent[] {
    return this.#events;
  }

  /** Whether an event with this id is written, committed or not yet (a test's way to know an append arrived). */
  holds(id: string): boolean {
    return this.#eventsById.has(id) || this.#uncommitted.some((event) => event.id === id);
  }

  /** The stream's events by revision: index = revision. Only grows, like {@link events}. */
  streamEvents(streamName: string): readonly StoredEvent[] {
    return this.#streams.get(streamName) ?? [];
  }

  lastRevision(streamName: string): bigint {
    const pending = this.#uncommitted.findLast((event) => event.streamName === streamName);
    return pending ? pending.revision : BigInt(this.streamEvents(streamName).length) - 1n;
  }

  eventAt(streamName: string, revision: bigint): StoredEvent | undefined {
    if (revision < 0n) return undefined;
    return (
      this.streamEvents(streamName)[Number(revision)] ??
      this.#uncommitted.find((event) => event.streamName === streamName && event.revision === revision)
    );
  }

  eventWithId(id: string): StoredEvent | undefined {
    return this.#eventsById.get(id) ?? this.#uncommitted.find((event) => event.id === id);
  }

  /**
   * Deletes the stream for good, as an operator's hard delete (Streams.Tombstone) does; this service never does.
   * The server writes a `$streamDeleted` record without data in the deleted stream itself, which $all readers
   * (and a subscription filtered on that stream's prefix) see; the stream's own reads and appends then fail with
   * StreamDeleted. The server numbers that record with the largest revision; here it takes the stream's next one.
   */
  tombstone(streamName: string): void {
    this.#write(streamName, this.lastRevision(streamName), [
      {
        id: randomUUID(),
        type: '$streamDeleted',
        isJson: false,
        data: new Uint8Array(),
        customMetadata: new Uint8Array(),
      },
    ]);
    this.#tombstoned.add(streamName);
  }

  isTombstoned(streamName: string): boolean {
    return this.#tombstoned.has(streamName);
  }

  append(streamName: string, expected: ExpectedRevision, proposed: readonly ProposedEvent[]): AppendOutcome {
    if (this.#tombstoned.has(streamName)) return { kind: 'stream-deleted' };
    const decision = checkCommit(
      this,
      streamName,
      expected,
      proposed.map((event) => event.id),
    );
    switch (decision.kind) {
      case 'wrong-expected-version':
        return decision;
      case 'idempotent': {
        if (decision.lastRevision >= BigInt(this.streamEvents(streamName).length)) {
          return { kind: 'idempotent-not-ready' };
        }
        return {
          kind: 'idempotent',
          lastRevision: decision.lastRevision,
          position: this.eventAt(streamName, decision.lastRevision)?.position,
        };
      }
      case 'write':
        return this.#write(streamName, decision.currentRevision, proposed);
    }
  }

  /**
   * A copy of the committed log as it is now, as a backup taken now holds it: the same events at the same
   * positions. Restored (a cluster's `restoreBackup`), the log ends there again, and the next write takes the
   * positions that the events written after the backup had.
   */
  backup(): InMemoryLog {
    const copy = new InMemoryLog(this.now);
    copy.#commit(this.#events);
    const last = this.#events.at(-1);
    copy.#nextPosition = last ? last.position + recordSize(last) : FIRST_EVENT_POSITION;
    for (const stream of this.#tombstoned) if (copy.#streams.has(stream)) copy.#tombstoned.add(stream);
    return copy;
  }

  /** Resolves at the next append, or when the signal aborts. */
  nextAppend(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const wake = (): void => {
        this.#appendWaiters.delete(wake);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      this.#appendWaiters.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }

  #write(streamName: string, currentRevision: bigint, proposed: readonly ProposedEvent[]): AppendOutcome {
    if (proposed.length === 0) return { kind: 'written', lastRevision: currentRevision };
    const created = BigInt(this.now()) * TICKS_PER_MILLISECOND;
    const written: StoredEvent[] = [];
    let revision = currentRevision;
    for (const event of proposed) {
      revision += 1n;
      const stored = { ...event, streamName, revision, position: this.#nextPosition, created };
      this.#nextPosition += recordSize(stored);
      written.push(stored);
    }
    const last = written[written.length - 1]!;
    const outcome = { kind: 'written', lastRevision: last.revision, position: last.position } as const;
    if (this.replicationDelayMs <= 0 && this.#uncommitted.length === 0) {
      this.#commit(written);
      return outcome;
    }
    this.#uncommitted.push(...written);
    const committed = new Promise<void>((resolve) =>
      setTimeout(() => {
        // Commits happen in log order: everything written before this append is committed with it.
        this.#commit(this.#uncommitted.splice(0, this.#uncommitted.indexOf(last) + 1));
        resolve();
      }, this.replicationDelayMs),
    );
    return { ...outcome, committed };
  }

  #commit(events: readonly StoredEvent[]): void {
    if (events.length === 0) return;
    for (const stored of events) {
      const stream = this.#streams.get(stored.streamName) ?? [];
      this.#streams.set(stored.streamName, stream);
      this.#events.push(stored);
      stream.push(stored);
      if (!this.#eventsById.has(stored.id)) this.#eventsById.set(stored.id, stored);
    }
    for (const wake of [...this.#appendWaiters]) wake();
  }
}

function recordSize(event: StoredEvent): bigint {
  const text = Buffer.byteLength(event.streamName) + Buffer.byteLength(event.type);
  return RECORD_OVERHEAD_BYTES + BigInt(text + event.data.byteLength + event.customMetadata.byteLength);
}

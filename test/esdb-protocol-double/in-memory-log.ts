import { checkCommit, type CommittedEvents } from './commit-check';
import type { ExpectedRevision, ProposedEvent, StoredEvent } from './stored-event';

export type AppendOutcome =
  /** `position` is the last event's; an append of no events has none. */
  | { readonly kind: 'written' | 'idempotent'; readonly lastRevision: bigint; readonly position?: bigint }
  | { readonly kind: 'wrong-expected-version'; readonly currentRevision: bigint };

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
 * share one replicated log. Appends are synchronous, hence atomic: readers never see half an append.
 */
export class InMemoryLog implements CommittedEvents {
  readonly #events: StoredEvent[] = [];
  readonly #streams = new Map<string, StoredEvent[]>();
  readonly #eventsById = new Map<string, StoredEvent>();
  readonly #appendWaiters = new Set<() => void>();
  #nextPosition = FIRST_EVENT_POSITION;

  constructor(private readonly now: () => number = Date.now) {}

  /** Every event, in commit order. The array only grows, so an index into it is a stable cursor. */
  get events(): readonly StoredEvent[] {
    return this.#events;
  }

  /** The stream's events by revision: index = revision. Only grows, like {@link events}. */
  streamEvents(streamName: string): readonly StoredEvent[] {
    return this.#streams.get(streamName) ?? [];
  }

  lastRevision(streamName: string): bigint {
    return BigInt(this.streamEvents(streamName).length) - 1n;
  }

  eventAt(streamName: string, revision: bigint): StoredEvent | undefined {
    return revision < 0n ? undefined : this.streamEvents(streamName)[Number(revision)];
  }

  eventWithId(id: string): StoredEvent | undefined {
    return this.#eventsById.get(id);
  }

  append(streamName: string, expected: ExpectedRevision, proposed: readonly ProposedEvent[]): AppendOutcome {
    const decision = checkCommit(
      this,
      streamName,
      expected,
      proposed.map((event) => event.id),
    );
    switch (decision.kind) {
      case 'wrong-expected-version':
        return decision;
      case 'idempotent':
        return {
          kind: 'idempotent',
          lastRevision: decision.lastRevision,
          position: this.eventAt(streamName, decision.lastRevision)?.position,
        };
      case 'write':
        return this.#write(streamName, decision.currentRevision, proposed);
    }
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
    const stream = this.#streams.get(streamName) ?? [];
    this.#streams.set(streamName, stream);
    const created = BigInt(this.now()) * TICKS_PER_MILLISECOND;
    for (const event of proposed) {
      const stored = { ...event, streamName, revision: BigInt(stream.length), position: this.#nextPosition, created };
      this.#nextPosition += recordSize(stored);
      this.#events.push(stored);
      stream.push(stored);
      if (!this.#eventsById.has(stored.id)) this.#eventsById.set(stored.id, stored);
    }
    for (const wake of [...this.#appendWaiters]) wake();
    const last = stream[stream.length - 1]!;
    return { kind: 'written', lastRevision: last.revision, position: last.position };
  }
}

function recordSize(event: StoredEvent): bigint {
  const text = Buffer.byteLength(event.streamName) + Buffer.byteLength(event.type);
  return RECORD_OVERHEAD_BYTES + BigInt(text + event.data.byteLength + event.customMetadata.byteLength);
}

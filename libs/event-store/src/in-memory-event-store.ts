import { AppendSignal } from './append-signal';
import { assertValidAppend } from './append-validation';
import { InvalidPositionError, StreamNotFoundError, WrongExpectedRevisionError } from './errors';
import type { AppendResult, NewEvent, RecordedEvent } from './events';
import {
  END,
  START,
  type AppendOptions,
  type EventStore,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
  type SubscribeToStreamOptions,
  type Subscription,
} from './event-store.port';
import { ANY, NO_STREAM, expectationHolds, type CurrentRevision } from './expected-revision';
import { classifyAppend, type StoredEventRef } from './idempotency';
import { assertValidStreamPartition, eventInStreamPartition } from './stream-partition';
import { assertValidSubscriptionFilter, matchesFilter } from './subscription-filter';
import { tailSubscription } from './tail-subscription';

/**
 * The port held in memory, for unit tests. It keeps the same rules as the durable adapters (it passes the
 * same conformance suite) but forgets everything when the process ends.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, StoredEventRef>();
  private readonly appends = new AppendSignal();
  private closed = false;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    assertValidAppend(streamName, events);
    const decision = classifyAppend(
      streamName,
      events,
      events.map((event) => this.byId.get(event.id.toLowerCase())),
    );
    if (decision.kind === 'retry') return decision.result;

    const stream = this.streams.get(streamName) ?? [];
    const current: CurrentRevision = stream.length === 0 ? NO_STREAM : BigInt(stream.length - 1);
    const expected = options?.expectedRevision ?? ANY;
    if (!expectationHolds(expected, current)) throw new WrongExpectedRevisionError(streamName, expected, current);

    const recordedAt = this.clock();
    for (const event of events) {
      const recorded: RecordedEvent = {
        id: event.id.toLowerCase(),
        type: event.type,
        data: structuredClone(event.data),
        metadata: structuredClone(event.metadata ?? {}),
        streamName,
        revision: BigInt(stream.length),
        position: BigInt(this.log.length),
        recordedAt,
      };
      stream.push(recorded);
      this.log.push(recorded);
      this.byId.set(recorded.id, recorded);
    }
    this.streams.set(streamName, stream);
    this.appends.notify();
    const last = stream[stream.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async *readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const stream = this.streams.get(streamName);
    if (!stream) throw new StreamNotFoundError(streamName);
    yield* sliceOf(stream, options.fromRevision, options.direction, options.maxCount, 'inclusive');
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const from = options.fromPosition;
    // Positions here are the events' indexes: dense, so only a gap left by a future change could fail this.
    if (typeof from === 'bigint' && from < BigInt(this.log.length) && this.log[Number(from)]?.position !== from) {
      throw new InvalidPositionError(from);
    }
    yield* sliceOf(this.log, options.fromPosition, options.direction, options.maxCount, 'exclusive-backwards');
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    assertValidStreamPartition(options.partition);
    assertValidSubscriptionFilter(options.filter);
    const from = options.fromPosition === END ? BigInt(this.log.length - 1) : (options.fromPosition ?? START);
    return tailSubscription<bigint | typeof START>(
      {
        readPage: (after, limit) => {
          const start = after === START ? 0 : Number(after) + 1;
          const events: RecordedEvent[] = [];
          let index = start;
          for (; index < this.log.length && events.length < limit; index++) {
            const event = this.log[index]!;
            if (matchesFilter(event, options.filter) && eventInStreamPartition(event, options.partition)) {
              events.push(event);
            }
          }
          // Every event before `index` has been looked at, the ones the filter skipped included.
          return { events, lookedThrough: index > start ? BigInt(index - 1) : undefined };
        },
        cursorOf: (event) => event.position,
        appends: this.appends,
      },
      from,
      options.signal,
    );
  }

  subscribeToStream(streamName: string, options: SubscribeToStreamOptions = {}): Subscription {
    const length = this.streams.get(streamName)?.length ?? 0;
    const from = options.fromRevision === END ? BigInt(length - 1) : (options.fromRevision ?? START);
    return tailSubscription<bigint | typeof START>(
      {
        readPage: (after, limit) => {
          const start = after === START ? 0 : Number(after) + 1;
          return { events: (this.streams.get(streamName) ?? []).slice(start, start + limit) };
        },
        cursorOf: (event) => event.revision,
        appends: this.appends,
      },
      from,
      options.signal,
    );
  }

  async ping(): Promise<void> {
    if (this.closed) throw new Error('The in-memory event store is closed');
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

function sliceOf(
  events: readonly RecordedEvent[],
  from: bigint | typeof START | typeof END | undefined,
  direction: 'forwards' | 'backwards' = 'forwards',
  maxCount = Number.MAX_SAFE_INTEGER,
  backwardsFrom: 'inclusive' | 'exclusive-backwards',
): RecordedEvent[] {
  if (direction === 'forwards') {
    const start = from === undefined || from === START ? 0 : from === END ? events.length : Number(from);
    return events.slice(start, start + maxCount);
  }
  const last =
    from === undefined || from === END
      ? events.length - 1
      : from === START
        ? // A stream's start is its revision 0, which an inclusive read returns; nothing comes before the log's start.
          backwardsFrom === 'inclusive'
          ? 0
          : -1
        : Number(from) - (backwardsFrom === 'inclusive' ? 0 : 1);
  const end = Math.min(last, events.length - 1);
  return events.slice(Math.max(0, end - maxCount + 1), end + 1).reverse();
}

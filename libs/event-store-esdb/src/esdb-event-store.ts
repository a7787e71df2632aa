import { setTimeout as sleep } from 'node:timers/promises';
import {
  ANY as ESDB_ANY,
  END as ESDB_END,
  ErrorType,
  EventStoreDBClient,
  START as ESDB_START,
  eventTypeFilter,
  isCommandError,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type Position,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import {
  ANY,
  AppendTooLargeError,
  END,
  EventStoreUnavailableError,
  InvalidPositionError,
  NO_STREAM,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  assertValidAppend,
  assertValidStreamPartition,
  assertValidSubscriptionFilter,
  keepStreamPartition,
  classifyAppend,
  expectationHolds,
  type AppendOptions,
  type AppendResult,
  type CurrentRevision,
  type EventStore,
  type JsonObject,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoredEventRef,
  type StreamDeletedNotice,
  type SubscribeToAllOptions,
  type SubscribeToStreamOptions,
  type Subscription,
  type SubscriptionFilter,
} from '@timeline/event-store';
import { ClientRotation } from './client-rotation';
import { KnownStreamRevisions } from './known-stream-revisions';
import { LogBehindError } from './log-behind-error';
import { resumingSubscription, type DeliveredMessage, type ServerSubscription } from './resuming-subscription';
import { SeenLogPosition } from './seen-log-position';

export interface EsdbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false`, or a cluster: `esdb://node1:2113,node2:2113,node3:2113`. */
  readonly connectionString: string;
  /**
   * How many times an append reads the stream and tries again after losing a race (or finding that leadership
   * has moved), before it reports the conflict (or the store as unavailable).
   */
  readonly maxAppendAttempts?: number;
  /**
   * The server's append limits, when they are not its version's defaults. By default they follow the version the
   * server announces (ServerFeatures): 25.1 and later 16 MiB per event and 256 MiB per append, older 1 MiB per
   * append. An append over them is refused before it is sent; the server's own refusal is translated too.
   */
  readonly appendLimits?: AppendLimits;
  /**
   * How long `close` waits for the client to finish its calls before it lets go (default 5 s): a store that is
   * closing must not hold the service's shutdown up.
   */
  readonly closeTimeoutMs?: number;
  /**
   * How long a client replaced after a failure keeps serving the calls it has in flight before it is disposed
   * (default 30 s; it is disposed as soon as they end), and how many such clients are kept at most (default 8).
   */
  readonly replacedClientGraceMs?: number;
  readonly maxReplacedClients?: number;
  /**
   * Told, at most once a minute, when a node answers from a log that ends before what this store has seen (a
   * stranger at a seed's address, a follower far behind, a store restored from an older backup): the service logs
   * it as a warning, with what an operator does about it (decision 0058).
   */
  readonly onWarning?: (message: string) => void;
}

/** How often a node behind the log is reported at most. */
const WARNING_INTERVAL_MS = 60_000;
const BEHIND_THE_LOG_ADVICE =
  'If the store was restored from an older backup, this service cannot go on from what it has seen: stop it, ' +
  'rebuild its read models (npm run projections:rebuild) and start it again. Otherwise a node that is not the ' +
  'leader of this log answers (a stranger at a seed address, a follower behind): the adapter discovers the ' +
  'cluster again and retries.';

export interface AppendLimits {
  /** MaxAppendSize: the whole append, counted as the server counts it (data, metadata, type at 2 bytes a char). */
  readonly maxAppendSize: number;
  /** MaxAppendEventSize (25.1+): one event. */
  readonly maxAppendEventSize?: number;
}

const MiB = 1024 * 1024;
const LIMITS_SINCE_25_1: AppendLimits = { maxAppendSize: 256 * MiB, maxAppendEventSize: 16 * MiB };
const LIMITS_BEFORE_25_1: AppendLimits = { maxAppendSize: MiB };

const PAGE_SIZE = 512;

/**
 * The port on EventStoreDB / KurrentDB: the only file that talks to `@eventstore/db-client`.
 *
 * Idempotency: EventStoreDB only deduplicates a retry reliably when it expects an exact revision. So every
 * append reads the stream first, finds any of its ids there (a retry gets the original result back), checks
 * the caller's expectation against the revision it read, and then appends expecting exactly that revision.
 * A concurrent writer, or a racing copy of the same append, makes the server answer wrong-expected-version;
 * the append then re-reads, and either finds its own events (retry) or reports the real conflict.
 *
 * Clusters: that read and the append require the leader. A follower refuses them (NotLeader, nothing written)
 * and the client reconnects to the leader it names, so writes are decided on the leader's state and a replica
 * goes back to the leader when leadership moves, instead of staying on a follower that forwards its writes.
 * Failures of a failover (the node gone, an election, no node found) are EventStoreUnavailableError: retryable,
 * and safe to retry, since a retried append finds its own events. So is an answer from a node whose log ends before
 * what this store has already seen (see SeenLogPosition): a leader's "no such stream" is believed only once its log
 * is known to reach that far (decision 0051).
 *
 * Positions are commit positions, as decimal bigints; system events (`$`-prefixed) are never delivered, except that
 * a subscription reports an operator's tombstone of one of our streams (the server's `$streamDeleted` record in it)
 * as a stream-deleted notice.
 */
export class EsdbEventStore implements EventStore {
  /** The client, and those replaced after a failure while their calls run on (disposed when those end). */
  private readonly clients: ClientRotation<EventStoreDBClient>;
  private readonly maxAppendAttempts: number;
  private readonly seen = new SeenLogPosition();
  private readonly known = new KnownStreamRevisions();
  private lastWarnedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: EsdbEventStoreOptions) {
    this.clients = new ClientRotation({
      create: () => connect(options.connectionString),
      dispose: disposeClient,
      ...(options.replacedClientGraceMs !== undefined ? { graceMs: options.replacedClientGraceMs } : {}),
      ...(options.maxReplacedClients !== undefined ? { maxRetired: options.maxReplacedClients } : {}),
    });
    this.maxAppendAttempts = options.maxAppendAttempts ?? 5;
  }

  async appendToStream(
    streamName: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    assertValidAppend(streamName, events);
    const expected = options?.expectedRevision ?? ANY;
    for (let attempt = 1; ; attempt++) {
      // A follower refuses this read when leadership has moved (NotLeader), and the client follows it: read again.
      const state = await this.streamState(streamName).catch((error: unknown) => {
        if (isNotLeader(error) && attempt < this.maxAppendAttempts) return undefined;
        throw error;
      });
      if (!state) continue;
      const { current, stored } = state;
      const decision = classifyAppend(
        streamName,
        events,
        events.map((event) => stored.get(event.id.toLowerCase())),
      );
      if (decision.kind === 'retry') return decision.result;
      if (!expectationHolds(expected, current)) throw new WrongExpectedRevisionError(streamName, expected, current);
      const lease = this.clients.acquire();
      const client = lease.client;
      try {
        assertWithinLimits(streamName, events, await this.appendLimits(client));
        try {
          const result = await client.appendToStream(
            streamName,
            events.map((event) =>
              jsonEvent({
                id: event.id.toLowerCase(),
                type: event.type,
                data: event.data,
                metadata: event.metadata ?? {},
              }),
            ),
            { expectedRevision: current === NO_STREAM ? NO_STREAM : current, requiresLeader: true },
          );
          const position = positionOf(result.position);
          this.seen.note(position);
          this.known.note(streamName, result.nextExpectedRevision);
          return { nextExpectedRevision: result.nextExpectedRevision, position };
        } catch (error) {
          if (isDiscoveryFailure(error)) this.replaceClient(client);
          if (!(error instanceof Error) || !isCommandError(error)) throw translate(error, streamName);
          // Wrong expected version: someone wrote in between. Not leader: nothing was written by this append, and
          // the client has reconnected to the leader that the follower named. Either way, read again and decide
          // again: the read finds the events if they were written all the same (on BatchAppend, NotLeader fails
          // every append in flight on the connection, written or not).
          const retry = error.type === ErrorType.WRONG_EXPECTED_VERSION || error.type === ErrorType.NOT_LEADER;
          if (retry && attempt < this.maxAppendAttempts) {
            // The leader counts events its reads do not show yet: a write not yet committed (replicated to a
            // quorum). Reading again at once would find the same; give the commit a moment.
            if (isAheadOfRead(error, current)) await sleep(Math.min(25 * 2 ** (attempt - 1), 400));
            continue;
          }
          const tooLarge = appendTooLarge(error, streamName, events, await this.appendLimits(client));
          if (tooLarge) throw tooLarge;
          // A timeout (a racing copy the server dropped as IdempotentNotReady, a commit that missed its deadline) or
          // a connection lost mid-append may hide a stored append: when the leader has it, answer its result.
          if (mayHaveWritten(error)) {
            const stored = await this.storedResult(streamName, events);
            if (stored) return stored;
          }
          throw translate(error, streamName);
        }
      } finally {
        lease.release();
      }
    }
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    return options.requiresLeader
      ? this.readStreamOnLeader(streamName, options)
      : this.readStreamOn(streamName, options, false);
  }

  /**
   * A follower refuses the read when leadership has moved (NotLeader) and the client reconnects to the leader it
   * names: read again there, as long as nothing was returned yet.
   */
  private async *readStreamOnLeader(streamName: string, options: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    for (let attempt = 1; ; attempt++) {
      let returned = 0;
      try {
        for await (const event of this.readStreamOn(streamName, options, true)) {
          returned += 1;
          yield event;
        }
        return;
      } catch (error) {
        if (!isNotLeader(error) || returned > 0 || attempt >= this.maxAppendAttempts) throw error;
      }
    }
  }

  /** `requiresLeader`: a follower refuses the read (NotLeader), and the client reconnects to the leader. */
  private async *readStreamOn(
    streamName: string,
    options: ReadStreamOptions,
    requiresLeader: boolean,
  ): AsyncIterable<RecordedEvent> {
    const direction = options.direction ?? 'forwards';
    const fromRevision = options.fromRevision ?? (direction === 'forwards' ? START : END);
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    // What was seen before the read started: what is seen meanwhile may be newer than the node's answer.
    const seenBefore = this.seen.furthest;
    const knownBefore = this.known.of(streamName);
    // A catch-up from the revision after the last one seen: the server answers a read from past a stream's end with
    // no event (a success at the end of the stream), as when nothing is new. Asked from that last revision, one
    // event more, the answer shows whether the node holds it; the caller does not get it (decision 0064).
    const peek =
      direction === 'forwards' &&
      typeof fromRevision === 'bigint' &&
      fromRevision > 0n &&
      knownBefore === fromRevision - 1n;
    const askedFrom = peek ? knownBefore : fromRevision;
    const askedCount = peek && maxCount < Number.MAX_SAFE_INTEGER ? maxCount + 1 : maxCount;
    const lease = this.clients.acquire();
    try {
      // Forwards, the last revision the answer reached (before the first: the one before where it started).
      let last = direction === 'forwards' && typeof askedFrom === 'bigint' ? askedFrom - 1n : undefined;
      let count = 0;
      for await (const resolved of cancelOnExit(
        lease.client.readStream(streamName, {
          direction,
          fromRevision: toEsdbRevision(askedFrom),
          maxCount: askedCount,
          requiresLeader,
        }),
      )) {
        const revision = resolved.event?.revision;
        // Backwards from the end, the first record is the stream's last: it must reach what was seen of it.
        if (count === 0 && direction === 'backwards' && fromRevision === END && revision !== undefined) {
          KnownStreamRevisions.assertReaches(streamName, revision, knownBefore);
        }
        if (revision !== undefined) last = revision;
        count += 1;
        const event = toRecordedEvent(resolved);
        if (!event) continue;
        this.seen.note(event.position);
        this.known.note(streamName, event.revision);
        if (peek && event.revision < fromRevision) continue;
        yield event;
      }
      // A forwards read that was not cut by its maxCount ran to the stream's end: that end must reach what was seen
      // of the stream, or the caller would fold a truncated history (decision 0058).
      if (direction === 'forwards' && count < askedCount)
        KnownStreamRevisions.assertReaches(streamName, last, knownBefore);
    } catch (error) {
      const failure = await this.readFailure(error, streamName, requiresLeader, seenBefore, knownBefore);
      if (failure instanceof LogBehindError) this.leaveNodeBehind(lease.client, failure);
      throw failure;
    } finally {
      lease.release();
    }
  }

  /** The error a failed read of a stream reports: the client's, translated, unless the node is behind this log. */
  private async readFailure(
    error: unknown,
    streamName: string,
    requiresLeader: boolean,
    seenBefore: bigint,
    knownBefore: bigint | undefined,
  ): Promise<unknown> {
    if (error instanceof LogBehindError) return error;
    const translated = translate(error, streamName);
    if (translated instanceof StreamDeletedError) this.known.forget(streamName);
    if (!(translated instanceof StreamNotFoundError)) return translated;
    try {
      // A stream this store has seen events of is not missing from this log (decision 0058).
      KnownStreamRevisions.assertReaches(streamName, undefined, knownBefore);
      // A node without the stream may be one that lacks the log: a stranger that answered the client's discovery
      // during an election, say. Deciding on its answer would refuse a write as "not found" (decision 0051).
      if (requiresLeader && seenBefore > 0n) {
        const end = await this.leaderLogEnd().catch((failure: unknown) => {
          throw translate(failure);
        });
        SeenLogPosition.assertReaches(end, seenBefore, `that stream ${streamName} does not exist`);
      }
    } catch (refusal) {
      return refusal;
    }
    return translated;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const direction = options.direction ?? 'forwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let from: Position | typeof ESDB_START | typeof ESDB_END = toEsdbPosition(
      options.fromPosition ?? (direction === 'forwards' ? START : END),
    );
    let last: bigint | undefined;
    const lease = this.clients.acquire();
    try {
      // System events count against the server's maxCount but are not ours to return: page until enough are ours.
      while (remaining > 0) {
        // No more than the caller wants, and one more: a forwards page after the first starts with the event the
        // last one ended on. A read of one event asks for two, not a page of 512 (checkpoints are large).
        const pageSize = Math.min(PAGE_SIZE, remaining + 1);
        let read = 0;
        try {
          for await (const resolved of cancelOnExit(
            lease.client.readAll({ direction, fromPosition: from, maxCount: pageSize }),
          )) {
            read += 1;
            const position = positionOf(resolved.event?.position ?? resolved.commitPosition);
            this.seen.note(position);
            // Forwards reads include their starting position, which the previous page already returned.
            if (last !== undefined && direction === 'forwards' && position <= last) continue;
            last = position;
            from = { commit: position, prepare: position };
            const event = toRecordedEvent(resolved);
            if (!event) continue;
            this.known.note(event.streamName, event.revision);
            yield event;
            if (--remaining === 0) return;
          }
        } catch (error) {
          // Only the first page starts at the caller's position; the next ones start at events read.
          if (isInvalidPosition(error) && typeof options.fromPosition === 'bigint') {
            throw new InvalidPositionError(options.fromPosition);
          }
          throw translate(error);
        }
        if (read < pageSize) return;
      }
    } finally {
      lease.release();
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    assertValidStreamPartition(options.partition);
    assertValidSubscriptionFilter(options.filter);
    const filter = toEsdbFilter(options.filter);
    const subscription = resumingSubscription<Position | typeof ESDB_START | typeof ESDB_END>(
      toEsdbPosition(options.fromPosition ?? START),
      {
        open: async (after) => {
          await this.refuseANodeBehind('a subscription to $all');
          return this.serverSubscription((client) =>
            client.subscribeToAll({ fromPosition: after, ...(filter ? { filter } : {}) }),
          );
        },
        cursorOf: (message) => {
          const position = message.kind === 'event' ? message.event.position : message.position;
          return { commit: position, prepare: position };
        },
        isTransient,
        translate: (error) => translate(error),
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
    // The server's filters match names by prefix or pattern, not by hash: a part is kept here, as events arrive.
    return options.partition ? keepStreamPartition(subscription, options.partition) : subscription;
  }

  subscribeToStream(streamName: string, options: SubscribeToStreamOptions = {}): Subscription {
    return resumingSubscription<bigint | typeof ESDB_START | typeof ESDB_END>(
      toEsdbRevision(options.fromRevision ?? START),
      {
        open: async (after) => {
          await this.refuseANodeBehind(`a subscription to stream ${streamName}`, streamName);
          return this.serverSubscription((client) => client.subscribeToStream(streamName, { fromRevision: after }));
        },
        // The server ends a stream's subscription with StreamDeleted right after the notice: nothing to resume.
        cursorOf: (message) => (message.kind === 'event' ? message.event.revision : undefined),
        isTransient,
        translate: (error) => translate(error, streamName),
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
  }

  /**
   * Answers when a leader does: the store takes writes. Any node serves reads, but during an election none takes
   * writes (Not Ready), and a replica should not count as ready then. A follower's NotLeader makes the client
   * reconnect to the leader it names: ask again there.
   */
  async ping(): Promise<void> {
    const seenBefore = this.seen.furthest;
    const client = this.clients.current;
    let end: bigint | undefined;
    try {
      end = await this.leaderLogEnd();
    } catch (error) {
      throw new EventStoreUnavailableError(
        `EventStoreDB has no leader that answers: ${(error as Error).message}`,
        error,
      );
    }
    // A node whose log ends before what this store has seen is not the leader of this log (decision 0051): the next
    // call discovers the cluster again (decision 0058).
    try {
      SeenLogPosition.assertReaches(end, seenBefore, 'the readiness check');
    } catch (refusal) {
      this.leaveNodeBehind(client, refusal as LogBehindError);
      throw refusal;
    }
  }

  /**
   * Before a subscription opens (or resumes, after a drop): a node whose log ends before what this store has seen
   * would take it and wait, silently, for positions it will not reach with this log's events (a stranger at a
   * seed's address, the store restored from an older backup); the server answers a subscription from past its end
   * with "caught up", then passes over the events up to that point (Enumerator.AllSubscription, StreamSubscription:
   * GoLive). Refused as a drop that may pass: the subscription tries again, on a client that discovers the cluster
   * anew (decision 0058). A subscription to a stream also needs the node's copy of that stream to reach the last
   * revision seen of it (decision 0064).
   */
  private async refuseANodeBehind(subscription: string, streamName?: string): Promise<void> {
    const seenBefore = this.seen.furthest;
    const knownBefore = streamName === undefined ? undefined : this.known.of(streamName);
    if (seenBefore === 0n && knownBefore === undefined) return;
    const lease = this.clients.acquire();
    try {
      SeenLogPosition.assertReaches(await logEndOn(lease.client, false), seenBefore, subscription);
      if (streamName !== undefined && knownBefore !== undefined) {
        const end = await streamEndOn(lease.client, streamName);
        // A stream deleted for good: the subscription itself reports it.
        if (end !== 'deleted') KnownStreamRevisions.assertReaches(streamName, end, knownBefore);
      }
    } catch (error) {
      if (error instanceof LogBehindError) this.leaveNodeBehind(lease.client, error);
      throw error;
    } finally {
      lease.release();
    }
  }

  /**
   * A node answered from behind this log: the client's next calls would go to it again (it stays connected until a
   * call fails on the connection), so it is replaced by one that discovers the cluster anew; and it is said.
   */
  private leaveNodeBehind(client: EventStoreDBClient, error: LogBehindError): void {
    this.clients.replace(client);
    const now = Date.now();
    if (now - this.lastWarnedAt < WARNING_INTERVAL_MS) return;
    this.lastWarnedAt = now;
    this.options.onWarning?.(`${error.message}. ${BEHIND_THE_LOG_ADVICE}`);
  }

  /**
   * The commit position of the last record in the leader's log (undefined for a log without any), asked again
   * once of the leader a follower names (NotLeader); the client's error otherwise.
   */
  private async leaderLogEnd(): Promise<bigint | undefined> {
    for (let attempt = 1; ; attempt++) {
      const lease = this.clients.acquire();
      try {
        return await logEndOn(lease.client, true);
      } catch (error) {
        if (isNotLeader(error) && attempt < 2) continue;
        throw error;
      } finally {
        lease.release();
      }
    }
  }

  /**
   * Disposes the clients, which cancel their calls and wait for each to finish. That wait can last for good: on
   * Node 24 with client 6.2.1, a Read call cancelled at shutdown was seen never to finish (the service's shutdown,
   * and a test's, then hung), where Node 20 finishes it. Past `closeTimeoutMs` the store lets go of them: the
   * process is ending, and its connections end with it.
   */
  async close(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.closeTimeoutMs ?? 5000);
      timer.unref();
    });
    await Promise.race([this.clients.close(), waited]);
    clearTimeout(timer);
  }

  /**
   * The client (6.2.1) keeps the promise of the server's features that its first append after a reconnect asks
   * for, and when that append finds no node (discovery fails during an election), it keeps the rejection: every
   * later append would fail at once, for good, while reads work. A client that has failed so is replaced.
   */
  private replaceClient(failed: EventStoreDBClient): void {
    this.clients.replace(failed);
  }

  /**
   * The limits configured, or those of the version the server announced to this client (it asks once per
   * connection, on its first append; `capabilities` is the client's own, protected, record of the answer). A server
   * without ServerFeatures (before 21.10) announces nothing: the old limit. Unknown if the server could not be asked.
   */
  private async appendLimits(client: EventStoreDBClient): Promise<AppendLimits | undefined> {
    if (this.options.appendLimits) return this.options.appendLimits;
    const features = (client as unknown as { capabilities: Promise<{ serverVersion: string }> }).capabilities;
    const version = await features.then((answer) => answer.serverVersion).catch(() => undefined);
    if (version === undefined) return undefined;
    const [major = 0, minor = 0] = version.split('.').map(Number);
    return major > 25 || (major === 25 && minor >= 1) ? LIMITS_SINCE_25_1 : LIMITS_BEFORE_25_1;
  }

  /** The result of this append if the leader has stored it, read after a failure that left it unknown. */
  private async storedResult(streamName: string, events: readonly NewEvent[]): Promise<AppendResult | undefined> {
    const state = await this.streamState(streamName).catch(() => undefined);
    if (!state) return undefined;
    const decision = classifyAppend(
      streamName,
      events,
      events.map((event) => state.stored.get(event.id.toLowerCase())),
    );
    return decision.kind === 'retry' ? decision.result : undefined;
  }

  /** The stream's current revision and where each of its event ids is stored, as the leader has them. */
  private async streamState(
    streamName: string,
  ): Promise<{ current: CurrentRevision; stored: Map<string, StoredEventRef> }> {
    const stored = new Map<string, StoredEventRef>();
    let current: CurrentRevision = NO_STREAM;
    for await (const event of this.readStreamOrEmpty(streamName)) {
      stored.set(event.id, { streamName, revision: event.revision, position: event.position });
      current = event.revision;
    }
    return { current, stored };
  }

  private async *readStreamOrEmpty(streamName: string): AsyncIterable<RecordedEvent> {
    try {
      yield* this.readStreamOn(streamName, {}, true);
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
  }

  /** Adapts the client's subscription (a Node stream plus a `caughtUp` event) to what resuming needs. */
  private serverSubscription(
    subscribe: (
      client: EventStoreDBClient,
    ) => ReturnType<EventStoreDBClient['subscribeToAll']> | ReturnType<EventStoreDBClient['subscribeToStream']>,
  ): ServerSubscription {
    // The subscription keeps its client in use until it is closed (or that client's grace ends).
    const lease = this.clients.acquire();
    const subscription = subscribe(lease.client);
    const iterator = (subscription as AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>)[Symbol.asyncIterator]();
    let delivered = 0;
    // The client emits `caughtUp` when the message passes its transform, while earlier events may still sit in
    // its readable buffer: those count as sent before it.
    const caughtUp = new Promise<number>((resolve) => {
      subscription.once('caughtUp', () => resolve(delivered + subscription.readableLength));
    });
    return {
      next: async () => {
        const result = await iterator.next();
        if (result.done) return { done: true, value: undefined };
        delivered += 1;
        const message = toDeliveredMessage(result.value);
        if (message?.kind === 'event') {
          this.seen.note(message.event.position);
          this.known.note(message.event.streamName, message.event.revision);
        } else if (message) {
          this.seen.note(message.position);
          this.known.forget(message.streamName);
        }
        return { done: false, value: message };
      },
      caughtUp,
      // Unsubscribing waits for the call to open, which fails when no node was found: nothing to close then.
      close: () =>
        subscription
          .unsubscribe()
          .catch(() => undefined)
          .finally(() => lease.release()),
    };
  }
}

/** The commit position of the last record of the node's log (undefined for a log without any). */
async function logEndOn(client: EventStoreDBClient, requiresLeader: boolean): Promise<bigint | undefined> {
  let end: bigint | undefined;
  // Read to the end of a one-event read: leaving a client stream early would hold its call open.
  const read = client.readAll({ direction: 'backwards', fromPosition: ESDB_END, maxCount: 1, requiresLeader });
  for await (const resolved of read) end = positionOf(resolved.event?.position ?? resolved.commitPosition);
  return end;
}

/** The last revision of the node's copy of a stream (undefined for none), or whether it was deleted for good. */
async function streamEndOn(client: EventStoreDBClient, streamName: string): Promise<bigint | undefined | 'deleted'> {
  let end: bigint | undefined;
  try {
    // Read to the end of a one-event read, as above.
    const read = client.readStream(streamName, { direction: 'backwards', fromRevision: ESDB_END, maxCount: 1 });
    for await (const resolved of read) end = resolved.event?.revision ?? end;
  } catch (error) {
    const translated = translate(error, streamName);
    if (translated instanceof StreamDeletedError) return 'deleted';
    // The client's own error: the subscription tells a transient one (a drop, an election) from the others.
    if (!(translated instanceof StreamNotFoundError)) throw error;
  }
  return end;
}

/**
 * Channels by client: client 6.2.1's `dispose` cancels the client's calls but leaves its gRPC channel open (its
 * connection and keepalive), and the client keeps the channel private. Its last channel is noted as it is made
 * (the client replaces its own channel after a lost connection, and closes the old one itself).
 */
const channels = new WeakMap<EventStoreDBClient, { close(): void }>();

function connect(connectionString: string): EventStoreDBClient {
  const client = EventStoreDBClient.connectionString(connectionString);
  const inner = client as unknown as { createChannel: () => Promise<{ close(): void }> };
  const create = inner.createChannel;
  inner.createChannel = async () => {
    const channel = await create();
    channels.set(client, channel);
    return channel;
  };
  return client;
}

/**
 * How long disposing a client waits for its calls to end. Client 6.2.1 waits for good on a read left early once the
 * server had sent all of it (its gRPC stream, paused, never ends): past this the channel is closed all the same.
 */
const DISPOSE_WAIT_MS = 2_000;

/** Cancels the client's calls, waits (a while) for them to end, and closes its connection. */
async function disposeClient(client: EventStoreDBClient): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, DISPOSE_WAIT_MS);
    timer.unref();
  });
  try {
    await Promise.race([client.dispose(), waited]);
  } finally {
    clearTimeout(timer);
    channels.get(client)?.close();
    channels.delete(client);
  }
}

/** The server's tombstone record, in the deleted stream (KurrentDB SystemEventTypes.StreamDeleted). */
const STREAM_DELETED_TYPE = '$streamDeleted';

function toDeliveredMessage(resolved: ResolvedEvent | AllStreamResolvedEvent): DeliveredMessage | undefined {
  const deletion = toStreamDeletedNotice(resolved);
  if (deletion) return deletion;
  const event = toRecordedEvent(resolved);
  return event && { kind: 'event', event };
}

/**
 * An operator's tombstone of one of our streams: the server writes a `$streamDeleted` record, without data, in the
 * stream it deletes (numbered with the largest revision), and $all delivers it at its own commit position, to
 * subscriptions whose stream-name filter keeps that stream. A system stream's deletion is none of ours.
 */
function toStreamDeletedNotice(resolved: ResolvedEvent | AllStreamResolvedEvent): StreamDeletedNotice | undefined {
  const event = resolved.event;
  if (!event || event.type !== STREAM_DELETED_TYPE || event.streamId.startsWith('$')) return undefined;
  return {
    kind: 'stream-deleted',
    streamName: event.streamId,
    position: positionOf(event.position ?? resolved.commitPosition),
    recordedAt: event.created,
  };
}

function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || event.type.startsWith('$') || event.streamId.startsWith('$')) return undefined;
  if (!event.isJson) return undefined;
  const position = event.position ?? resolved.commitPosition;
  if (position === undefined) {
    throw new EventStoreUnavailableError(
      'EventStoreDB sent an event without a position: the server must be 22.6 or later',
    );
  }
  return {
    id: event.id,
    type: event.type,
    data: event.data as JsonObject,
    metadata: (event.metadata ?? {}) as JsonObject,
    streamName: event.streamId,
    revision: event.revision,
    position: positionOf(position),
    recordedAt: event.created,
  };
}

function positionOf(position: Position | bigint | undefined): bigint {
  if (position === undefined) throw new EventStoreUnavailableError('EventStoreDB answered without a position');
  return typeof position === 'bigint' ? position : position.commit;
}

function toEsdbRevision(revision: bigint | typeof START | typeof END): bigint | typeof ESDB_START | typeof ESDB_END {
  return revision === START ? ESDB_START : revision === END ? ESDB_END : revision;
}

function toEsdbPosition(position: bigint | typeof START | typeof END): Position | typeof ESDB_START | typeof ESDB_END {
  return position === START ? ESDB_START : position === END ? ESDB_END : { commit: position, prepare: position };
}

function toEsdbFilter(filter: SubscriptionFilter | undefined) {
  if (!filter || filter.prefixes.length === 0) return undefined;
  const prefixes = [...filter.prefixes];
  return filter.on === 'stream-name' ? streamNameFilter({ prefixes }) : eventTypeFilter({ prefixes });
}

/**
 * What a node answers on BatchAppend when it does not handle a write (Streams.BatchAppend.cs, NotHandled): a status
 * with empty details, which client 6.2.1 raises as UnknownError("Could not recognize <message>"). Nothing was
 * written; the node is in an election, overloaded, or a follower that knows no leader: transient.
 */
const NOT_HANDLED = /^Could not recognize (Server Is Not Ready|Server Is Busy|No leader info available in response)$/;
/** The same refusals on plain Append: Not Ready and Too Busy are UNAVAILABLE already; no leader known is UNKNOWN. */
const NO_LEADER_INFO = /No leader info available in response/;

function isNotHandled(error: unknown): boolean {
  if (!(error instanceof Error) || !isCommandError(error) || error.type !== ErrorType.UNKNOWN) return false;
  return NOT_HANDLED.test(error.message) || NO_LEADER_INFO.test(error.message);
}

function isAheadOfRead(error: Error, read: CurrentRevision): boolean {
  if (!isCommandError(error) || error.type !== ErrorType.WRONG_EXPECTED_VERSION) return false;
  const actual = error.actualVersion;
  return typeof actual === 'bigint' && (read === NO_STREAM || actual > read);
}

/**
 * The server's refusal of a $all read from a position that is not on a record boundary (INVALID_ARGUMENT,
 * RpcExceptions.InvalidPositionException), which client 6.2.1 raises as an UnknownError carrying its message.
 */
function isInvalidPosition(error: unknown): boolean {
  return (
    error instanceof Error &&
    isCommandError(error) &&
    error.type === ErrorType.UNKNOWN &&
    error.message.includes('Trying to read from an invalid position')
  );
}

/** Failures after which the append may be stored although it was not acknowledged. */
function mayHaveWritten(error: Error): boolean {
  if (!isCommandError(error)) return false;
  return [ErrorType.TIMEOUT, ErrorType.DEADLINE_EXCEEDED, ErrorType.UNAVAILABLE, ErrorType.CANCELLED].includes(
    error.type,
  );
}

/**
 * The server refused the append's size: MaxAppendSize (the client's MaxAppendSizeExceededError on both RPCs), or
 * 25.1's MaxAppendEventSize, which client 6.2.1 does not know: an UnknownError naming it (BatchAppend) or carrying
 * the server's message (plain Append).
 */
function appendTooLarge(
  error: Error,
  streamName: string,
  events: readonly NewEvent[],
  limits: AppendLimits | undefined,
): AppendTooLargeError | undefined {
  if (!isCommandError(error)) return undefined;
  if (error.type === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED) {
    return new AppendTooLargeError(streamName, serializedSize(events), error.maxAppendSize);
  }
  if (error.type !== ErrorType.UNKNOWN) return undefined;
  if (error.message === 'Could not recognize MaximumAppendEventSizeExceeded') {
    const limit = limits?.maxAppendEventSize ?? LIMITS_SINCE_25_1.maxAppendEventSize!;
    return new AppendTooLargeError(streamName, largestEventSize(events), limit);
  }
  const perEvent = /exceeds Maximum Append Event Size of (\d+)/.exec(error.message);
  return perEvent ? new AppendTooLargeError(streamName, largestEventSize(events), Number(perEvent[1])) : undefined;
}

/** Refuses, before sending it, an append the server would refuse for its size. */
function assertWithinLimits(streamName: string, events: readonly NewEvent[], limits: AppendLimits | undefined): void {
  if (!limits) return;
  const largest = largestEventSize(events);
  if (limits.maxAppendEventSize !== undefined && largest > limits.maxAppendEventSize) {
    throw new AppendTooLargeError(streamName, largest, limits.maxAppendEventSize);
  }
  const total = serializedSize(events);
  if (total > limits.maxAppendSize) throw new AppendTooLargeError(streamName, total, limits.maxAppendSize);
}

const TRANSIENT: readonly ErrorType[] = [
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
  ErrorType.CANCELLED,
];

function isTransient(error: unknown): boolean {
  return (
    error instanceof LogBehindError ||
    (isCommandError(error as Error) && TRANSIENT.includes((error as { type: ErrorType }).type)) ||
    isDiscoveryFailure(error) ||
    isNotHandled(error)
  );
}

/**
 * The client's discovery found no node it may use (none alive in the state `nodePreference` asks for, during an
 * election say) after its `maxDiscoverAttempts`: a plain Error, not a command error. Transient, like the election.
 */
function isDiscoveryFailure(error: unknown): boolean {
  return (
    error instanceof Error && !isCommandError(error) && /^Failed to discover after \d+ attempts/.test(error.message)
  );
}

/** A follower refused a call that requires the leader, as such or as {@link translate} reports it. */
function isNotLeader(error: unknown): boolean {
  const cause = error instanceof EventStoreUnavailableError ? error.cause : error;
  return cause instanceof Error && isCommandError(cause) && cause.type === ErrorType.NOT_LEADER;
}

/** The client's errors, in the port's words. */
function translate(error: unknown, streamName?: string): unknown {
  if (isDiscoveryFailure(error)) {
    return new EventStoreUnavailableError(`EventStoreDB is unavailable: ${(error as Error).message}`, error);
  }
  if (!(error instanceof Error) || !isCommandError(error)) return error;
  switch (error.type) {
    case ErrorType.STREAM_NOT_FOUND:
      return new StreamNotFoundError(error.streamName ?? streamName ?? '');
    case ErrorType.STREAM_DELETED:
      return new StreamDeletedError(error.streamName ?? streamName ?? '');
    case ErrorType.WRONG_EXPECTED_VERSION:
      return new WrongExpectedRevisionError(
        error.streamName,
        error.expectedVersion === ESDB_ANY ? ANY : error.expectedVersion,
        typeof error.actualVersion === 'bigint' ? error.actualVersion : NO_STREAM,
      );
    default:
      return isTransient(error)
        ? new EventStoreUnavailableError(`EventStoreDB is unavailable: ${error.message}`, error)
        : error;
  }
}

/** What the server counts of an event (Event.SizeOnDisk): data, metadata, and the type at two bytes a character. */
function eventSize(event: NewEvent): number {
  return (
    Buffer.byteLength(JSON.stringify(event.data)) +
    Buffer.byteLength(JSON.stringify(event.metadata ?? {})) +
    event.type.length * 2
  );
}

function serializedSize(events: readonly NewEvent[]): number {
  return events.reduce((size, event) => size + eventSize(event), 0);
}

function largestEventSize(events: readonly NewEvent[]): number {
  return Math.max(...events.map(eventSize));
}

/**
 * Iterates a client read and cancels its gRPC call when the consumer leaves early: breaking out of the client's
 * stream alone leaves the call open, and `dispose()` then waits for it.
 */
async function* cancelOnExit<T>(read: StreamingRead<T>): AsyncGenerator<T> {
  let finished = false;
  try {
    for await (const item of read) yield item;
    finished = true;
  } finally {
    if (!finished) await read.cancel();
  }
}

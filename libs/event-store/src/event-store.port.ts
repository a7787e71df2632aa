import type { AppendResult, NewEvent, RecordedEvent } from './events';
import type { ExpectedRevision } from './expected-revision';
import type { StreamPartition } from './stream-partition';

export const START = 'start';
export const END = 'end';
export type Direction = 'forwards' | 'backwards';

export interface AppendOptions {
  /** Defaults to `any`. */
  readonly expectedRevision?: ExpectedRevision;
}

export interface ReadStreamOptions {
  /** Inclusive in both directions. Defaults to `start` forwards and `end` backwards. */
  readonly fromRevision?: bigint | typeof START | typeof END;
  readonly direction?: Direction;
  readonly maxCount?: number;
  /**
   * Read the copy writes are decided on: a cluster's leader, not a follower whose copy may lag. What a writer
   * reads before it decides needs it. Stores with one copy ignore it.
   */
  readonly requiresLeader?: boolean;
}

export interface ReadAllOptions {
  /**
   * As on EventStoreDB: forwards includes the event at this position, backwards returns the events before it.
   * Defaults to `start` forwards and `end` backwards.
   */
  readonly fromPosition?: bigint | typeof START | typeof END;
  readonly direction?: Direction;
  readonly maxCount?: number;
}

/** Keep only the events whose stream name, or whose type, starts with one of the prefixes; no prefixes: keep all. */
export interface SubscriptionFilter {
  readonly on: 'stream-name' | 'event-type';
  readonly prefixes: readonly string[];
}

export interface SubscribeToAllOptions {
  /** Exclusive: the subscription delivers the events after this position. Defaults to `start`. */
  readonly fromPosition?: bigint | typeof START | typeof END;
  /**
   * A stream-name filter also passes the deletions of the streams it keeps (the server filters the tombstone's record
   * by its stream); an event-type filter passes none. `subscribeToAll` throws a RangeError for a prefix that is not
   * well-formed Unicode (a lone surrogate), which stores comparing UTF-8 could never match.
   */
  readonly filter?: SubscriptionFilter;
  /**
   * Only the streams of this part of the log, their events and their deletions (with the filter, if any): a
   * rebuild's workers each take one part. `subscribeToAll` throws a RangeError for a part that names none.
   */
  readonly partition?: StreamPartition;
  /** Aborting ends the subscription, even while it waits for new events. */
  readonly signal?: AbortSignal;
}

export interface SubscribeToStreamOptions {
  /** Exclusive: the subscription delivers the events after this revision. Defaults to `start`. */
  readonly fromRevision?: bigint | typeof START | typeof END;
  readonly signal?: AbortSignal;
}

/**
 * Where the log records that a stream was deleted for good by the store's operator (an EventStoreDB tombstone,
 * which the server writes as a `$streamDeleted` record in that stream): the stream's events before it may still
 * be in the log (until a scavenge), but the stream is gone. Never delivered by a store that does not delete.
 */
export interface StreamDeletedNotice {
  readonly kind: 'stream-deleted';
  readonly streamName: string;
  /** The deletion's position in the global log: a subscription resumes after it, like after an event. */
  readonly position: bigint;
  /** When the store recorded the deletion (the tombstone record's own time), as an event's `recordedAt`. */
  readonly recordedAt: Date;
}

/**
 * What a catch-up subscription yields: every event after its starting point, in log order, each stream deletion
 * where the log records it, and once, when it has delivered everything that was stored when it reached the head, a
 * `caught-up` marker; after it the events are live.
 */
export type SubscriptionMessage =
  { readonly kind: 'event'; readonly event: RecordedEvent } | StreamDeletedNotice | { readonly kind: 'caught-up' };

/**
 * A pull-based catch-up subscription: the store reads ahead only as fast as the consumer iterates, so a slow
 * consumer never buffers more than one page and never slows writers. Leave it by breaking out of the loop or
 * by aborting its signal.
 */
export type Subscription = AsyncIterable<SubscriptionMessage>;

/**
 * The event store port: EventStoreDB's semantics, so that the app behaves the same on every adapter.
 *
 * Appends are atomic (all events or none) and idempotent: re-sending an append whose event ids are all stored
 * already, in that stream and order, returns the original result and writes nothing, whatever revision it
 * expects; an append whose ids are only partly stored is an {@link IdempotencyConflictError}.
 */
export interface EventStore {
  appendToStream(streamName: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** Raises {@link StreamNotFoundError} (when iterated) if the stream has no events. */
  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /**
   * Raises {@link InvalidPositionError} (when iterated, before any event) if `fromPosition` is within the log but
   * not an event's position; 0 is the log's start, and a position past the last event reads nothing.
   */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): Subscription;
  subscribeToStream(streamName: string, options?: SubscribeToStreamOptions): Subscription;
  /**
   * Resolves when the store answers and takes writes (a cluster has a leader); raises
   * {@link EventStoreUnavailableError} when it does not.
   */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The dependency-injection token the app binds its one store to. */
export const EVENT_STORE = Symbol('EVENT_STORE');

import type { Database } from 'better-sqlite3';
import type { RecordedEvent, StreamDeletedNotice, SubscriptionFilter } from '@timeline/event-store';

/**
 * A read model fed by the global log. `apply` runs inside the transaction that also moves the projection's
 * checkpoint, so each event takes effect exactly once, across crashes too; it throws to refuse an event, and the
 * projection then stops at it rather than skip it.
 */
export interface Projection<Update> {
  /** Names the projection's checkpoint and tables; bump `version` when its tables change shape. */
  readonly name: string;
  readonly version: number;
  /** The events it needs, filtered by the store (a server-side filter on EventStoreDB). */
  readonly filter?: SubscriptionFilter;
  /** Creates its tables if missing. Runs once per database, before any event. */
  setUp(db: Database): void;
  /** Applies a batch of events in log order and returns what changed, to publish once committed. */
  apply(db: Database, events: readonly RecordedEvent[]): Update[];
  /**
   * Applies the deletion of a stream for good (by the store's operator), in log order among the events and in the
   * same transaction; returns what changed. Without it, a deletion only moves the checkpoint past its position.
   */
  streamDeleted?(db: Database, notice: StreamDeletedNotice): Update[];
  /**
   * How a rebuild may apply it in parts, each part of the log (by stream) in a thread and a file of its own
   * (decision 0027). Without it, a rebuild applies the whole log in one thread.
   */
  readonly partitioned?: PartitionedProjection;
}

export interface PartitionedProjection {
  /**
   * The projection as applied to one part of the log, with the same name, version and tables: where it would
   * change rows of another part's streams, it records what the merge needs instead.
   */
  readonly part: Projection<unknown>;
  /**
   * Moves the parts attached to `db` under `schemas` into it (`db` holds one part of its own), and applies what
   * the parts recorded for each other; in the caller's transaction. The checkpoint is the caller's.
   */
  merge(db: Database, schemas: readonly string[]): void;
}

import type { JsonObject } from './json';

/** An event as a writer proposes it. The id is the writer's: re-sending it makes the append idempotent. */
export interface NewEvent {
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata?: JsonObject;
}

/** An event as the store recorded it. */
export interface RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly streamName: string;
  /** Zero-based index of the event in its stream. */
  readonly revision: bigint;
  /** Position in the global log: strictly increasing in commit order across all streams. */
  readonly position: bigint;
  /** When the store recorded the event. */
  readonly recordedAt: Date;
}

export interface AppendResult {
  /** The revision of the stream's last event after the append: what to expect on the next append. */
  readonly nextExpectedRevision: bigint;
  /** The global position of the last event of this append. */
  readonly position: bigint;
}

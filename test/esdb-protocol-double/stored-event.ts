/** An event as the double's log holds it: what a real server writes in one prepare record. */
export interface StoredEvent {
  readonly streamName: string;
  /** The event's 0-based number in its stream. */
  readonly revision: bigint;
  /**
   * Where the event's record starts in the global log. Modern servers write each event of an append as its own
   * committed record, so its commit and prepare positions are both this one number.
   */
  readonly position: bigint;
  /** A lower-case UUID, as the server formats a Guid. */
  readonly id: string;
  readonly type: string;
  /** The server keeps only this bit of the content type: reads answer application/json or application/octet-stream. */
  readonly isJson: boolean;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** 100-nanosecond ticks since the Unix epoch: the `created` metadata of every recorded event. */
  readonly created: bigint;
}

/** An event an append proposes: a {@link StoredEvent} before the log numbers, positions and timestamps it. */
export type ProposedEvent = Pick<StoredEvent, 'id' | 'type' | 'isJson' | 'data' | 'customMetadata'>;

/** The revision of a stream that has no events: EventStoreDB's -1. */
export const NO_STREAM = -1n;

/** What an append expects of its stream, as `AppendReq.Options` carries it. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** A point in $all: the server's TFPos. Events of the double's log have commit = prepare. */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Orders positions as the server does: by commit position, then by prepare position. */
export function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function positionOf(event: StoredEvent): LogPosition {
  return { commit: event.position, prepare: event.position };
}

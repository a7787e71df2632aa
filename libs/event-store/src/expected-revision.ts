/** Append whatever the stream's current revision is. */
export const ANY = 'any';
/** Append only if the stream has no events yet. */
export const NO_STREAM = 'no_stream';
/** Append only if the stream already has at least one event. */
export const STREAM_EXISTS = 'stream_exists';

/**
 * What the writer believes about the stream it appends to: one of the three sentinels, or the exact
 * revision (zero-based index) of the stream's last event. The values match EventStoreDB's own.
 */
export type ExpectedRevision = typeof ANY | typeof NO_STREAM | typeof STREAM_EXISTS | bigint;

/** What a stream's revision is observed to be: the last event's revision, or `no_stream` when it has none. */
export type CurrentRevision = bigint | typeof NO_STREAM;

export function describeRevision(revision: ExpectedRevision | CurrentRevision): string {
  return typeof revision === 'bigint' ? revision.toString() : revision;
}

/** The rule every adapter applies before writing: does what the writer expected hold? */
export function expectationHolds(expected: ExpectedRevision, current: CurrentRevision): boolean {
  switch (expected) {
    case ANY:
      return true;
    case NO_STREAM:
      return current === NO_STREAM;
    case STREAM_EXISTS:
      return current !== NO_STREAM;
    default:
      return current === expected;
  }
}

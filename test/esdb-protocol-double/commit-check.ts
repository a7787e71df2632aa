import { type ExpectedRevision, NO_STREAM, type StoredEvent } from './stored-event';

/** What the log knows that an append decision needs. */
export interface CommittedEvents {
  /** The stream's last revision, or {@link NO_STREAM}. */
  lastRevision(streamName: string): bigint;
  eventAt(streamName: string, revision: bigint): StoredEvent | undefined;
  /** The first event stored with this id, in any stream. */
  eventWithId(id: string): StoredEvent | undefined;
}

export type CommitDecision =
  | { readonly kind: 'write'; readonly currentRevision: bigint }
  /** A retry of an append already stored: the server answers success at its last event and writes nothing. */
  | { readonly kind: 'idempotent'; readonly lastRevision: bigint }
  | { readonly kind: 'wrong-expected-version'; readonly currentRevision: bigint };

/**
 * Decides an append the way EventStoreDB's IndexWriter.CheckCommit does (EventStore/EventStore,
 * src/EventStore.Core/Services/Storage/ReaderIndex/IndexWriter.cs), in the same order:
 *
 * 1. `stream_exists` on a stream with no events and no metadata stream: wrong expected version.
 * 2. `any` / `stream_exists`: if the first event id was seen before in this stream, the append is a retry when
 *    every id was, and a wrong expected version ("corrupted idempotency") when only some were; if the first id
 *    is new, the append is written, even if later ids are not new.
 * 3. An exact revision (`no_stream` is revision -1) behind the stream: a retry when the stream holds exactly these
 *    ids right after that revision, else a wrong expected version (also when the append has no events).
 * 4. An exact revision ahead of the stream: wrong expected version. Equal: written.
 *
 * The real server remembers the ids of step 2 in a cache bounded by memory and emptied by a restart; the double
 * remembers every id for its lifetime. Step 3 reads the stream itself, on both.
 */
export function checkCommit(
  log: CommittedEvents,
  streamName: string,
  expected: ExpectedRevision,
  eventIds: readonly string[],
): CommitDecision {
  const currentRevision = log.lastRevision(streamName);
  const wrongExpectedVersion = { kind: 'wrong-expected-version', currentRevision } as const;

  if (
    expected === 'stream_exists' &&
    currentRevision === NO_STREAM &&
    log.lastRevision(metadataStreamOf(streamName)) === NO_STREAM
  ) {
    return wrongExpectedVersion;
  }

  if (expected === 'any' || expected === 'stream_exists') {
    const seen = eventIds.map((id) => log.eventWithId(id)).map((event) => sameStream(event, streamName));
    if (seen.length === 0 || seen[0] === undefined) return { kind: 'write', currentRevision };
    const last = seen[seen.length - 1];
    if (seen.includes(undefined) || last === undefined) return wrongExpectedVersion;
    return { kind: 'idempotent', lastRevision: last.revision };
  }

  const expectedRevision = expected === 'no_stream' ? NO_STREAM : expected;
  if (expectedRevision < currentRevision) {
    const alreadyStored =
      eventIds.length > 0 &&
      eventIds.every((id, index) => log.eventAt(streamName, expectedRevision + 1n + BigInt(index))?.id === id);
    return alreadyStored
      ? { kind: 'idempotent', lastRevision: expectedRevision + BigInt(eventIds.length) }
      : wrongExpectedVersion;
  }
  if (expectedRevision > currentRevision) return wrongExpectedVersion;
  return { kind: 'write', currentRevision };
}

/** `$$name`: where EventStoreDB keeps a stream's metadata. */
export function metadataStreamOf(streamName: string): string {
  return `$$${streamName}`;
}

function sameStream(event: StoredEvent | undefined, streamName: string): StoredEvent | undefined {
  return event?.streamName === streamName ? event : undefined;
}

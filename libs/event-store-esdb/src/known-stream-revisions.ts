import { LogBehindError } from './log-behind-error';

/**
 * The last revision this store has seen of each of the streams it touched most recently (its appends, its reads,
 * its subscriptions), at most `capacity` streams. EventStoreDB shows only committed events and never takes one
 * back (an operator's tombstone makes the stream deleted, not shorter), so a node that answers a read of one of
 * these streams with fewer events (a follower that lags, a stranger at a seed's address that happens to hold the
 * stream, a store restored from an older backup) answers from a copy that is not the log's: folding it would decide
 * on a truncated history (decision 0058). What is forgotten (a stream touched long ago, by another replica, or
 * before a restart) cannot be checked.
 */
export class KnownStreamRevisions {
  readonly #revisions = new Map<string, bigint>();

  constructor(private readonly capacity = 10_000) {}

  /** The last revision seen of this stream, if it is remembered. */
  of(streamName: string): bigint | undefined {
    return this.#revisions.get(streamName);
  }

  note(streamName: string, revision: bigint): void {
    const known = this.#revisions.get(streamName);
    this.#revisions.delete(streamName);
    this.#revisions.set(streamName, known !== undefined && known > revision ? known : revision);
    if (this.#revisions.size > this.capacity) {
      this.#revisions.delete(this.#revisions.keys().next().value!);
    }
  }

  /** The stream was deleted for good: what it held says nothing about what it will answer. */
  forget(streamName: string): void {
    this.#revisions.delete(streamName);
  }

  /**
   * Refuses an answer whose last revision (undefined: no event at all) is before `known`, the last revision seen
   * before the read started (what was seen since may be newer than the answer).
   */
  static assertReaches(streamName: string, last: bigint | undefined, known: bigint | undefined): void {
    if (known === undefined || (last !== undefined && last >= known)) return;
    throw new LogBehindError(
      `EventStoreDB answered a read of stream ${streamName} ${last === undefined ? 'without any event' : `up to revision ${last}`}, ` +
        `but this service has already seen its revision ${known}: that node's copy is behind this log (a follower ` +
        'that lags, a stale or foreign server at a seed address, or a store restored from an older backup); try again',
    );
  }
}

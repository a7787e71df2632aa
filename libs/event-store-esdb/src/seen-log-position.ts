import { LogBehindError } from './log-behind-error';

/**
 * How far this store has seen the log reach: the commit positions of its own appends, of the events it read and of
 * those its subscriptions delivered. EventStoreDB shows only committed events, and a committed event is held by a
 * quorum, so every leader the cluster elects holds the log at least this far. A node that answers from a log
 * ending before it is not a leader of this log, whatever its gossip says: a stranger at a seed's address (an
 * address taken over by another server, another cluster's node, a node recreated empty), or a store restored from
 * an older backup under the running service. Its "no such stream" must not be taken for the truth (decision 0051).
 */
export class SeenLogPosition {
  #furthest = 0n;

  /** The furthest commit position seen; 0 before anything was. */
  get furthest(): bigint {
    return this.#furthest;
  }

  note(position: bigint): void {
    if (position > this.#furthest) this.#furthest = position;
  }

  /**
   * Refuses a node whose log ends at `end` (undefined: it holds no record at all) before `seen`, the furthest
   * position seen before it was asked (what was seen since may be newer than its answer), with the store
   * unavailable: what it answered is not this log's state, and a retry may reach the leader. Before anything was
   * seen, any log passes.
   */
  static assertReaches(end: bigint | undefined, seen: bigint, answered: string): void {
    if (seen === 0n || (end !== undefined && end >= seen)) return;
    throw new LogBehindError(
      `EventStoreDB answered ${answered} from a log that ends ${end === undefined ? 'before any record' : `at position ${end}`}, ` +
        `before position ${seen} that this service had already seen: that node is not the leader of this log ` +
        '(a stale or foreign server at a seed address, or a store restored from an older backup); try again',
    );
  }
}

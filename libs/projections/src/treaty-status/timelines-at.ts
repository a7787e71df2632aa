import type { Database } from 'better-sqlite3';
import { TreatyHistoryFold, treatyTimelineOf } from '@timeline/treaty';
import { toJsonView, type JsonView } from './json-view';
import { eventsBefore } from './treaty-event-chunks';

/** Past any revision a stream can have (SQLite integers are 64-bit, signed). */
const ALL_REVISIONS = 2n ** 63n - 1n;

/**
 * The treaty's timeline as its own events had left it at each of these log positions: what a feed archive shows of
 * a development at the event that changed it, which no later event may change (decision 0053). Folded once from the
 * treaty's event chunks, a snapshot taken as the fold passes each position; nothing is cached. Only `items` is the
 * past's: what other treaties say of it (`linkedItems`, `treatiesNotOnRecord`) is left out. A position before the
 * treaty's registration has no timeline.
 */
export function timelinesAt(db: Database, treatyId: string, positions: Iterable<bigint>): Map<bigint, JsonView> {
  const wanted = [...new Set(positions)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const timelines = new Map<bigint, JsonView>();
  const fold = new TreatyHistoryFold();
  let next = 0;
  const snapshotUpTo = (limit: bigint | undefined) => {
    for (; next < wanted.length && (limit === undefined || wanted[next]! < limit); next++) {
      const history = fold.history();
      if (history) timelines.set(wanted[next]!, toJsonView(treatyTimelineOf(history, { asOf: null, knownAt: null })));
    }
  };
  for (const envelope of eventsBefore(db, treatyId, ALL_REVISIONS)) {
    snapshotUpTo(envelope.position);
    if (next === wanted.length) break;
    fold.add(envelope);
  }
  snapshotUpTo(undefined);
  return timelines;
}

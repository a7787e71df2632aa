import type { Database } from 'better-sqlite3';
import { TreatyHistoryFold, type TreatyEventEnvelope } from '@timeline/treaty';
import { eventsBefore } from './treaty-event-chunks';

/** Reads a treaty's events before a revision, in stream order: what a fold that is not open starts from. */
export type EventsBefore = (treatyId: string, revision: bigint) => Iterable<TreatyEventEnvelope>;

/**
 * The folds of the treaties written to last, kept open between batches so that a new event is folded once
 * instead of the treaty's whole stream again. A fold is resumed only when it stopped exactly before the new
 * events; any other fold (evicted, or ahead after a rolled-back batch) is replaced by one folded again from the
 * events before them. The least recently changed treaty's fold is dropped first.
 */
export class OpenTreatyFolds {
  private readonly folds = new Map<string, TreatyHistoryFold>();

  constructor(
    private readonly capacity: number,
    private readonly eventsBefore: EventsBefore,
  ) {}

  /** The treaty's fold with `added` (its next events, in order) in it. */
  foldIn(treatyId: string, added: readonly TreatyEventEnvelope[]): TreatyHistoryFold {
    const first = added[0]?.revision;
    if (first === undefined) throw new Error(`No events to fold into ${treatyId}`);
    let fold = this.folds.get(treatyId);
    this.folds.delete(treatyId);
    if (fold === undefined || fold.revision !== first - 1n) {
      fold = new TreatyHistoryFold();
      // A stream's first events have none before them: a replay starts most treaties so, and asks for nothing.
      if (first > 0n) for (const envelope of this.eventsBefore(treatyId, first)) fold.add(envelope);
    }
    for (const envelope of added) fold.add(envelope);
    this.folds.set(treatyId, fold);
    if (this.folds.size > this.capacity) this.folds.delete(this.folds.keys().next().value!);
    return fold;
  }

  clear(): void {
    this.folds.clear();
  }

  /** Drops a treaty's fold: its stream was deleted for good. */
  forget(treatyId: string): void {
    this.folds.delete(treatyId);
  }

  /**
   * The treaty's fold as it stands, for a treaty rendered again because another names it: the open one, or one
   * folded from its events (not kept open: it is not being written to). Null when the treaty has no events.
   */
  current(treatyId: string): TreatyHistoryFold | null {
    const open = this.folds.get(treatyId);
    if (open) return open;
    const fold = new TreatyHistoryFold();
    for (const envelope of this.eventsBefore(treatyId, ALL_REVISIONS)) fold.add(envelope);
    return fold.revision === undefined ? null : fold;
  }
}

/** Past any revision a stream can have (SQLite integers are 64-bit, signed). */
const ALL_REVISIONS = 2n ** 63n - 1n;

/**
 * How many treaties' folds stay open per read model: the treaties being written to. A replay touches each treaty
 * about once and gains nothing from more.
 */
const OPEN_FOLDS = 256;

const openFoldsCache = new WeakMap<Database, OpenTreatyFolds>();

/** The open folds of one read-model connection, made again from its event chunks when not open. */
export function openTreatyFolds(db: Database): OpenTreatyFolds {
  let folds = openFoldsCache.get(db);
  if (!folds) {
    folds = new OpenTreatyFolds(OPEN_FOLDS, (treatyId, revision) => eventsBefore(db, treatyId, revision));
    openFoldsCache.set(db, folds);
  }
  return folds;
}

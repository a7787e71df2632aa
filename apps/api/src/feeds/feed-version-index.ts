import { setImmediate as nextTurn } from 'node:timers/promises';
import type { JsonView } from '@timeline/projections';
import { entryVersionsIn, inLogOrder, type EntryVersion } from './entry-versions';

/** What the index reads of a read model: its queries (`TreatyStatusQueries`) answer all of it. */
export interface FeedVersionSource {
  treatyIds(party?: string): string[];
  partiesOnRecord(treatyId: string): string[];
  viewsChangedAfter(position: bigint): { treatyIds: ReadonlySet<string>; upTo: bigint };
  timeline(treatyId: string): JsonView | undefined;
}

/** How many parties' feeds are kept up to date at once; a party asked for again after it was dropped is cut anew. */
export const PARTY_FEEDS_KEPT = 32;

/** Treaties read per turn of the event loop while the index is first built: tens of milliseconds. */
export const TREATIES_PER_TURN = 200;

interface PartyFeed {
  readonly treatyIds: Set<string>;
  versions: readonly EntryVersion[];
}

/**
 * The entry versions of the feed of every development and of the parties' feeds, kept in log order as the read model
 * changes: each refresh asks which treaties' views changed since the last one and redoes only those treaties'
 * versions, where deriving them from every treaty's timeline on each request cost the whole read model (seconds at a
 * few thousand treaties, the event loop held). What it answers is exactly that derivation's answer, at the moment
 * of the refresh (decision 0065).
 */
export class FeedVersionIndex {
  /** The last position of a change taken in. */
  private refreshedUpTo = -1n;
  private readonly byTreaty = new Map<string, readonly EntryVersion[]>();
  private every: readonly EntryVersion[] = [];
  /** Least recently asked first. */
  private readonly parties = new Map<string, PartyFeed>();
  private built: Promise<void> | undefined;
  /** Many changes being read over turns (after a bulk import): one such read at a time, shared by the requests. */
  private catchingUp: Promise<void> | undefined;

  constructor(
    private readonly source: FeedVersionSource,
    private readonly options: { partyFeedsKept?: number; treatiesPerTurn?: number } = {},
  ) {}

  /**
   * Every version of the feed's entries (a party's feed, when given), in log order, as the read model stands when it
   * resolves: the caller reads the documents' records in the same turn of the event loop, where no commit comes
   * between. The first call builds the index over many turns, so that the event loop is not held, and so does one
   * that finds many treaties changed (a bulk import).
   */
  async versions(party?: string): Promise<readonly EntryVersion[]> {
    // A build that failed (a read of the read model refused) is tried again by the next request.
    await (this.built ??= this.build().catch((error: unknown) => {
      this.built = undefined;
      throw error;
    }));
    await this.refreshed();
    if (party === undefined) return this.every;
    let feed = this.parties.get(party);
    if (feed) {
      this.parties.delete(party);
    } else {
      const treatyIds = new Set(this.source.treatyIds(party));
      feed = { treatyIds, versions: this.every.filter((version) => treatyIds.has(version.treatyId)) };
      const oldest =
        this.parties.size >= (this.options.partyFeedsKept ?? PARTY_FEEDS_KEPT) ? this.parties.keys().next() : undefined;
      if (oldest && !oldest.done) this.parties.delete(oldest.value);
    }
    this.parties.set(party, feed);
    return feed.versions;
  }

  /**
   * Reads every treaty's versions, some treaties per turn. A treaty changed meanwhile may be read before or after its
   * change: every change after the position the build started from is redone by the next refresh, so either is right.
   */
  private async build(): Promise<void> {
    const { treatyIds, upTo } = this.source.viewsChangedAfter(-1n);
    const perTurn = this.options.treatiesPerTurn ?? TREATIES_PER_TURN;
    let read = 0;
    for (const treatyId of treatyIds) {
      this.readVersionsOf(treatyId);
      if (++read % perTurn === 0) await nextTurn();
    }
    this.every = [...this.byTreaty.values()].flat().sort(inLogOrder);
    this.refreshedUpTo = upTo;
  }

  /**
   * Brings the index up to the read model. A few changes are taken in this turn; many are read some treaties per turn
   * first, then the changes made meanwhile, until what is left takes one turn: the index resolves in the turn where it
   * is as the read model stands.
   */
  private async refreshed(): Promise<void> {
    for (;;) {
      const { treatyIds: changed, upTo } = this.source.viewsChangedAfter(this.refreshedUpTo);
      if (changed.size <= (this.options.treatiesPerTurn ?? TREATIES_PER_TURN)) {
        for (const treatyId of changed) this.readVersionsOf(treatyId);
        this.takeIn(changed, upTo);
        return;
      }
      await (this.catchingUp ??= this.catchUp(changed, upTo).finally(() => (this.catchingUp = undefined)));
    }
  }

  /**
   * Reads the changed treaties' versions some per turn, then takes them in. One changed again meanwhile may be read
   * before or after that change: every change after `upTo` is redone by the next refresh, so either is right.
   */
  private async catchUp(changed: ReadonlySet<string>, upTo: bigint): Promise<void> {
    const perTurn = this.options.treatiesPerTurn ?? TREATIES_PER_TURN;
    let read = 0;
    for (const treatyId of changed) {
      this.readVersionsOf(treatyId);
      if (++read % perTurn === 0) await nextTurn();
    }
    this.takeIn(changed, upTo);
  }

  /** Replaces the changed treaties' versions, read already, in every feed kept: what changed up to `upTo`. */
  private takeIn(changed: ReadonlySet<string>, upTo: bigint): void {
    if (changed.size === 0) return;
    this.every = this.replaced(this.every, changed, () => true);
    // Each changed treaty's parties, asked once for every party feed kept (none for a treaty no longer held).
    const partiesNow = new Map(
      this.parties.size === 0
        ? []
        : [...changed].map((treatyId) => [
            treatyId,
            this.byTreaty.has(treatyId) ? this.source.partiesOnRecord(treatyId) : [],
          ]),
    );
    for (const [party, feed] of this.parties) {
      for (const [treatyId, parties] of partiesNow) {
        if (parties.includes(party)) feed.treatyIds.add(treatyId);
        else feed.treatyIds.delete(treatyId);
      }
      feed.versions = this.replaced(feed.versions, changed, (treatyId) => feed.treatyIds.has(treatyId));
    }
    // Only once all is redone: a read that fails half-way leaves these changes for the next refresh to redo.
    this.refreshedUpTo = upTo;
  }

  private readVersionsOf(treatyId: string): void {
    const timeline = this.source.timeline(treatyId);
    if (timeline) this.byTreaty.set(treatyId, entryVersionsIn(treatyId, timeline));
    else this.byTreaty.delete(treatyId);
  }

  /** `versions` with those of the `changed` treaties replaced by their current ones (for those `kept`). */
  private replaced(
    versions: readonly EntryVersion[],
    changed: ReadonlySet<string>,
    kept: (treatyId: string) => boolean,
  ): EntryVersion[] {
    const current: EntryVersion[] = [];
    for (const treatyId of changed) {
      const ofTreaty = this.byTreaty.get(treatyId);
      if (ofTreaty && kept(treatyId)) current.push(...ofTreaty);
    }
    const unchanged = versions.filter((version) => !changed.has(version.treatyId));
    return mergedInLogOrder(unchanged, current.sort(inLogOrder));
  }
}

/** Two lists in log order merged into one. */
function mergedInLogOrder(a: readonly EntryVersion[], b: readonly EntryVersion[]): EntryVersion[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  const merged: EntryVersion[] = new Array<EntryVersion>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) merged[k++] = inLogOrder(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) merged[k++] = a[i++]!;
  while (j < b.length) merged[k++] = b[j++]!;
  return merged;
}

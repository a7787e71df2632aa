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
  /** The last position of a change taken in; undefined until the first refresh. */
  private refreshedUpTo: bigint | undefined;
  private readonly byTreaty = new Map<string, readonly EntryVersion[]>();
  private every: readonly EntryVersion[] = [];
  /** Least recently asked first. */
  private readonly parties = new Map<string, PartyFeed>();

  constructor(
    private readonly source: FeedVersionSource,
    private readonly partyFeedsKept = PARTY_FEEDS_KEPT,
  ) {}

  /** Every version of the feed's entries (a party's feed, when given), in log order, as the read model stands now. */
  versions(party?: string): readonly EntryVersion[] {
    this.refresh();
    if (party === undefined) return this.every;
    let feed = this.parties.get(party);
    if (feed) {
      this.parties.delete(party);
    } else {
      const treatyIds = new Set(this.source.treatyIds(party));
      feed = { treatyIds, versions: this.every.filter((version) => treatyIds.has(version.treatyId)) };
      const oldest = this.parties.size >= this.partyFeedsKept ? this.parties.keys().next() : undefined;
      if (oldest && !oldest.done) this.parties.delete(oldest.value);
    }
    this.parties.set(party, feed);
    return feed.versions;
  }

  private refresh(): void {
    const { treatyIds: changed, upTo } = this.source.viewsChangedAfter(this.refreshedUpTo ?? -1n);
    this.refreshedUpTo = upTo;
    if (changed.size === 0) return;
    for (const treatyId of changed) {
      const timeline = this.source.timeline(treatyId);
      if (timeline) this.byTreaty.set(treatyId, entryVersionsIn(treatyId, timeline));
      else this.byTreaty.delete(treatyId);
    }
    this.every = this.replaced(this.every, changed, () => true);
    for (const [party, feed] of this.parties) {
      for (const treatyId of changed) {
        if (this.byTreaty.has(treatyId) && this.source.partiesOnRecord(treatyId).includes(party)) {
          feed.treatyIds.add(treatyId);
        } else {
          feed.treatyIds.delete(treatyId);
        }
      }
      feed.versions = this.replaced(feed.versions, changed, (treatyId) => feed.treatyIds.has(treatyId));
    }
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

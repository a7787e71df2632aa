/** Entry versions per archive document, and the most the subscription document looks back over. */
export const ARCHIVE_SIZE = 50;

/** A feed's versions in log order, read by index: a stored feed's rows (decision 0057), or an array. */
export interface VersionsInLogOrder<T> {
  readonly count: number;
  /** The versions from the `offset`-th (from 0, oldest first), at most `limit`. */
  slice(offset: number, limit: number): readonly T[];
}

/**
 * A feed's documents (RFC 5005 section 4), cut from its entry versions in log order: archive `n` (from 1) holds
 * versions `(n - 1) * 50 + 1` to `n * 50` counted from the oldest, and exists once it is complete, after which a
 * change only appends a version after it (decision 0053). The subscription document holds the newest 50 versions,
 * each entry once, at the newest of them (a version in them that a later one replaced is in an archive). Only the
 * versions of the document asked for are read.
 */
export class FeedArchives<T extends { readonly entryId: string }> {
  private readonly versions: VersionsInLogOrder<T>;

  constructor(versions: readonly T[] | VersionsInLogOrder<T>) {
    this.versions = isArray(versions)
      ? { count: versions.length, slice: (offset, limit) => versions.slice(offset, offset + limit) }
      : versions;
  }

  /** The archives complete: `prev-archive` of the subscription document. */
  get complete(): number {
    return Math.floor(this.versions.count / ARCHIVE_SIZE);
  }

  /** Archive `n`'s versions, newest first; undefined until it is complete. */
  archive(n: number): T[] | undefined {
    if (!Number.isSafeInteger(n) || n < 1 || n > this.complete) return undefined;
    return [...this.versions.slice((n - 1) * ARCHIVE_SIZE, ARCHIVE_SIZE)].reverse();
  }

  /** The subscription document's versions, newest first, each entry once. */
  subscription(): T[] {
    const newest = this.versions.slice(Math.max(0, this.versions.count - ARCHIVE_SIZE), ARCHIVE_SIZE);
    const seen = new Set<string>();
    const entries: T[] = [];
    for (let index = newest.length - 1; index >= 0; index--) {
      const version = newest[index]!;
      if (seen.has(version.entryId)) continue;
      seen.add(version.entryId);
      entries.push(version);
    }
    return entries;
  }
}

function isArray<T>(versions: readonly T[] | VersionsInLogOrder<T>): versions is readonly T[] {
  return Array.isArray(versions);
}

import type { EntryVersion } from './entry-versions';

/** Entry versions per archive document, and the most the subscription document looks back over. */
export const ARCHIVE_SIZE = 50;

/**
 * A feed's documents (RFC 5005 section 4), cut from its entry versions in log order: archive `n` (from 1) holds
 * versions `(n - 1) * 50 + 1` to `n * 50` counted from the oldest, and exists once it is complete, after which a
 * change only appends a version after it (decision 0053). The subscription document holds the newest 50 versions,
 * each entry once, at its latest (a version in them that a later one replaced is in an archive).
 */
export class FeedArchives {
  constructor(private readonly versions: readonly EntryVersion[]) {}

  /** The archives complete: `prev-archive` of the subscription document. */
  get complete(): number {
    return Math.floor(this.versions.length / ARCHIVE_SIZE);
  }

  /** Archive `n`'s versions, newest first; undefined until it is complete. */
  archive(n: number): EntryVersion[] | undefined {
    if (n < 1 || n > this.complete) return undefined;
    return this.versions.slice((n - 1) * ARCHIVE_SIZE, n * ARCHIVE_SIZE).reverse();
  }

  /** The subscription document's versions, newest first. */
  subscription(): EntryVersion[] {
    return this.versions
      .slice(-ARCHIVE_SIZE)
      .filter((version) => version.latest)
      .reverse();
  }
}

import { describe, expect, it } from '@jest/globals';
import type { EntryVersion } from './entry-versions';
import { ARCHIVE_SIZE, FeedArchives } from './feed-archives';

/** `count` recordings, one entry each, then `corrected` of them (the oldest first) corrected. */
function versions(count: number, corrected: number[] = []): EntryVersion[] {
  const all: EntryVersion[] = [];
  for (let n = 0; n < count; n++) {
    all.push({ position: BigInt(n + 1), entryId: `e${n}`, treatyId: 't', developmentId: `d${n}`, latest: true });
  }
  corrected.forEach((n, index) => {
    all[n] = { ...all[n]!, latest: false };
    all.push({ ...all[n], position: BigInt(count + index + 1), latest: true });
  });
  return all;
}

describe('FeedArchives', () => {
  it('cuts complete archives of 50 versions from the oldest, and none before 50', () => {
    expect(new FeedArchives(versions(49)).complete).toBe(0);
    const feed = new FeedArchives(versions(120));
    expect(feed.complete).toBe(2);
    expect(feed.archive(1)!.map((version) => version.entryId)).toEqual(
      Array.from({ length: ARCHIVE_SIZE }, (_, n) => `e${49 - n}`),
    );
    expect(feed.archive(3)).toBeUndefined();
    expect(feed.archive(0)).toBeUndefined();
  });

  it('leaves an archive as it was when a correction adds a version: the new one comes after it', () => {
    const before = new FeedArchives(versions(100)).archive(1)!;
    const after = new FeedArchives(versions(100, [3])).archive(1)!;
    expect(after.map((version) => [version.entryId, version.position])).toEqual(
      before.map((version) => [version.entryId, version.position]),
    );
  });

  it('gives the subscription document the newest 50 versions, each entry once at its latest', () => {
    const feed = new FeedArchives(versions(100, [3, 99]));
    const subscription = feed.subscription();
    expect(subscription.slice(0, 2).map((version) => version.entryId)).toEqual(['e99', 'e3']);
    expect(subscription.filter((version) => version.entryId === 'e99')).toHaveLength(1);
    // 52 to 100 (e51 to e99) and the two corrections: e99's recording is replaced by its correction.
    expect(subscription).toHaveLength(49);
  });
});

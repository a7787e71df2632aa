import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { parseValidAtom, type ParsedFeed } from '../../support/atom-checks';
import { startTestApp, type TestApp } from '../../support/test-app';
import { dumaApproval, post, signature, source } from '../../support/treaty-requests';

/**
 * The consumer review's case (decision 0053): a reader walks the feed while an older entry is corrected. The pages
 * the feed had (newest first, by `updated`) moved the corrected entry to page 1 under the reader, who missed it: 99
 * of 100. The archives (RFC 5005 section 4) never move a version: walked backwards from the subscription document,
 * then polled, they give every entry, the correction as a newer version of its entry.
 */
const PUBLIC_URL = 'https://timeline.example.org/under';
const FEED = '/feeds/developments.atom';
const TREATIES = 50;
const treatyId = (n: number) => `archive-${String(n).padStart(2, '0')}`;

const get = async (subject: TestApp, href: string) => {
  expect(href.startsWith(PUBLIC_URL) || href.startsWith('/')).toBe(true);
  const response = await request(subject.http).get(href.startsWith('/') ? href : href.slice(PUBLIC_URL.length));
  expect(response.status).toBe(200);
  return { response, feed: parseValidAtom(response.text) };
};

/** What an RFC 5005 reader keeps: per entry id, the version with the latest `updated` (section 4.2). */
const remember = (kept: Map<string, { updated: string; content: string }>, feed: ParsedFeed) => {
  for (const entry of feed.entries) {
    const known = kept.get(entry.id);
    if (!known || entry.updated > known.updated) kept.set(entry.id, entry);
  }
};

describe('Atom feed archives (RFC 5005)', () => {
  let subject: TestApp;
  /** The development ids of each treaty's signature, oldest treaty first. */
  const signatures: string[] = [];
  const correct = (n: number, place: string) =>
    post(subject.http, `/treaties/${treatyId(n)}/developments/${signatures[n]}/corrections`, {
      changes: { place },
      reason: `Signed in ${place}`,
      source: source({ publisher: 'Agence France-Presse', publishedOn: '2025-02-01', url: undefined }),
    }).expect(201);

  beforeAll(async () => {
    subject = await startTestApp({ publicUrl: PUBLIC_URL });
    for (let n = 0; n < TREATIES; n++) {
      const id = treatyId(n);
      await post(subject.http, '/treaties', {
        id,
        title: `Treaty ${n}`,
        parties: ['BY', 'RU'],
        category: 'security',
      }).expect(201);
      const signed = await post(subject.http, `/treaties/${id}/developments`, signature()).expect(201);
      signatures.push(signed.body.eventId as string);
      await post(subject.http, `/treaties/${id}/developments`, dumaApproval()).expect(201);
    }
  }, 60_000);
  afterAll(() => subject.close());

  it('reproduces the miss of the paged feed: a correction while walking its pages loses one entry of 100', async () => {
    const seen = new Set<string>();
    const first = (await get(subject, `${FEED}?page=1`)).feed;
    first.entries.forEach((entry) => seen.add(entry.id));
    // The oldest entry, on page 2, is corrected between the reader's two requests: it moves to page 1, read already.
    await correct(0, 'Minsk');
    let next = first.links.next;
    while (next) {
      const { feed } = await get(subject, next);
      feed.entries.forEach((entry) => seen.add(entry.id));
      next = feed.links.next;
    }
    expect(seen.size).toBe(99);
    expect(seen.has(`urn:uuid:${signatures[0]}`)).toBe(false);
  });

  it('loses nothing walking the archives back from the subscription document while an entry is corrected', async () => {
    const kept = new Map<string, { updated: string; content: string }>();
    const subscription = (await get(subject, FEED)).feed;
    expect(subscription.archive).toBe(false);
    expect(subscription.id).toBe(`${PUBLIC_URL}${FEED}`);
    remember(kept, subscription);
    // An old entry, in the oldest archive, is corrected while the reader walks back.
    await correct(1, 'Tehran');
    const walked: string[] = [];
    let previous = subscription.links['prev-archive'];
    while (previous) {
      walked.push(previous);
      const { feed } = await get(subject, previous);
      expect(feed.archive).toBe(true);
      expect(feed.links.current).toBe(`${PUBLIC_URL}${FEED}`);
      remember(kept, feed);
      previous = feed.links['prev-archive'];
    }
    expect(kept.size).toBe(100);
    expect(walked).toEqual([`${PUBLIC_URL}${FEED}?archive=2`, `${PUBLIC_URL}${FEED}?archive=1`]);
    // The archive kept the version it was complete with; the next poll of the subscription document brings the new.
    const before = kept.get(`urn:uuid:${signatures[1]}`)!;
    expect(before.content).not.toContain('Corrected on');
    remember(kept, (await get(subject, FEED)).feed);
    const after = kept.get(`urn:uuid:${signatures[1]}`)!;
    expect(after.updated > before.updated).toBe(true);
    expect(after.content).toContain('Corrected on');
    expect(after.content).toContain('Signed in Tehran');
    expect(kept.size).toBe(100);
    // The correction made before the walk is in the subscription document too, as its entry's latest version.
    expect(kept.get(`urn:uuid:${signatures[0]}`)!.content).toContain('Signed in Minsk');
  });

  it('keeps a complete archive byte for byte, cacheable for long, while entries change', async () => {
    const archive = `${FEED}?archive=1`;
    const { response: first, feed } = await get(subject, archive);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+, immutable$/);
    expect(feed.links['next-archive']).toBe(`${PUBLIC_URL}${FEED}?archive=2`);
    expect(feed.links['prev-archive']).toBeUndefined();
    // Archive 1 holds the first 50 versions in log order: the first 25 treaties' signatures and approvals.
    expect(feed.entries).toHaveLength(50);
    await correct(2, 'Baku');
    const { response: again } = await get(subject, archive);
    expect(again.text).toBe(first.text);
    expect(again.headers.etag).toBe(first.headers.etag);
    await request(subject.http).get(archive).set('If-None-Match', first.headers.etag!).expect(304);
    const subscription = await get(subject, FEED);
    expect(subscription.response.headers['cache-control']).toBe('no-cache');
    expect(subscription.feed.entries[0]!.id).toBe(`urn:uuid:${signatures[2]}`);
  });

  it('answers 404 for an archive not complete yet, and refuses page and archive together', async () => {
    // 100 recordings and 3 corrections: two complete archives.
    const answer = await request(subject.http).get(`${FEED}?archive=3`).expect(404);
    expect(answer.body.code).toBe('FEED_ARCHIVE_NOT_FOUND');
    await request(subject.http).get(`${FEED}?archive=1&page=1`).expect(400);
    await request(subject.http).get(`${FEED}?archive=0`).expect(400);
  });

  it("archives a treaty's and a party's feed the same way", async () => {
    const treaty = (await get(subject, `/treaties/${treatyId(1)}/feed.atom`)).feed;
    expect(treaty.links['prev-archive']).toBeUndefined();
    expect(treaty.entries.map((entry) => entry.id)).toContain(`urn:uuid:${signatures[1]}`);
    const party = (await get(subject, '/parties/BY/feed.atom')).feed;
    expect(party.links['prev-archive']).toBe(`${PUBLIC_URL}/parties/BY/feed.atom?archive=2`);
  });
});

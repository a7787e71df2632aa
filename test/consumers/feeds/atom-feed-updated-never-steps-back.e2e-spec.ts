import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { KEYS, bearer } from '../../support/api-keys';
import { parseValidAtom } from '../../support/atom-checks';
import { startTestApp, type TestApp } from '../../support/test-app';
import { fixedClock, post, signature, source } from '../../support/treaty-requests';

/**
 * RFC 4287 (4.2.15): a feed's `updated` is the most recent instant it was modified in a significant way, so it never
 * goes back. A party's feed is cut from the treaties that party is in now; a treaty that leaves it (the report of the
 * party's joining corrected to another state, or retracted) takes its entries, and with them the newest, out. The
 * feed said the date of its newest entry left: earlier than what it said before (decision 0096).
 */
const BILATERAL = { id: 'de-at-road-transport', title: 'DE-AT road transport agreement', parties: ['DE', 'AT'] };
const CONVENTION = {
  id: 'convention-de-was-said-to-join',
  title: 'Convention DE was reported to join',
  parties: ['AT', 'IR'],
  kind: 'multilateral',
};
const convention = `/treaties/${CONVENTION.id}/developments`;
const HOST = 'timeline.example';

interface Posted {
  readonly eventId: string;
}

describe("a party's Atom feed that loses a treaty", () => {
  let subject: TestApp;
  /** The treaty event's recorded time, by event id, as the auditors' log gives it. */
  const recordedAt = new Map<string, string>();
  const updates: Record<string, string> = {};

  const feed = async (path: string, ifNoneMatch?: string) => {
    const get = request(subject.http).get(path).set('Host', HOST);
    const response = await (ifNoneMatch ? get.set('If-None-Match', ifNoneMatch) : get);
    return { response, feed: response.status === 200 ? parseValidAtom(response.text) : undefined };
  };
  const readLog = async () => {
    const log = await request(subject.http).get('/audit/log').set('Authorization', bearer(KEYS.auditor)).expect(200);
    for (const line of log.text.trim().split('\n')) {
      const { id, recordedAt: at } = JSON.parse(line) as { id: string; recordedAt: string };
      recordedAt.set(id, at);
    }
  };
  /** Apart in time, so that which event dates a feed shows. */
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

  let accession: Posted;
  let correction: Posted;
  let retraction: Posted;
  let bilateralSignature: Posted;
  let etagWithConvention: string;

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2026-08-01T12:00:00.000Z') });
    await post(subject.http, '/treaties', { ...BILATERAL, category: 'other' }).expect(201);
    bilateralSignature = (await post(subject.http, `/treaties/${BILATERAL.id}/developments`, signature()).expect(201))
      .body as Posted;
    await pause();
    await post(subject.http, '/treaties', { ...CONVENTION, category: 'other' }).expect(201);
    await post(subject.http, convention, signature({ occurredOn: '2025-01-10' })).expect(201);
    await pause();
    // 1. DE's accession is reported: the convention becomes DE's, and DE's feed is dated by it.
    accession = (
      await post(subject.http, convention, {
        type: 'consent-to-be-bound',
        consentType: 'accession',
        party: 'DE',
        occurredOn: '2025-09-01',
        source: source({ publishedOn: '2025-09-02' }),
      }).expect(201)
    ).body as Posted;
    const withConvention = await feed('/parties/DE/feed.atom');
    updates['with the convention'] = withConvention.feed!.updated;
    etagWithConvention = withConvention.response.headers.etag!;
    await pause();
    // 2. It was FR that acceded: the correction takes the convention out of DE's feed, into FR's.
    correction = (
      await post(subject.http, `${convention}/${accession.eventId}/corrections`, {
        changes: { party: 'FR' },
        reason: 'The accession was France’s',
        source: source({ publishedOn: '2025-09-03' }),
      }).expect(201)
    ).body as Posted;
    updates['after the correction'] = (await feed('/parties/DE/feed.atom')).feed!.updated;
    updates['after the correction, page 1'] = (await feed('/parties/DE/feed.atom?page=1')).feed!.updated;
    await pause();
    // 3. Nor did FR accede: the retraction takes the convention out of FR's feed too.
    retraction = (
      await post(subject.http, `${convention}/${accession.eventId}/retractions`, {
        reason: 'Nobody acceded: the report confused it with another convention',
        source: source({ publishedOn: '2025-09-04' }),
      }).expect(201)
    ).body as Posted;
    await readLog();
  });
  afterAll(() => subject.close());

  it('was dated by the accession while the convention was in it', () => {
    expect(updates['with the convention']).toBe(recordedAt.get(accession.eventId));
  });

  it('is dated by the correction that took the treaty out, never by the older entry left', async () => {
    const correctedAt = recordedAt.get(correction.eventId)!;
    expect(recordedAt.get(bilateralSignature.eventId)! < correctedAt).toBe(true);
    expect(updates['after the correction']).toBe(correctedAt);
    expect(updates['after the correction, page 1']).toBe(correctedAt);
    // Its entries are the bilateral treaty's only, so it is only the feed's date that says the convention left.
    const { feed: now } = await feed('/parties/DE/feed.atom');
    expect(now!.entries.map((entry) => entry.id)).toEqual([`urn:uuid:${bilateralSignature.eventId}`]);
    expect(now!.updated).toBe(correctedAt);
  });

  it('never goes back: neither a later event of the treaty that left nor the retraction moves it', async () => {
    // The retraction is an event of a treaty that was no longer DE's: DE's feed did not change then.
    expect((await feed('/parties/DE/feed.atom')).feed!.updated).toBe(recordedAt.get(correction.eventId));
  });

  it('dates the feed of the party the correction moved the treaty to, then took it from, by that retraction', async () => {
    const { feed: fr } = await feed('/parties/FR/feed.atom');
    expect(fr!.entries).toEqual([]);
    expect(fr!.updated).toBe(recordedAt.get(retraction.eventId));
  });

  it('names the change in its ETag: the tag from before the treaty left no longer answers 304', async () => {
    const { response } = await feed('/parties/DE/feed.atom', etagWithConvention);
    expect(response.status).toBe(200);
    const again = await feed('/parties/DE/feed.atom', response.headers.etag);
    expect(again.response.status).toBe(304);
  });
});

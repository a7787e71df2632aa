import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { KEYS, bearer } from '../../support/api-keys';
import { parseValidAtom } from '../../support/atom-checks';
import { startTestApp, type TestApp } from '../../support/test-app';
import { RU_IR, dumaApproval, fixedClock, post, registerRuIr, signature, source } from '../../support/treaty-requests';

const developments = `/treaties/${RU_IR.id}/developments`;
const OTHER = { id: 'by-ru-security', title: 'Security treaty', parties: ['BY', 'RU'], category: 'security' };

const atom = async (subject: TestApp, path: string) => {
  const response = await request(subject.http).get(path).expect(200);
  expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
  return { text: response.text, feed: parseValidAtom(response.text) };
};

describe('Atom feeds', () => {
  let subject: TestApp;
  let signatureId: string;
  let approvalId: string;
  let retractionId: string;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    await registerRuIr(subject.http);
    await post(subject.http, '/treaties', OTHER).expect(201);
    signatureId = (await post(subject.http, developments, signature()).expect(201)).body.eventId;
    approvalId = (await post(subject.http, developments, dumaApproval({ occurredOn: '2025-04-09' })).expect(201)).body
      .eventId;
    await post(subject.http, `${developments}/${approvalId}/corrections`, {
      changes: { occurredOn: '2025-04-08' },
      reason: 'The vote was on Tuesday',
      source: source({ publisher: 'State Duma press office', publishedOn: '2025-04-09', url: undefined }),
    }).expect(201);
    await post(subject.http, `/treaties/${OTHER.id}/developments`, signature({ occurredOn: '2025-02' })).expect(201);
    const otherApproval = await post(
      subject.http,
      `/treaties/${OTHER.id}/developments`,
      dumaApproval({ party: 'BY', body: 'House of Representatives', occurredOn: '2025-03-01' }),
    ).expect(201);
    retractionId = (
      await post(subject.http, `/treaties/${OTHER.id}/developments/${otherApproval.body.eventId}/retractions`, {
        reason: 'Confused with a committee vote',
        source: source({ publishedOn: '2025-03-05', url: 'https://example.org/retraction' }),
      }).expect(201)
    ).body.eventId;
  });
  afterAll(() => subject.close());

  it("serves a treaty's developments as valid Atom, each entry linking its treaty and citing its sources", async () => {
    const { feed } = await atom(subject, `/treaties/${RU_IR.id}/feed.atom`);
    expect(feed.id).toMatch(new RegExp(`^http://.+/treaties/${RU_IR.id}/feed\\.atom$`));
    expect(feed.entries.map((entry) => entry.id).sort()).toEqual(
      [`urn:uuid:${approvalId}`, `urn:uuid:${signatureId}`].sort(),
    );
    const approval = feed.entries.find((entry) => entry.id === `urn:uuid:${approvalId}`)!;
    expect(approval.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rel: 'related', href: expect.stringMatching(new RegExp(`/treaties/${RU_IR.id}$`)) }),
        expect.objectContaining({ rel: 'via', href: 'https://example.org/duma-vote', title: 'The Moscow Times' }),
      ]),
    );
    expect(approval.content).toContain('Source: The Moscow Times, 2025-04-09');
    expect(approval.title).toContain('Legislative approval (RU, State Duma)');
  });

  it("links each entry to its development's permalink, a retraction's entry too", async () => {
    const alternate = async (path: string, entryId: string) => {
      const { feed } = await atom(subject, path);
      const links = feed.entries.find((entry) => entry.id === entryId)!.links.filter((l) => l.rel === 'alternate');
      expect(links).toHaveLength(1);
      const answer = await request(subject.http).get(new URL(links[0]!.href).pathname).expect(200);
      return answer.body as { development: { developmentId: string; retracted: boolean } };
    };
    const approval = await alternate(`/treaties/${RU_IR.id}/feed.atom`, `urn:uuid:${approvalId}`);
    expect(approval.development).toMatchObject({ developmentId: approvalId, occurredOn: '2025-04-08' });
    const retracted = await alternate(`/treaties/${OTHER.id}/feed.atom`, `urn:uuid:${retractionId}`);
    expect(retracted.development).toMatchObject({ retracted: true, retraction: { eventId: retractionId } });
  });

  it('updates a corrected development in place: one entry, the correction in it, a later updated date', async () => {
    const { feed } = await atom(subject, `/treaties/${RU_IR.id}/feed.atom`);
    const approvals = feed.entries.filter((entry) => entry.id === `urn:uuid:${approvalId}`);
    expect(approvals).toHaveLength(1);
    expect(approvals[0]!.categories).toEqual(['legislative-approval', 'corrected']);
    expect(approvals[0]!.content).toContain('Date: 2025-04-08.');
    expect(approvals[0]!.content).toContain('Corrected on');
    const signed = feed.entries.find((entry) => entry.id === `urn:uuid:${signatureId}`)!;
    expect(approvals[0]!.updated > signed.updated).toBe(true);
    expect(feed.entries[0]!.id).toBe(`urn:uuid:${approvalId}`);
  });

  it('gives a retraction an entry of its own', async () => {
    const { feed } = await atom(subject, `/treaties/${OTHER.id}/feed.atom`);
    const retraction = feed.entries.find((entry) => entry.id === `urn:uuid:${retractionId}`)!;
    expect(retraction.categories).toEqual(['retraction']);
    expect(retraction.content).toContain('Confused with a committee vote');
    expect(retraction.links).toEqual(
      expect.arrayContaining([expect.objectContaining({ rel: 'via', href: 'https://example.org/retraction' })]),
    );
    expect(feed.entries.filter((entry) => entry.categories.includes('retracted'))).toHaveLength(1);
    // Both changed when the retraction was recorded: they lead the feed.
    expect(
      feed.entries
        .slice(0, 2)
        .map((entry) => entry.categories.at(-1))
        .sort(),
    ).toEqual(['retracted', 'retraction']);
  });

  it("serves every development, and a party's, as valid Atom", async () => {
    const all = (await atom(subject, '/feeds/developments.atom')).feed;
    expect(all.entries).toHaveLength(5);
    const by = (await atom(subject, '/parties/BY/feed.atom')).feed;
    expect(by.entries.every((entry) => entry.links.some((link) => link.href.endsWith(`/treaties/${OTHER.id}`)))).toBe(
      true,
    );
    expect(by.entries).toHaveLength(3);
    expect((await atom(subject, '/parties/CN/feed.atom')).feed.entries).toEqual([]);
  });

  it('still pages as before with ?page= (RFC 5005 section 3): links that walk every entry once', async () => {
    for (let day = 10; day < 35; day++) {
      const id = `bulk-${day}`;
      await post(subject.http, '/treaties', { ...OTHER, id, title: `Bulk ${day}` }).expect(201);
      await post(
        subject.http,
        `/treaties/${id}/developments`,
        signature({ occurredOn: `2025-01-${String(day - 5).padStart(2, '0')}` }),
      ).expect(201);
      await post(subject.http, `/treaties/${id}/developments`, dumaApproval()).expect(201);
    }
    const seen: string[] = [];
    let next: string | undefined = '/feeds/developments.atom?page=1';
    let pages = 0;
    while (next) {
      const { feed } = await atom(subject, next.replace(/^http:\/\/[^/]+/, ''));
      pages += 1;
      seen.push(...feed.entries.map((entry) => entry.id));
      expect(feed.links.first).toMatch(/\/feeds\/developments\.atom\?page=1$/);
      expect(feed.links.last).toMatch(/\/feeds\/developments\.atom\?page=\d+$/);
      if (pages > 1) expect(feed.links.previous).toBeDefined();
      next = feed.links.next;
    }
    expect(pages).toBe(2);
    expect(seen).toHaveLength(55);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('follows TIMELINE_PUBLIC_READS and refuses a malformed party or treaty', async () => {
    const closed = await startTestApp({ publicReads: false }, { clock: fixedClock() });
    await request(closed.http).get('/feeds/developments.atom').expect(401);
    await request(closed.http).get('/feeds/developments.atom').set('Authorization', bearer(KEYS.reader)).expect(200);
    await closed.close();
    await request(subject.http).get('/parties/not-a-code/feed.atom').expect(400);
    await request(subject.http).get('/treaties/unknown-treaty/feed.atom').expect(404);
  });
});

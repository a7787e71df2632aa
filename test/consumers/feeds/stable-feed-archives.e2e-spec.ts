import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { treatyStreamName } from '@timeline/treaty';
import { startEsdbProtocolDouble, type EsdbProtocolDouble } from '../../esdb-protocol-double';
import { parseValidAtom, type ParsedEntry } from '../../support/atom-checks';
import { startTestApp, whenReady, type TestApp } from '../../support/test-app';
import { dumaApproval, post, signature, source } from '../../support/treaty-requests';

/**
 * A complete archive never changes (decision 0053), and since decision 0057 that holds for a party's feed too: its
 * versions are stored as the log makes them, not derived from the treaties the party is in now. Before, a treaty the
 * party joined brought its earlier versions into the party's past (moving every later archive), a retracted joining
 * took them out again, and a treaty deleted for good moved the later archives of every feed that held it.
 */
/** Links are absolute: on one public URL, so that two requests (each on a port of its own) render alike. */
const PUBLIC_URL = 'https://timeline.example.org';
const archive = async (subject: TestApp, feed: string, n: number): Promise<string> =>
  (await request(subject.http).get(`${feed}?archive=${n}`).expect(200)).text;

describe("a party's feed archives when a treaty joins it, and when the joining is retracted", () => {
  let subject: TestApp;
  const CONVENTION = {
    id: 'convention-de-joins-later',
    title: 'Convention that DE joins later',
    parties: ['AT', 'IR'],
    category: 'other',
    kind: 'multilateral',
  };
  const FEED = '/parties/DE/feed.atom';
  let accession: { eventId: string };
  /** DE's archive 1 before the convention became DE's, and after. */
  let before: string;
  let joined: string;

  beforeAll(async () => {
    subject = await startTestApp({ publicUrl: PUBLIC_URL });
    // The convention's signature comes first in the log, before every version of DE's feed.
    await post(subject.http, '/treaties', CONVENTION).expect(201);
    await post(subject.http, `/treaties/${CONVENTION.id}/developments`, signature()).expect(201);
    for (let n = 0; n < 52; n++) {
      const id = `de-fr-${String(n).padStart(2, '0')}`;
      await post(subject.http, '/treaties', { id, title: `DE–FR ${n}`, parties: ['DE', 'FR'], category: 'trade' });
      await post(subject.http, `/treaties/${id}/developments`, signature()).expect(201);
    }
    before = await archive(subject, FEED, 1);
    accession = (
      await post(subject.http, `/treaties/${CONVENTION.id}/developments`, {
        type: 'consent-to-be-bound',
        consentType: 'accession',
        party: 'DE',
        occurredOn: '2025-09-01',
        source: source({ publishedOn: '2025-09-02' }),
      }).expect(201)
    ).body as { eventId: string };
    joined = await archive(subject, FEED, 1);
  }, 60_000);
  afterAll(() => subject.close());

  it('keeps the archive byte for byte when a treaty becomes the party’s, and shows its history where it joins', async () => {
    expect(joined).toBe(before);
    const subscription = parseValidAtom((await request(subject.http).get(FEED).expect(200)).text);
    const titles = subscription.entries.map((entry) => entry.title);
    // The convention's signature and DE's accession, newest first, at the top of the subscription document.
    expect(titles.slice(0, 2)).toEqual([
      `Consent to be bound (DE, accession): ${CONVENTION.title}`,
      `Signed (Moscow): ${CONVENTION.title}`,
    ]);
    expect(subscription.links['prev-archive']).toMatch(/\?archive=1$/);
  });

  it('keeps the archive byte for byte when the joining is retracted, and tells the party’s feed of the retraction', async () => {
    await post(subject.http, `/treaties/${CONVENTION.id}/developments/${accession.eventId}/retractions`, {
      reason: 'DE acceded to nothing: the report confused it with another convention',
      source: source({ publishedOn: '2025-09-03' }),
    }).expect(201);
    expect(await archive(subject, FEED, 1)).toBe(joined);
    const subscription = parseValidAtom((await request(subject.http).get(FEED).expect(200)).text);
    expect(subscription.entries[0]!.title).toMatch(/^Retraction/);
    // The convention's later developments no longer reach DE's feed.
    await post(
      subject.http,
      `/treaties/${CONVENTION.id}/developments`,
      dumaApproval({ party: 'AT', body: 'Nationalrat' }),
    ).expect(201);
    const after = parseValidAtom((await request(subject.http).get(FEED).expect(200)).text);
    expect(after.entries[0]!.title).toMatch(/^Retraction/);
  });
});

describe('feed archives when another treaty is deleted for good, on EventStoreDB (through the protocol double)', () => {
  let server: EsdbProtocolDouble;
  let subject: TestApp;
  const DOOMED = { id: 'ru-kz-deleted-for-good', title: 'Deleted for good', parties: ['RU', 'KZ'], category: 'trade' };
  const FEEDS = ['/parties/KZ/feed.atom', '/feeds/developments.atom'];
  const kept = new Map<string, string>();

  beforeAll(async () => {
    server = await startEsdbProtocolDouble();
    subject = await startTestApp(
      { store: { kind: 'eventstoredb', connectionString: server.connectionString }, publicUrl: PUBLIC_URL },
      { keepData: true },
    );
    await new Promise<void>((resolve) => subject.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    expect((await whenReady(subject.http)).status).toBe(200);
    // The doomed treaty's two versions come first: in archive 1 of both feeds; archive 2 holds none of them.
    for (let n = -1; n < 50; n++) {
      const treaty = n < 0 ? DOOMED : { ...DOOMED, id: `ru-kz-${n}`, title: `RU–KZ ${n}` };
      await post(subject.http, '/treaties', treaty).expect(201);
      await post(subject.http, `/treaties/${treaty.id}/developments`, signature()).expect(201);
      await post(subject.http, `/treaties/${treaty.id}/developments`, dumaApproval()).expect(201);
    }
    for (const feed of FEEDS) kept.set(feed, await archive(subject, feed, 2));
    expect(await archive(subject, FEEDS[0]!, 1)).toContain(DOOMED.id);
    server.tombstone(treatyStreamName(DOOMED.id));
    const deadline = Date.now() + 10_000;
    while ((await request(subject.http).get(`/treaties/${DOOMED.id}`)).status !== 410) {
      if (Date.now() > deadline) throw new Error('The read model never learnt of the deletion');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }, 120_000);
  afterAll(async () => {
    await subject.close();
    await server.stop();
    rmSync(subject.config.dataDir, { recursive: true, force: true });
  });

  it.each(FEEDS)('keeps %s?archive=2 byte for byte: the deleted treaty keeps its places in archive 1', async (feed) => {
    expect(await archive(subject, feed, 2)).toBe(kept.get(feed));
    const first = parseValidAtom(await archive(subject, feed, 1));
    // Nothing of the deleted treaty is shown any more; the other 48 versions of archive 1 stay.
    expect(first.entries).toHaveLength(48);
    expect(JSON.stringify(first.entries)).not.toContain(DOOMED.id);
  });
});

describe('the feed of every development for the demo data', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp({ loadDemoData: true, publicUrl: PUBLIC_URL });
  });
  afterAll(() => subject.close());

  /** Every entry version of a feed, walking its archives back from the subscription document. */
  const walk = async (feed: string): Promise<Map<string, ParsedEntry>> => {
    const versions = new Map<string, ParsedEntry>();
    let next: string | undefined = feed;
    while (next) {
      const document = parseValidAtom((await request(subject.http).get(next).expect(200)).text);
      for (const entry of document.entries) versions.set(`${entry.id} ${entry.updated}`, entry);
      const previous: string | undefined = document.links['prev-archive'];
      next = previous?.slice(PUBLIC_URL.length);
    }
    return versions;
  };

  it("holds the versions the treaties' own feeds hold, rendered alike", async () => {
    const treaties = (await request(subject.http).get('/treaties?limit=100').expect(200)).body as {
      items: { id: string }[];
    };
    expect(treaties.items.length).toBeGreaterThan(1);
    const ofTreaties = new Map<string, ParsedEntry>();
    for (const { id } of treaties.items) {
      for (const [key, entry] of await walk(`/treaties/${id}/feed.atom`)) ofTreaties.set(key, entry);
    }
    const every = await walk('/feeds/developments.atom');
    expect(every.size).toBeGreaterThan(0);
    // A version a treaty's short feed replaced in its subscription document may be in an archive of the long feed.
    for (const [key, entry] of ofTreaties) expect({ key, entry: every.get(key) }).toEqual({ key, entry });
    const ids = (versions: Map<string, ParsedEntry>) => [...new Set([...versions.values()].map((entry) => entry.id))];
    expect(ids(every).sort()).toEqual(ids(ofTreaties).sort());
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { collect } from '@timeline/event-store/testing';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, whenReady, type TestApp } from '../support/test-app';
import { dumaApproval, post, signature } from '../support/treaty-requests';

const TREATY = 'ru-ir-comprehensive-strategic-partnership';
/** Two reports: the State Duma's vote the demo data has, and the Federation Council's, which it has not. */
const ARTICLE = {
  text:
    'Russia’s upper house, the Federation Council, on Wednesday approved the strategic partnership treaty with Iran.\n' +
    'Lawmakers in Russia’s lower-house State Duma ratified the 20-year strategic partnership treaty with Iran on\n' +
    'April 8, the Kremlin said.',
  publishedOn: '2025-04-16',
  publisher: 'Test Wire',
};

describe('POST /extractions', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp({ loadDemoData: true });
    await whenReady(subject.http);
  });
  afterAll(() => subject.close());

  const extract = (body: object, key: string = KEYS.editor) =>
    request(subject.http).post('/extractions').set('Authorization', bearer(key)).send(body);

  /** Posts a write to the treaty and waits until the read model, which the extraction reads, holds it. */
  const written = async (treatyId: string, path: string, body: object) => {
    const { position } = (await post(subject.http, path, body).expect(201)).body as { position: string };
    await request(subject.http).get(`/treaties/${treatyId}?minPosition=${position}`).expect(200);
  };

  it('answers 200 with proposals: dates resolved, quotes verbatim, the record checked, nothing written', async () => {
    const store = subject.app.get<EventStore>(EVENT_STORE);
    const before = (await collect(store.readAll())).length;
    const response = await extract(ARTICLE).expect(200);
    const proposals = response.body.proposals as {
      treatyId: string;
      type: string;
      body?: string;
      occurredOn: string;
      precision: string;
      quote: string;
      quoteStart: number;
      quoteEnd: number;
      alreadyRecorded: string | null;
    }[];
    for (const proposal of proposals) {
      expect(ARTICLE.text.slice(proposal.quoteStart, proposal.quoteEnd)).toBe(proposal.quote);
    }
    const council = proposals.find((proposal) => proposal.body === 'Federation Council');
    expect(council).toMatchObject({
      treatyId: TREATY,
      type: 'legislative-approval',
      party: 'RU',
      occurredOn: '2025-04-16',
      precision: 'day',
      alreadyRecorded: null,
    });
    const duma = proposals.find((proposal) => proposal.body === 'State Duma');
    expect(duma).toMatchObject({ treatyId: TREATY, occurredOn: '2025-04-08', precision: 'day' });
    const timeline = await request(subject.http).get(`/treaties/${TREATY}/timeline`).expect(200);
    const recorded = (timeline.body.items as { developmentId: string; body?: string; occurredOn: string }[]).filter(
      (item) => item.body === 'State Duma' && item.occurredOn === '2025-04-08',
    );
    expect(recorded.map((item) => item.developmentId)).toContain(duma?.alreadyRecorded);
    expect((await collect(store.readAll())).length).toBe(before);
  });

  it('answers 401 without a key and 403 to readers and auditors', async () => {
    await request(subject.http).post('/extractions').send(ARTICLE).expect(401);
    await extract(ARTICLE, KEYS.reader).expect(403);
    await extract(ARTICLE, KEYS.auditor).expect(403);
  });

  it.each([
    ['no publication date', { text: ARTICLE.text }],
    ['a publication date that is not a day', { ...ARTICLE, publishedOn: '2025-04' }],
    ['a publication date the calendar lacks', { ...ARTICLE, publishedOn: '2025-02-29' }],
    ['an empty text', { ...ARTICLE, text: '' }],
    ['a text over 100,000 characters', { ...ARTICLE, text: 'a'.repeat(100_001) }],
    ['a field it does not know', { ...ARTICLE, treatyId: TREATY }],
    ['an address that is not http(s)', { ...ARTICLE, url: 'ftp://example.org/a' }],
  ])('answers 400 to %s', async (_case, body) => {
    const response = await extract(body).expect(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });

  it('answers 422 DATE_IN_FUTURE to an article dated after today, whose every proposal would be refused', async () => {
    const tomorrowEverywhere = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const response = await extract({ ...ARTICLE, publishedOn: tomorrowEverywhere }).expect(422);
    expect(response.body).toMatchObject({ code: 'DATE_IN_FUTURE', field: 'publishedOn' });
  });

  it('names a state not yet a party of a multilateral treaty as its chamber’s voter, which the record then takes', async () => {
    const treaty = {
      id: 'caspian-transit-convention',
      title: 'Convention on Caspian Transit',
      parties: ['IR', 'KZ', 'RU'],
      category: 'trade',
      kind: 'multilateral',
    };
    await written(treaty.id, '/treaties', treaty);
    const text = "Azerbaijan's Milli Majlis approved the transit convention with Iran and Russia on Monday.";
    const response = await extract({ text, publishedOn: '2025-04-08', publisher: 'Test Wire' }).expect(200);
    const [vote] = (response.body.proposals as { treatyId: string; type: string }[]).filter(
      (proposal) => proposal.treatyId === treaty.id,
    );
    expect(vote).toMatchObject({
      type: 'legislative-approval',
      party: 'AZ',
      body: 'Milli Majlis',
      occurredOn: '2025-04-07',
    });
    // As the desk posts it: the decider takes a non-party's approval on a multilateral treaty (decision 0070).
    await post(
      subject.http,
      `/treaties/${treaty.id}/developments`,
      dumaApproval({ party: 'AZ', body: 'Milli Majlis', occurredOn: '2025-04-07' }),
    ).expect(201);
  });

  it('finds by its title a treaty that an acceding state is not a party of, whose parties the article does not name', async () => {
    const treaty = {
      id: 'biological-diversity-convention',
      title: 'Convention on Biological Diversity',
      parties: ['BY', 'RU'],
      category: 'other',
      kind: 'multilateral',
    };
    await post(subject.http, '/treaties', treaty).expect(201);
    await written(treaty.id, `/treaties/${treaty.id}/developments`, signature({ occurredOn: '1992-06-05' }));
    const text = 'Uzbekistan acceded to the Convention on Biological Diversity on March 5, the foreign ministry said.';
    const response = await extract({ text, publishedOn: '2025-04-08', publisher: 'Test Wire' }).expect(200);
    const [accession] = response.body.proposals as {
      treatyId: string;
      type: string;
      consentType: string;
      party: string;
      occurredOn: string;
      quote: string;
    }[];
    expect(accession).toMatchObject({
      treatyId: treaty.id,
      type: 'consent-to-be-bound',
      consentType: 'accession',
      party: 'UZ',
      occurredOn: '2025-03-05',
    });
    // As the desk posts it: the decider takes a state's accession to a multilateral treaty (decision 0067).
    const { treatyId, type, consentType, party, occurredOn, quote } = accession!;
    await post(subject.http, `/treaties/${treatyId}/developments`, {
      type,
      consentType,
      party,
      occurredOn,
      source: { publisher: 'Test Wire', publishedOn: '2025-04-08', quote },
    }).expect(201);
  });

  it('names the state that ratified, not the other side, and reads no state in a place named after one', async () => {
    const register = (id: string, title: string, parties: string[]) =>
      written(id, '/treaties', { id, title, parties, category: 'other' });
    await register('fr-it-friendship', 'Treaty of Friendship between France and Italy', ['FR', 'IT']);
    await register('fr-de-friendship', 'Treaty of Friendship between France and Germany', ['FR', 'DE']);
    await register('gn-ng-maritime', 'Agreement between Guinea and Nigeria on maritime security', ['GN', 'NG']);
    await register('gh-ng-maritime', 'Agreement between Ghana and Nigeria on maritime security', ['GH', 'NG']);
    const text =
      'Italy ratified the treaty with France on Tuesday.\n\n' +
      'Off the Gulf of Guinea, Nigeria withdrew from the maritime security agreement with Ghana on Monday.';
    const response = await extract({ text, publishedOn: '2025-04-08', publisher: 'Test Wire' }).expect(200);
    const proposals = (response.body.proposals as Record<string, unknown>[]).map(
      ({ treatyId, type, party, occurredOn, confidence }) => ({ treatyId, type, party, occurredOn, confidence }),
    );
    expect(proposals).toEqual([
      {
        treatyId: 'fr-it-friendship',
        type: 'ratification-completed',
        party: 'IT',
        occurredOn: '2025-04-08',
        confidence: 0.9,
      },
      { treatyId: 'gh-ng-maritime', type: 'withdrawn', party: 'NG', occurredOn: '2025-04-07', confidence: 0.9 },
    ]);
  });

  it('is documented in the OpenAPI document', async () => {
    const document = (await request(subject.http).get('/docs-json').expect(200)).body;
    const post = document.paths['/extractions']?.post;
    expect(post?.requestBody).toBeDefined();
    expect(Object.keys(post?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401', '403', '422']));
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['ExtractionRequestDto', 'ExtractionResponseDto', 'ProposalDto']),
    );
  });
});

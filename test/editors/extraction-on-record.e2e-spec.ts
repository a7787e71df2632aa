import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, whenReady, type TestApp } from '../support/test-app';

const TREATY = 'ru-ir-partnership-on-record';
const WORDS = 'The partnership treaty with Russia opens a new chapter';
const VOTE = 'The State Duma ratified the partnership treaty with Iran on Tuesday by 400 votes to 2.';
const ARTICLE = {
  text: `${VOTE}\n“${WORDS},” Iranian Foreign Minister Abbas Araghchi said on Tuesday.`,
  publishedOn: '2025-04-09',
  publisher: 'Test Wire',
  url: 'https://wire.example/2025/04/09/duma',
};
const EARLIER = { publisher: 'IRNA', publishedOn: '2025-04-08' };

interface Proposal {
  type: string;
  party?: string;
  body?: string;
  speaker?: string;
  votes?: object;
  occurredOn: string;
  quote: string;
  alreadyRecorded: string | null;
  detailsNotOnRecord?: { field: string; reported: unknown; onRecord?: unknown }[];
  reportedByThisArticle?: true;
  statementOnRecord?: { speaker: string; quote: string };
}

/**
 * What a proposal says confirming it would do, against what the report route then does with the report the desk
 * sends: the hint and the decision must agree.
 */
describe('POST /extractions: what confirming a proposal on record would do', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp({ loadDemoData: false });
    await whenReady(subject.http);
    await post('/treaties', {
      id: TREATY,
      title:
        'Treaty on Comprehensive Strategic Partnership between the Russian Federation and the Islamic Republic of Iran',
      parties: ['RU', 'IR'],
      category: 'partnership',
    }).expect(201);
  });
  afterAll(() => subject.close());

  const post = (path: string, body: object) =>
    request(subject.http).post(path).set('Authorization', bearer(KEYS.editor)).send(body);
  const proposals = async () => (await post('/extractions', ARTICLE).expect(200)).body.proposals as Proposal[];
  const source = (proposal: Proposal) => ({
    publisher: ARTICLE.publisher,
    publishedOn: ARTICLE.publishedOn,
    url: ARTICLE.url,
    quote: proposal.quote,
  });
  const report = (development: object) => post(`/treaties/${TREATY}/developments`, development);

  it('names the details the record lacks, adds the source without them, then says the article is on record', async () => {
    const recorded = await report({
      type: 'legislative-approval',
      party: 'RU',
      body: 'State Duma',
      occurredOn: '2025-04-08',
      source: EARLIER,
    }).expect(201);
    const vote = (await proposals()).find((proposal) => proposal.type === 'legislative-approval')!;
    expect(vote).toMatchObject({
      alreadyRecorded: recorded.body.eventId,
      detailsNotOnRecord: [{ field: 'votes', reported: { for: 400, against: 2 } }],
    });
    expect(vote).not.toHaveProperty('reportedByThisArticle');

    const { type, party, body, occurredOn, votes } = vote;
    const asProposed = await report({ type, party, body, occurredOn, votes, source: source(vote) }).expect(409);
    expect(asProposed.body.code).toBe('DETAILS_NOT_ON_RECORD');
    await report({ type, party, body, occurredOn, source: source(vote) }).expect(201);

    const again = (await proposals()).find((proposal) => proposal.type === 'legislative-approval')!;
    expect(again).toMatchObject({ alreadyRecorded: recorded.body.eventId, reportedByThisArticle: true });
    const repeated = await report({ type, party, body, occurredOn, source: source(again) }).expect(409);
    expect(repeated.body.code).toBe('REPORT_ALREADY_RECORDED');
  });

  it('marks a statement on record and gives its speaker and words, which a corroborating report gives', async () => {
    const recorded = await report({
      type: 'statement',
      speaker: 'Seyed Abbas Araghchi',
      quote: WORDS,
      parties: ['IR'],
      occurredOn: '2025-04-08',
      source: EARLIER,
    }).expect(201);
    const statement = (await proposals()).find((proposal) => proposal.type === 'statement')!;
    expect(statement).toMatchObject({
      alreadyRecorded: recorded.body.eventId,
      statementOnRecord: { speaker: 'Seyed Abbas Araghchi', quote: WORDS },
    });

    const corroboration = await report({
      type: 'statement',
      ...statement.statementOnRecord,
      parties: [statement.party],
      occurredOn: statement.occurredOn,
      source: source(statement),
    }).expect(201);
    expect(corroboration.body).toMatchObject({ eventType: 'DevelopmentCorroborated' });
    const permalink = await request(subject.http).get(corroboration.headers.location!).expect(200);
    expect(permalink.body.development).toMatchObject({
      developmentId: recorded.body.eventId,
      sources: [EARLIER, source(statement)].map((cited) => expect.objectContaining(cited)),
    });
  });
});

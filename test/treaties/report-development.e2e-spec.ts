import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  RU_IR,
  dumaApproval,
  fixedClock,
  post,
  registerRuIr,
  signature,
  source,
  storedEvents,
} from '../support/treaty-requests';

const developments = `/treaties/${RU_IR.id}/developments`;

describe('POST /treaties/{id}/developments', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2025-06-01T12:00:00.000Z') });
    await registerRuIr(subject.http);
  });
  afterAll(() => subject.close());

  it('appends a development as its own event type: 201 with eventId, revision, position and ETag', async () => {
    const response = await post(subject.http, developments, signature()).expect(201);
    expect(response.body).toMatchObject({ treatyId: RU_IR.id, eventType: 'TreatySigned', revision: '1' });
    expect(response.headers.etag).toBe('"1"');
    // Location is the development's permalink, which answers at once (the write waited for its read model).
    expect(response.headers.location).toBe(`${developments}/${response.body.eventId as string}`);
    const permalink = await request(subject.http)
      .get(response.headers.location as string)
      .expect(200);
    expect(permalink.body.development).toMatchObject({ developmentId: response.body.eventId, type: 'signed' });
    const events = await storedEvents(subject, RU_IR.id);
    expect(events[1]).toMatchObject({ id: response.body.eventId, type: 'TreatySigned' });
    expect(events[1]?.data).toMatchObject({
      developmentId: response.body.eventId,
      occurredOn: '2025-01-17',
      place: 'Moscow',
    });
  });

  it('keeps valid time and the source beside the recorded time', async () => {
    const response = await post(subject.http, developments, dumaApproval()).expect(201);
    const event = (await storedEvents(subject, RU_IR.id)).find((stored) => stored.id === response.body.eventId);
    expect(event?.type).toBe('LegislativeApprovalGiven');
    expect(event?.data).toMatchObject({ party: 'RU', body: 'State Duma', occurredOn: '2025-04-08', source: source() });
    expect(event?.recordedAt.toISOString()).not.toBe('2025-04-08');
  });

  it('adds an agreeing report of the same development as a corroboration, not a second development', async () => {
    const corroboration = dumaApproval({
      body: '  state   duma ',
      occurredOn: '2025-04',
      source: source({ publisher: 'Brussels Morning Newspaper', publishedOn: '2025-05-21', url: undefined }),
    });
    const response = await post(subject.http, developments, corroboration).expect(201);
    expect(response.body.eventType).toBe('DevelopmentCorroborated');
    const event = (await storedEvents(subject, RU_IR.id)).find((stored) => stored.id === response.body.eventId);
    expect(event?.data).toMatchObject({ source: { publisher: 'Brussels Morning Newspaper' } });
  });

  it('keeps a disagreeing report as a second development, marked as disagreeing', async () => {
    const tehranTimes = source({
      publisher: 'Tehran Times',
      publishedOn: '2025-04-16',
      url: undefined,
      quote: undefined,
    });
    const response = await post(
      subject.http,
      developments,
      dumaApproval({ occurredOn: '2025-04-09', source: tehranTimes }),
    ).expect(201);
    const events = await storedEvents(subject, RU_IR.id);
    const first = events.find((event) => event.type === 'LegislativeApprovalGiven');
    const second = events.find((event) => event.id === response.body.eventId);
    expect(second?.type).toBe('LegislativeApprovalGiven');
    expect(second?.data).toMatchObject({ disagreesWith: [first?.id] });
  });

  it('keeps the same source reporting another date as a disagreeing report: the date alone decides', async () => {
    // The Moscow Times first reported the Duma vote on 2025-04-08; now the same article is cited for 2025-04-07.
    const response = await post(
      subject.http,
      developments,
      dumaApproval({ occurredOn: '2025-04-07', source: source() }),
    ).expect(201);
    expect(response.body.eventType).toBe('LegislativeApprovalGiven');
    const events = await storedEvents(subject, RU_IR.id);
    const approvals = events.filter((event) => event.type === 'LegislativeApprovalGiven');
    expect(approvals.at(-1)?.data).toMatchObject({
      occurredOn: '2025-04-07',
      source: source(),
      disagreesWith: expect.arrayContaining([approvals[0]?.id]),
    });
  });

  it('refuses the same report sent again without an Idempotency-Key (409 REPORT_ALREADY_RECORDED), alone or in a batch', async () => {
    // An editor's retry after a lost answer, or an article extracted and accepted a second time: recorded, it was
    // one more corroboration with the same source, listed twice in the timeline and the permalink.
    const interfax = source({ publisher: 'Interfax', url: 'https://www.interfax.ru/1', publishedOn: '2025-04-09' });
    const report = dumaApproval({ source: interfax });
    const first = await post(subject.http, developments, report).expect(201);
    expect(first.body.eventType).toBe('DevelopmentCorroborated');
    const before = await storedEvents(subject, RU_IR.id);
    const again = await post(subject.http, developments, report).expect(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.body).toMatchObject({ code: 'REPORT_ALREADY_RECORDED', field: 'source' });
    expect(again.body.detail).toContain(String(before.find((event) => event.type === 'LegislativeApprovalGiven')?.id));
    const council = dumaApproval({
      body: 'Federation Council',
      occurredOn: '2025-04-16',
      source: source({ publisher: 'RIA Novosti', url: 'https://ria.ru/1', publishedOn: '2025-04-17' }),
    });
    const batch = await post(subject.http, `${developments}:batch`, [council, council]);
    expect(batch.status).toBe(409);
    expect(batch.body).toMatchObject({ code: 'REPORT_ALREADY_RECORDED', index: 1 });
    expect(await storedEvents(subject, RU_IR.id)).toHaveLength(before.length);
    // The corroboration's permalink is its development's, read once the read model has applied it.
    const permalink = await request(subject.http)
      .get(`${developments}/${first.body.eventId}?minPosition=${first.body.position}`)
      .expect(200);
    const cited = permalink.body.development.sources.map((one: { publisher: string }) => one.publisher);
    expect(cited.filter((publisher: string) => publisher === 'Interfax')).toHaveLength(1);
  });

  it('refuses a corroboration whose details the record lacks (409 DETAILS_NOT_ON_RECORD), and takes it without them', async () => {
    // Another paper gives the Duma's vote with its count: a corroboration records only the source and the date, so
    // the count would have been dropped without a word while the record cited the paper (decision 0041).
    const kommersant = source({ publisher: 'Kommersant', url: 'https://kommersant.ru/1', publishedOn: '2025-04-09' });
    const before = await storedEvents(subject, RU_IR.id);
    const withCount = dumaApproval({ votes: { for: 401, against: 0 }, source: kommersant });
    const refused = await post(subject.http, developments, withCount).expect(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'DETAILS_NOT_ON_RECORD', field: 'votes' });
    expect(refused.body.detail).toContain('(on record: none)');
    expect(refused.body.detail).toContain(
      String(before.find((event) => event.type === 'LegislativeApprovalGiven')?.id),
    );
    const batch = await post(subject.http, `${developments}:batch`, [withCount]).expect(409);
    expect(batch.body).toMatchObject({ code: 'DETAILS_NOT_ON_RECORD', index: 0 });
    expect(await storedEvents(subject, RU_IR.id)).toHaveLength(before.length);
    const taken = await post(subject.http, developments, dumaApproval({ source: kommersant })).expect(201);
    expect(taken.body.eventType).toBe('DevelopmentCorroborated');
  });

  it.each([
    ['PARTY_NOT_IN_TREATY', 422, dumaApproval({ party: 'KP' })],
    ['UNKNOWN_DEVELOPMENT_TYPE', 422, dumaApproval({ type: 'annexed' })],
    // The clock says 12:00 UTC on 1 June: 2 June has begun only at UTC+14, 3 June nowhere.
    ['DATE_IN_FUTURE', 422, dumaApproval({ occurredOn: '2025-06-03' })],
    ['DATE_BEFORE_SIGNATURE', 409, dumaApproval({ occurredOn: '2025-01-10', body: 'Federation Council' })],
    ['SIGNATURE_AFTER_DEVELOPMENT', 409, signature({ occurredOn: '2025-05' })],
    // An article of 8 April cannot report a vote of the 10th: one of the two dates is wrong.
    ['SOURCE_BEFORE_DEVELOPMENT', 422, dumaApproval({ occurredOn: '2025-04-10', source: source() })],
  ])('answers %s (%i) and writes nothing', async (code, status, body) => {
    const before = await storedEvents(subject, RU_IR.id);
    const response = await post(subject.http, developments, body).expect(status);
    expect(response.body).toMatchObject({ code, status });
    expect(await storedEvents(subject, RU_IR.id)).toHaveLength(before.length);
  });

  it('accepts what happened today where the day has begun ahead of UTC (12:00 UTC is 02:00 tomorrow at UTC+14)', async () => {
    const context = { type: 'context', summary: 'A depositary notice from Tarawa', occurredOn: '2025-06-02' };
    const response = await post(subject.http, developments, { ...context, source: source() }).expect(201);
    expect(response.body).toMatchObject({ eventType: 'ContextReported' });
  });

  it('answers 404 TREATY_NOT_FOUND for a treaty that was never registered', async () => {
    const response = await post(subject.http, '/treaties/no-such-treaty/developments', signature()).expect(404);
    expect(response.body).toMatchObject({ code: 'TREATY_NOT_FOUND' });
    expect(await storedEvents(subject, 'no-such-treaty')).toHaveLength(0);
  });

  it.each([
    ['a malformed date', dumaApproval({ occurredOn: '2025-13-01' }), 'occurredOn'],
    ['a missing source', { ...dumaApproval(), source: undefined }, 'source'],
    ['a source without publisher', dumaApproval({ source: source({ publisher: undefined }) }), 'source.publisher'],
    ['a non-http url', dumaApproval({ source: source({ url: 'javascript:alert(1)' }) }), 'source.url'],
    ['a null party', dumaApproval({ party: null }), 'party'],
    ['negative votes', dumaApproval({ votes: { for: -1 } }), 'votes.for'],
    ['an unknown nested field', dumaApproval({ source: source({ extra: 1 }) }), 'source.extra'],
    ['a 1 MB quote', dumaApproval({ source: source({ quote: '🕊'.repeat(60_000) }) }), 'source.quote'],
  ])('answers 400 VALIDATION_FAILED for %s, naming %s', async (_label, body, field) => {
    const response = await post(subject.http, developments, body).expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((response.body as { errors: { field: string }[] }).errors.map((error) => error.field)).toContain(field);
  });
});

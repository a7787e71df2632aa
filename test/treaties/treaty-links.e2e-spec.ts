import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { fixedClock, post, source } from '../support/treaty-requests';

/** Relations and diplomacy that name several treaties show on each of them (issue 13, items 7 and 8). */
const EARLIER = {
  id: 'ru-ir-2001-treaty',
  title: 'Treaty on the Basis for Mutual Relations',
  parties: ['RU', 'IR'],
  category: 'partnership',
};
const LATER = {
  id: 'ru-ir-2025-treaty',
  title: 'Treaty on Comprehensive Strategic Partnership',
  parties: ['RU', 'IR'],
  category: 'partnership',
  kind: 'bilateral',
  relations: [{ type: 'builds-on', treatyId: EARLIER.id }],
};
const quote = 'The new treaty builds on the 2001 treaty and takes it further.';
/** A statement recorded on the later treaty that names the earlier one. */
const statementOnEarlier = {
  type: 'statement',
  speaker: 'Maria Zakharova',
  quote,
  occurredOn: '2025-01-15',
  treaties: [EARLIER.id],
  parties: ['RU'],
  source: source({ publishedOn: '2025-01-15' }),
};

describe('links between treaties, over HTTP', () => {
  let subject: TestApp;
  let position: string;
  let statementId: string;

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2025-06-01T12:00:00.000Z') });
    // The later treaty is registered first: the earlier one finds what was said about it once it is registered.
    await post(subject.http, '/treaties', LATER).expect(201);
    const statement = await post(subject.http, `/treaties/${LATER.id}/developments`, statementOnEarlier).expect(201);
    statementId = statement.body.eventId;
    position = (await post(subject.http, '/treaties', EARLIER).expect(201)).body.position;
  });
  afterAll(() => subject.close());

  it('a relation shows on both treaties, read from each side', async () => {
    const later = await request(subject.http).get(`/treaties/${LATER.id}?minPosition=${position}`).expect(200);
    expect(later.body.relations).toEqual([{ type: 'builds-on', treatyId: EARLIER.id, direction: 'outgoing' }]);
    const earlier = await request(subject.http).get(`/treaties/${EARLIER.id}`).expect(200);
    expect(earlier.body.relations).toEqual([{ type: 'built-on-by', treatyId: LATER.id, direction: 'incoming' }]);
  });

  it('a statement shows in the timeline of its own treaty as diplomacy, and in the linked treaty among linkedItems', async () => {
    const later = await request(subject.http).get(`/treaties/${LATER.id}/timeline`).expect(200);
    expect(later.body.items).toEqual([
      expect.objectContaining({ type: 'statement', kind: 'diplomacy', speaker: 'Maria Zakharova', quote }),
    ]);
    expect(later.body.linkedItems).toEqual([]);
    const earlier = await request(subject.http).get(`/treaties/${EARLIER.id}/timeline`).expect(200);
    expect(earlier.body.items).toEqual([]);
    expect(earlier.body.linkedItems).toEqual([
      expect.objectContaining({ type: 'statement', fromTreatyId: LATER.id, developmentId: statementId, quote }),
    ]);
  });

  it("a statement's permalink is on the treaty it is recorded on; the linked treaty points there", async () => {
    const own = await request(subject.http).get(`/treaties/${LATER.id}/developments/${statementId}`).expect(200);
    expect(own.body.development).toMatchObject({ type: 'statement', developmentId: statementId, quote });
    const elsewhere = await request(subject.http)
      .get(`/treaties/${EARLIER.id}/developments/${statementId}`)
      .expect(404);
    expect(elsewhere.body).toMatchObject({ code: 'DEVELOPMENT_NOT_FOUND', recordedOn: LATER.id });
    expect(elsewhere.body.detail).toContain(`/treaties/${LATER.id}/developments/${statementId}`);
    const before = await request(subject.http)
      .get(`/treaties/${LATER.id}/developments/${statementId}?asOf=2025-01-14`)
      .expect(404);
    expect(before.body.detail).toContain('as of 2025-01-14');
  });

  it('asOf applies to linked items; a statement never changes a status', async () => {
    const before = await request(subject.http).get(`/treaties/${EARLIER.id}/timeline?asOf=2025-01-14`).expect(200);
    expect(before.body.linkedItems).toEqual([]);
    const after = await request(subject.http).get(`/treaties/${EARLIER.id}/timeline?asOf=2025-01-15`).expect(200);
    expect(after.body.linkedItems).toHaveLength(1);
    const status = await request(subject.http).get(`/treaties/${LATER.id}`).expect(200);
    expect(status.body.status).toBe('registered');
  });

  it('a retracted statement leaves the linked treaty too', async () => {
    const retraction = await post(subject.http, `/treaties/${LATER.id}/developments/${statementId}/retractions`, {
      reason: 'Misattributed',
      source: source({ publishedOn: '2025-05-01' }),
    }).expect(201);
    const earlier = await request(subject.http)
      .get(`/treaties/${EARLIER.id}/timeline?minPosition=${retraction.body.position}`)
      .expect(200);
    expect(earlier.body.linkedItems).toEqual([]);
  });
});

describe('what other treaties had said at a past moment (knownAt), over HTTP', () => {
  let subject: TestApp;
  const later = { ...LATER, relations: [] };
  const amending = { ...LATER, id: 'ru-ir-2026-protocol', relations: [{ type: 'amends', treatyId: EARLIER.id }] };
  // Recorded time is the store's clock, not the test's: take instants between writes to ask knownAt about.
  const instants: Record<string, string> = {};
  const instant = async (name: string) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    instants[name] = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const linkedItemsKnownAt = async (moment: string) =>
    (await request(subject.http).get(`/treaties/${EARLIER.id}/timeline?knownAt=${moment}`).expect(200)).body
      .linkedItems as { developmentId: string }[];

  let statementId: string;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2025-06-01T12:00:00.000Z') });
    await post(subject.http, '/treaties', EARLIER).expect(201);
    await post(subject.http, '/treaties', later).expect(201);
    await instant('beforeStatement');
    const statement = await post(subject.http, `/treaties/${later.id}/developments`, statementOnEarlier).expect(201);
    statementId = statement.body.eventId;
    await instant('afterStatement');
    await post(subject.http, `/treaties/${later.id}/developments/${statementId}/retractions`, {
      reason: 'Misattributed',
      source: source({ publishedOn: '2025-05-01' }),
    }).expect(201);
    await instant('afterRetraction');
    await post(subject.http, '/treaties', amending).expect(201);
  });
  afterAll(() => subject.close());

  it('leaves out a statement another treaty recorded after the moment, and keeps one it retracted after it', async () => {
    expect(await linkedItemsKnownAt(instants.beforeStatement!)).toEqual([]);
    expect(await linkedItemsKnownAt(instants.afterStatement!)).toEqual([
      expect.objectContaining({ type: 'statement', fromTreatyId: later.id, developmentId: statementId, quote }),
    ]);
    expect(await linkedItemsKnownAt(instants.afterRetraction!)).toEqual([]);
  });

  it('shows a relation another treaty stated only from the moment it was recorded', async () => {
    const then = await request(subject.http)
      .get(`/treaties/${EARLIER.id}?knownAt=${instants.afterRetraction}`)
      .expect(200);
    expect(then.body.relations).toEqual([]);
    const now = await request(subject.http)
      .get(`/treaties/${EARLIER.id}?knownAt=${new Date().toISOString()}`)
      .expect(200);
    expect(now.body.relations).toEqual([{ type: 'amended-by', treatyId: amending.id, direction: 'incoming' }]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, dumaApproval, fixedClock, post, registerRuIr, signature, source } from '../support/treaty-requests';

const developments = `/treaties/${RU_IR.id}/developments`;

describe('GET /treaties and GET /treaties/{id}/timeline', () => {
  let subject: TestApp;
  let last: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2025-06-01T12:00:00.000Z') });
    await registerRuIr(subject.http);
    for (const [id, parties, category] of [
      ['eaeu-ir-free-trade-agreement', ['EAEU', 'IR'], 'trade'],
      ['ru-kp-comprehensive-strategic-partnership', ['RU', 'KP'], 'partnership'],
      ['ru-by-security-guarantees', ['RU', 'BY'], 'security'],
    ] as const) {
      last = (await post(subject.http, '/treaties', { id, title: id, parties, category }).expect(201)).body.position;
    }
    ids.signed = (await post(subject.http, developments, signature()).expect(201)).body.eventId;
    ids.duma = (
      await post(subject.http, developments, dumaApproval({ occurredOn: '2025-04-09' })).expect(201)
    ).body.eventId;
    const other = source({ publisher: 'Tehran Times', publishedOn: '2025-05-20', url: undefined });
    ids.disagreeing = (
      await post(subject.http, developments, dumaApproval({ occurredOn: '2025-05', source: other })).expect(201)
    ).body.eventId;
    ids.corroboration = (
      await post(
        subject.http,
        developments,
        dumaApproval({ occurredOn: '2025-04', source: source({ publisher: 'AFP', publishedOn: '2025-04-10' }) }),
      ).expect(201)
    ).body.eventId;
    ids.correction = (
      await post(subject.http, `${developments}/${ids.duma}/corrections`, {
        changes: { occurredOn: '2025-04-08' },
        reason: 'The vote was on Tuesday',
        source: source({ publisher: 'State Duma', publishedOn: '2025-04-08' }),
      }).expect(201)
    ).body.eventId;
    const retraction = await post(subject.http, `${developments}/${ids.disagreeing}/retractions`, {
      reason: 'Wrong month',
      source: other,
    }).expect(201);
    last = retraction.body.position;
  });
  afterAll(() => subject.close());

  it('lists every treaty with its status, filtered by party, status and category, a page at a time', async () => {
    const all = await request(subject.http).get(`/treaties?minPosition=${last}`).expect(200);
    expect(all.body.items.map((item: { id: string }) => item.id)).toEqual([
      'eaeu-ir-free-trade-agreement',
      'ru-by-security-guarantees',
      RU_IR.id,
      'ru-kp-comprehensive-strategic-partnership',
    ]);
    expect(all.body.nextCursor).toBeNull();
    const ir = await request(subject.http).get('/treaties?party=IR').expect(200);
    expect(ir.body.items.map((item: { id: string }) => item.id)).toEqual(['eaeu-ir-free-trade-agreement', RU_IR.id]);
    const inProgress = await request(subject.http).get('/treaties?status=ratification-in-progress').expect(200);
    expect(inProgress.body.items).toEqual([
      expect.objectContaining({ id: RU_IR.id, status: 'ratification-in-progress' }),
    ]);
    const security = await request(subject.http).get('/treaties?category=security').expect(200);
    expect(security.body.items.map((item: { id: string }) => item.id)).toEqual(['ru-by-security-guarantees']);

    const first = await request(subject.http).get('/treaties?limit=3').expect(200);
    expect(first.body.items).toHaveLength(3);
    const second = await request(subject.http).get(`/treaties?limit=3&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body).toEqual({
      items: [expect.objectContaining({ id: 'ru-kp-comprehensive-strategic-partnership' })],
      nextCursor: null,
    });
  });

  it('refuses a page size out of bounds', async () => {
    const response = await request(subject.http).get('/treaties?limit=5000').expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'limit' })]);
  });

  it('shows the full history in valid-time order, with corrections, retractions and disagreements beside each', async () => {
    const response = await request(subject.http).get(`/treaties/${RU_IR.id}/timeline`).expect(200);
    expect(response.body.treatyId).toBe(RU_IR.id);
    const items = response.body.items as Record<string, unknown>[];
    expect(items.map((item) => item.eventId)).toEqual([ids.signed, ids.duma, ids.disagreeing]);
    expect(items[0]).toMatchObject({
      type: 'signed',
      occurredOn: '2025-01-17',
      precision: 'day',
      recordedAt: expect.any(String),
    });
    expect(items[1]).toMatchObject({
      type: 'legislative-approval',
      party: 'RU',
      body: 'State Duma',
      occurredOn: '2025-04-08',
      corrections: [
        expect.objectContaining({
          eventId: ids.correction,
          changes: { occurredOn: '2025-04-08' },
          reason: 'The vote was on Tuesday',
        }),
      ],
      retracted: false,
    });
    expect((items[1]?.sources as { publisher: string }[]).map((s) => s.publisher)).toEqual(['The Moscow Times', 'AFP']);
    expect(items[2]).toMatchObject({
      occurredOn: '2025-05',
      precision: 'month',
      disagreesWith: [ids.duma],
      retracted: true,
      retraction: expect.objectContaining({ reason: 'Wrong month' }),
    });
  });

  it('answers asOf on the timeline: only what had happened by then', async () => {
    const response = await request(subject.http).get(`/treaties/${RU_IR.id}/timeline?asOf=2025-03-01`).expect(200);
    expect(response.body.items.map((item: { eventId: string }) => item.eventId)).toEqual([ids.signed]);
  });

  it('needs a reader key when public reads are off', async () => {
    const closed = await startTestApp({ publicReads: false });
    try {
      const anonymous = await request(closed.http).get('/treaties').expect(401);
      expect(anonymous.body).toMatchObject({ code: 'UNAUTHENTICATED' });
      for (const key of [KEYS.reader, KEYS.editor, KEYS.auditor]) {
        await request(closed.http).get('/treaties').set('Authorization', bearer(key)).expect(200);
      }
    } finally {
      await closed.close();
    }
  });
});

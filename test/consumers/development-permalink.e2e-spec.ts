import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, dumaApproval, fixedClock, post, registerRuIr, signature, source } from '../support/treaty-requests';

const developments = `/treaties/${RU_IR.id}/developments`;

interface Answer {
  treatyId: string;
  revision: string;
  knownAt: string | null;
  development: Record<string, unknown> & { developmentId: string };
}

describe('GET /treaties/{id}/developments/{developmentId}: a development’s permalink', () => {
  let subject: TestApp;
  let approvalId: string;
  let corroborationId: string;
  let correctionId: string;
  let retractionId: string;
  let signatureId: string;
  let beforeCorrection: string;
  const get = (path: string) => request(subject.http).get(path);

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    await registerRuIr(subject.http);
    signatureId = (await post(subject.http, developments, signature()).expect(201)).body.eventId;
    approvalId = (await post(subject.http, developments, dumaApproval({ occurredOn: '2025-04-09' })).expect(201)).body
      .eventId;
    corroborationId = (
      await post(
        subject.http,
        developments,
        dumaApproval({ occurredOn: '2025-04-09', source: source({ publisher: 'TASS', url: 'https://example.org/t' }) }),
      ).expect(201)
    ).body.eventId;
    await new Promise((resolve) => setTimeout(resolve, 5));
    beforeCorrection = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    correctionId = (
      await post(subject.http, `${developments}/${approvalId}/corrections`, {
        changes: { occurredOn: '2025-04-08' },
        reason: 'The vote was on Tuesday',
        source: source({ publisher: 'State Duma press office', publishedOn: '2025-04-09', url: undefined }),
      }).expect(201)
    ).body.eventId;
    retractionId = (
      await post(subject.http, `${developments}/${signatureId}/retractions`, {
        reason: 'Confused with the initialling',
        source: source({ publishedOn: '2025-04-10' }),
      }).expect(201)
    ).body.eventId;
  });
  afterAll(() => subject.close());

  it('answers the development as the timeline shows it, corrections applied and every source', async () => {
    const timeline = await get(`/treaties/${RU_IR.id}/timeline`).expect(200);
    const inTimeline = (timeline.body.items as Answer['development'][]).find((item) => item.eventId === approvalId);
    const answer = (await get(`${developments}/${approvalId}`).expect(200)).body as Answer;
    expect(answer).toMatchObject({ treatyId: RU_IR.id, title: RU_IR.title, revision: timeline.body.revision });
    expect(answer.development).toEqual(inTimeline);
    expect(answer.development).toMatchObject({ occurredOn: '2025-04-08', retracted: false });
    expect((answer.development.sources as unknown[]).length).toBe(2);
  });

  it('leads from any event about a development to it: a corroboration, a correction, a retraction', async () => {
    for (const id of [corroborationId, correctionId, approvalId.toUpperCase()]) {
      const answer = (await get(`${developments}/${id}`).expect(200)).body as Answer;
      expect(answer.development.developmentId).toBe(approvalId);
    }
    const retracted = (await get(`${developments}/${retractionId}`).expect(200)).body as Answer;
    expect(retracted.development).toMatchObject({ developmentId: signatureId, retracted: true });
  });

  it('answers as the record stood at knownAt', async () => {
    const answer = (await get(`${developments}/${approvalId}?knownAt=${beforeCorrection}`).expect(200)).body as Answer;
    expect(answer.knownAt).toBe(beforeCorrection);
    expect(answer.development).toMatchObject({ occurredOn: '2025-04-09', corrections: [] });
    await get(`${developments}/${correctionId}?knownAt=${beforeCorrection}`).expect(404);
  });

  it('answers 404 for an id no development has, one that is no UUID, and an unknown treaty', async () => {
    const unknown = await get(`${developments}/${randomUUID()}`).expect(404);
    expect(unknown.body).toMatchObject({ code: 'DEVELOPMENT_NOT_FOUND' });
    expect((await get(`${developments}/not-a-uuid`).expect(404)).body).toMatchObject({ code: 'DEVELOPMENT_NOT_FOUND' });
    const otherTreaty = await get(`/treaties/no-such-treaty/developments/${approvalId}`).expect(404);
    expect(otherTreaty.body).toMatchObject({ code: 'TREATY_NOT_FOUND' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { KEYS, bearer } from '../support/api-keys';
import { exportLog } from '../support/audit-helpers';
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

describe('?dryRun=true on the write routes', () => {
  let subject: TestApp;
  let signatureId: string;

  /** What a dry run must leave as it was: the treaty's stream and the whole log. */
  async function unchanged<T>(run: () => Promise<T>): Promise<T> {
    const stream = await storedEvents(subject, RU_IR.id);
    const log = await exportLog(subject.http);
    const result = await run();
    expect(await storedEvents(subject, RU_IR.id)).toEqual(stream);
    expect(await exportLog(subject.http)).toBe(log);
    return result;
  }

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    await registerRuIr(subject.http);
    signatureId = (await post(subject.http, developments, signature()).expect(201)).body.eventId as string;
  });
  afterAll(() => subject.close());

  describe('POST /treaties', () => {
    it('answers 200 with the registration it would append and the new treaty status, and appends nothing', async () => {
      const treaty = { ...RU_IR, id: 'fr-de-example-treaty', parties: ['FR', 'DE'] };
      const response = await unchanged(() => post(subject.http, '/treaties?dryRun=true', treaty).expect(200));
      expect(response.body).toMatchObject({
        dryRun: true,
        treatyId: 'fr-de-example-treaty',
        revision: null,
        replayOf: null,
        wouldAppend: {
          eventType: 'TreatyRegistered',
          data: { treatyId: 'fr-de-example-treaty', parties: ['FR', 'DE'] },
        },
        status: { id: 'fr-de-example-treaty', status: 'registered' },
        timeline: { treatyId: 'fr-de-example-treaty', items: [] },
      });
      // No stream, so no revision to match (Express may still add its own weak ETag of the body).
      expect(response.headers.etag ?? '').not.toMatch(/^"\d+"$/);
      expect(await storedEvents(subject, 'fr-de-example-treaty')).toHaveLength(0);
      await request(subject.http).get('/treaties/fr-de-example-treaty').expect(404);
    });

    it('gives the errors the write would give', async () => {
      const response = await unchanged(() => post(subject.http, '/treaties?dryRun=true', RU_IR).expect(409));
      expect(response.body).toMatchObject({ code: 'TREATY_ALREADY_REGISTERED' });
      const invalid = await post(subject.http, '/treaties?dryRun=true', { ...RU_IR, id: 'Bad Id' }).expect(400);
      expect(invalid.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });

  describe('POST /treaties/{id}/developments', () => {
    it('shows the status and timeline as they would be, with the revision decided on as ETag', async () => {
      const response = await unchanged(() =>
        post(subject.http, `${developments}?dryRun=true`, dumaApproval()).set('If-Match', '"1"').expect(200),
      );
      expect(response.headers.etag).toBe('"1"');
      expect(response.body).toMatchObject({
        revision: '1',
        wouldAppend: { eventType: 'LegislativeApprovalGiven', data: { party: 'RU', body: 'State Duma' } },
        status: { status: 'ratification-in-progress', ratification: { RU: { status: 'in-progress' } } },
      });
      const items = response.body.timeline.items as { eventType: string; developmentId: string }[];
      expect(items.map((item) => item.eventType)).toEqual(['TreatySigned', 'LegislativeApprovalGiven']);
      expect(items[1]?.developmentId).toBe(response.body.wouldAppend.eventId);
    });

    it('honours If-Match: a stale ETag gets 412 REVISION_MISMATCH with the current revision', async () => {
      const response = await unchanged(() =>
        post(subject.http, `${developments}?dryRun=true`, dumaApproval()).set('If-Match', '"0"').expect(412),
      );
      expect(response.body).toMatchObject({ code: 'REVISION_MISMATCH', currentRevision: '1' });
    });

    it('refuses what the decider refuses, and what validation refuses', async () => {
      const outsider = await unchanged(() =>
        post(subject.http, `${developments}?dryRun=true`, dumaApproval({ party: 'KP' })).expect(422),
      );
      expect(outsider.body).toMatchObject({ code: 'PARTY_NOT_IN_TREATY' });
      const missing = await post(subject.http, `/treaties/no-such-treaty/developments?dryRun=true`, dumaApproval());
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ code: 'TREATY_NOT_FOUND' });
      const badMode = await post(subject.http, `${developments}?dryRun=yes`, dumaApproval()).expect(400);
      expect(badMode.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('does not use up the Idempotency-Key: the real write with that key then appends', async () => {
      const key = 'dry-run-then-write';
      const dry = await unchanged(() =>
        post(subject.http, `${developments}?dryRun=true`, dumaApproval()).set('Idempotency-Key', key).expect(200),
      );
      const real = await post(subject.http, developments, dumaApproval()).set('Idempotency-Key', key).expect(201);
      expect(real.body.eventId).toBe(dry.body.wouldAppend.eventId);
      // Now the key answers: a dry run of the same request says it would be a replay, another body is refused.
      const again = await unchanged(() =>
        post(subject.http, `${developments}?dryRun=true`, dumaApproval()).set('Idempotency-Key', key).expect(200),
      );
      expect(again.body).toMatchObject({ wouldAppend: null, replayOf: real.body.eventId });
      const reused = await unchanged(() =>
        post(subject.http, `${developments}?dryRun=true`, dumaApproval({ occurredOn: '2025-04-07' }))
          .set('Idempotency-Key', key)
          .expect(422),
      );
      expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    });

    it('needs the editor role, like the write', async () => {
      await unchanged(() =>
        request(subject.http)
          .post(`${developments}?dryRun=true`)
          .set('Authorization', bearer(KEYS.reader))
          .send(dumaApproval())
          .expect(403),
      );
    });
  });

  describe('POST .../corrections and .../retractions', () => {
    it('a correction dry run shows the corrected development in the timeline', async () => {
      const response = await unchanged(() =>
        post(subject.http, `${developments}/${signatureId}/corrections?dryRun=true`, {
          changes: { place: 'Moscow, the Kremlin' },
          reason: 'More precise place',
          source: source({ publishedOn: '2025-01-18' }),
        }).expect(200),
      );
      expect(response.body.wouldAppend).toMatchObject({
        eventType: 'DevelopmentCorrected',
        data: { developmentId: signatureId },
      });
      const signed = (
        response.body.timeline.items as { developmentId: string; place?: string; corrections: [] }[]
      ).find((item) => item.developmentId === signatureId);
      expect(signed).toMatchObject({ place: 'Moscow, the Kremlin', corrections: [{ reason: 'More precise place' }] });
    });

    it('a retraction dry run shows the status without the development, and 404 for an unknown one', async () => {
      const response = await unchanged(() =>
        post(subject.http, `${developments}/${signatureId}/retractions?dryRun=true`, {
          reason: 'Wrong treaty',
          source: source(),
        }).expect(200),
      );
      expect(response.body.wouldAppend).toMatchObject({ eventType: 'DevelopmentRetracted' });
      expect(response.body.status).toMatchObject({ signedOn: null });
      const unknown = await unchanged(() =>
        post(subject.http, `${developments}/00000000-0000-4000-8000-000000000000/retractions?dryRun=true`, {
          reason: 'Wrong treaty',
          source: source(),
        }).expect(404),
      );
      expect(unknown.body).toMatchObject({ code: 'DEVELOPMENT_NOT_FOUND' });
    });
  });

  it('is in the OpenAPI document: the dryRun query on each write route and the 200 answer', async () => {
    const document = (await request(subject.http).get('/docs-json').expect(200)).body as {
      paths: Record<string, { post?: { parameters: { name: string; in: string }[]; responses: object } }>;
    };
    // The batch route (a backfill of many developments) has no dry run.
    const writes = Object.entries(document.paths).filter(
      ([path, item]) => item.post && path.startsWith('/treaties') && !path.endsWith(':batch'),
    );
    expect(writes).toHaveLength(4);
    expect(document.paths).toHaveProperty(['/treaties/{treatyId}/developments:batch']);
    for (const [, item] of writes) {
      expect(item.post?.parameters).toContainEqual(expect.objectContaining({ name: 'dryRun', in: 'query' }));
      expect(item.post?.responses).toHaveProperty('200');
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { fixedClock, post, source } from '../support/treaty-requests';

/**
 * Decision 0099, over HTTP: a termination reported before the treaty entered into force, no state applying it
 * provisionally, ended nothing in force. The report is kept; the treaty will not enter into force, in the status and
 * in the listing, and `warnings` says why.
 */

const report = (body: Record<string, unknown>) => ({
  source: source({ publisher: 'Example Gazette', publishedOn: '2026-07-31' }),
  ...body,
});

const CONVENTION = {
  id: 'convention-terminated-before-it-was-in-force',
  title: 'Convention reported terminated before it entered into force',
  parties: ['AT', 'BE', 'CZ'],
  category: 'other',
  kind: 'multilateral',
  entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
};

describe('GET /treaties/{id} of a treaty reported terminated before it entered into force', () => {
  let subject: TestApp;
  let terminationId: string;
  let lastPosition: string;

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2026-08-01T12:00:00.000Z') });
    await post(subject.http, '/treaties', CONVENTION).expect(201);
    for (const body of [
      { type: 'signed', occurredOn: '2025-01-05' },
      { type: 'consent-to-be-bound', consentType: 'ratification', party: 'AT', occurredOn: '2025-03-01' },
      { type: 'terminated', occurredOn: '2025-03-05' },
    ]) {
      const answer = await post(subject.http, `/treaties/${CONVENTION.id}/developments`, report(body)).expect(201);
      terminationId = answer.body.eventId;
      lastPosition = answer.body.position;
    }
  });
  afterAll(() => subject.close());

  it('shows it will not enter into force, not terminated, with a warning that names no party', async () => {
    const status = (
      await request(subject.http).get(`/treaties/${CONVENTION.id}`).query({ minPosition: lastPosition }).expect(200)
    ).body;
    expect(status).toMatchObject({
      status: 'will-not-enter-into-force',
      terminatedOn: null,
      warnings: [{ code: 'TERMINATION_BEFORE_ENTRY_INTO_FORCE', party: null, developmentIds: [terminationId] }],
    });
    const listed = async (state: string) =>
      (await request(subject.http).get(`/treaties?status=${state}`).expect(200)).body.items.map(
        (item: { id: string }) => item.id,
      );
    expect(await listed('will-not-enter-into-force')).toContain(CONVENTION.id);
    expect(await listed('terminated')).not.toContain(CONVENTION.id);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { fixedClock, post, source } from '../support/treaty-requests';

/**
 * Decision 0098, over HTTP: a resumption reported before the treaty entered into force, or while nothing stood
 * suspended, is recorded as reported and resumes nothing. The status stays what it is, and `warnings` says why.
 */

const report = (body: Record<string, unknown>) => ({
  source: source({ publisher: 'Example Gazette', publishedOn: '2026-07-31' }),
  ...body,
});

/** In force 30 days after the second instrument: AT on 1 March, BE on 9 March 2025, so on 8 April 2025. */
const CONVENTION = {
  id: 'convention-resumed-before-it-was-in-force',
  title: 'Convention reported resumed before it entered into force',
  parties: ['AT', 'BE', 'CZ'],
  category: 'other',
  kind: 'multilateral',
  entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
};

describe('GET /treaties/{id} of a treaty reported resumed with nothing suspended', () => {
  let subject: TestApp;
  const ids: Record<string, string> = {};
  let lastPosition: string;
  const write = async (name: string, body: Record<string, unknown>) => {
    const answer = await post(subject.http, `/treaties/${CONVENTION.id}/developments`, report(body)).expect(201);
    ids[name] = answer.body.eventId;
    lastPosition = answer.body.position;
  };
  const status = async (query: Record<string, string> = {}) =>
    (
      await request(subject.http)
        .get(`/treaties/${CONVENTION.id}`)
        .query({ minPosition: lastPosition, ...query })
        .expect(200)
    ).body;

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2026-08-01T12:00:00.000Z') });
    await post(subject.http, '/treaties', CONVENTION).expect(201);
    await write('signed', { type: 'signed', occurredOn: '2025-01-05' });
    await write('resumedEarly', { type: 'resumed', occurredOn: '2025-02-01' });
    await write('AT', {
      type: 'consent-to-be-bound',
      consentType: 'ratification',
      party: 'AT',
      occurredOn: '2025-03-01',
    });
    await write('BE', {
      type: 'consent-to-be-bound',
      consentType: 'ratification',
      party: 'BE',
      occurredOn: '2025-03-09',
    });
    await write('resumedByAT', { type: 'resumed', party: 'AT', occurredOn: '2025-06-01' });
  });
  afterAll(() => subject.close());

  it('flags a resumption before entry into force with no party, the treaty signed then', async () => {
    expect(await status({ asOf: '2025-02-15' })).toMatchObject({
      status: 'signed',
      suspendedOn: null,
      warnings: [{ code: 'RESUMPTION_BEFORE_ENTRY_INTO_FORCE', party: null, developmentIds: [ids['resumedEarly']] }],
    });
  });

  it("flags a party's resumption of a treaty in force that nothing suspended, the treaty in force", async () => {
    expect(await status()).toMatchObject({
      status: 'in-force',
      suspendedOn: null,
      warnings: [
        { code: 'RESUMPTION_BEFORE_ENTRY_INTO_FORCE', party: null, developmentIds: [ids['resumedEarly']] },
        { code: 'RESUMPTION_WITHOUT_SUSPENSION', party: 'AT', developmentIds: [ids['resumedByAT']] },
      ],
    });
  });
});

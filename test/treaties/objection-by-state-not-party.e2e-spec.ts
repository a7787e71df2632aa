import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { fixedClock, post, source } from '../support/treaty-requests';

/**
 * Decision 0112, over HTTP: on a treaty registered multilateral, a state entitled to become a party may object to a
 * reservation before it joins (ILC Guide to Practice on Reservations, guideline 2.6.5(b)). The objection is recorded,
 * makes the state no party, and is flagged; on a bilateral treaty it is still refused.
 */

const report = (body: Record<string, unknown>) => ({
  source: source({ publisher: 'Depositary', publishedOn: '2026-07-31' }),
  ...body,
});

const CONVENTION = {
  id: 'convention-objected-to-by-a-state-not-party',
  title: 'Convention a state objects to before joining',
  parties: ['AT', 'BE'],
  category: 'other',
  kind: 'multilateral',
};
const BILATERAL = {
  id: 'bilateral-objected-to-by-a-third-state',
  title: 'Bilateral agreement a third state objects to',
  parties: ['RU', 'IR'],
  category: 'other',
  kind: 'bilateral',
};

describe('POST /treaties/{id}/developments of an objection by a state not yet a party', () => {
  let subject: TestApp;
  const ids: Record<string, string> = {};
  let lastPosition: string;
  const write = async (treaty: string, name: string, body: Record<string, unknown>) => {
    const answer = await post(subject.http, `/treaties/${treaty}/developments`, report(body)).expect(201);
    ids[name] = answer.body.eventId;
    lastPosition = answer.body.position;
  };

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2026-08-01T12:00:00.000Z') });
    await post(subject.http, '/treaties', CONVENTION).expect(201);
    await post(subject.http, '/treaties', BILATERAL).expect(201);
    const deposit = { type: 'consent-to-be-bound', consentType: 'ratification', party: 'AT', occurredOn: '2025-03-01' };
    await write(CONVENTION.id, 'AT', deposit);
    await write(CONVENTION.id, 'reservation', { type: 'reservation', party: 'AT', occurredOn: '2025-03-01' });
    await write(BILATERAL.id, 'reservation', { type: 'reservation', party: 'IR', occurredOn: '2025-03-01' });
  });
  afterAll(() => subject.close());

  it('records it on a multilateral treaty, lists it on the reservation, and flags it', async () => {
    await write(CONVENTION.id, 'objection', {
      type: 'objection',
      party: 'JP',
      againstParty: 'AT',
      occurredOn: '2025-09-01',
    });
    const status = (
      await request(subject.http).get(`/treaties/${CONVENTION.id}`).query({ minPosition: lastPosition }).expect(200)
    ).body;
    expect(status.parties).toEqual(['AT', 'BE']);
    expect(status.ratification.AT.reservations[0].objectedToBy).toEqual([
      { party: 'JP', on: '2025-09-01', developmentId: ids['objection'] },
    ]);
    expect(status.warnings).toEqual([
      { code: 'OBJECTION_BY_STATE_NOT_ON_RECORD', party: 'JP', developmentIds: [ids['objection']] },
    ]);
  });

  it('refuses it on a bilateral treaty', async () => {
    const answer = await post(
      subject.http,
      `/treaties/${BILATERAL.id}/developments`,
      report({ type: 'objection', party: 'JP', againstParty: 'IR', occurredOn: '2025-09-01' }),
    ).expect(422);
    expect(answer.body).toMatchObject({ code: 'PARTY_NOT_IN_TREATY' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { fixedClock, post, source } from '../support/treaty-requests';

/**
 * Decision 0085, over HTTP: a suspension reported before the treaty entered into force, no state applying it
 * provisionally, is recorded as reported and suspends nothing. The status stays what it is, in the present, at an
 * `asOf`, at a `knownAt` and in the listing, and `warnings` says why; a treaty-wide warning names no party.
 */

const report = (body: Record<string, unknown>) => ({
  source: source({ publisher: 'Example Gazette', publishedOn: '2026-07-31' }),
  ...body,
});

/** In force 30 days after the second instrument: AT on 1 March, BE on 9 March 2025, so on 8 April 2025. */
const CONVENTION = {
  id: 'convention-suspended-before-it-was-in-force',
  title: 'Convention reported suspended before it entered into force',
  parties: ['AT', 'BE', 'CZ'],
  category: 'other',
  kind: 'multilateral',
  entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
};
const BILATERAL = {
  id: 'bilateral-suspended-by-a-party-before-it-was-in-force',
  title: 'Bilateral treaty one party is reported to suspend before it entered into force',
  parties: ['RU', 'IR'],
  category: 'partnership',
  kind: 'bilateral',
};

describe('GET /treaties/{id} of a treaty reported suspended before it entered into force', () => {
  let subject: TestApp;
  const ids: Record<string, string> = {};
  let beforeDeposits: string;
  let lastPosition: string;
  const write = async (treatyId: string, name: string, body: Record<string, unknown>) => {
    const answer = await post(subject.http, `/treaties/${treatyId}/developments`, report(body)).expect(201);
    ids[name] = answer.body.eventId;
    lastPosition = answer.body.position;
  };
  const status = async (treatyId: string, query: Record<string, string> = {}) =>
    (
      await request(subject.http)
        .get(`/treaties/${treatyId}`)
        .query({ minPosition: lastPosition, ...query })
        .expect(200)
    ).body;
  const listed = async (state: string) =>
    (await request(subject.http).get(`/treaties?status=${state}`).expect(200)).body.items.map(
      (item: { id: string }) => item.id,
    );

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2026-08-01T12:00:00.000Z') });
    await post(subject.http, '/treaties', CONVENTION).expect(201);
    await write(CONVENTION.id, 'signed', { type: 'signed', occurredOn: '2025-01-05' });
    await write(CONVENTION.id, 'suspended', { type: 'suspended', occurredOn: '2025-02-01' });
    // Recorded time is the store's clock: an instant between the suspension and the deposits, for knownAt.
    await new Promise((resolve) => setTimeout(resolve, 5));
    beforeDeposits = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (const [party, occurredOn] of [
      ['AT', '2025-03-01'],
      ['BE', '2025-03-09'],
    ] as const) {
      await write(CONVENTION.id, party, {
        type: 'consent-to-be-bound',
        consentType: 'ratification',
        party,
        occurredOn,
      });
    }
    await post(subject.http, '/treaties', BILATERAL).expect(201);
    await write(BILATERAL.id, 'bilateralSigned', { type: 'signed', occurredOn: '2025-01-17' });
    await write(BILATERAL.id, 'suspendedByRU', { type: 'suspended', party: 'RU', occurredOn: '2025-02-01' });
  });
  afterAll(() => subject.close());

  it('shows the treaty as it stands, never suspended, with a warning that names no party', async () => {
    const warning = { code: 'SUSPENSION_BEFORE_ENTRY_INTO_FORCE', party: null, developmentIds: [ids['suspended']] };
    expect(await status(CONVENTION.id, { knownAt: beforeDeposits })).toMatchObject({
      status: 'signed',
      suspendedOn: null,
      warnings: [warning],
    });
    expect(await status(CONVENTION.id, { asOf: '2025-03-20' })).toMatchObject({
      status: 'ratification-in-progress',
      enteredIntoForceOnExpected: '2025-04-08',
      suspendedOn: null,
      warnings: [warning],
    });
    // In force since 8 April 2025, the suspension reported before it never resumed: in force, not suspended.
    expect(await status(CONVENTION.id)).toMatchObject({
      status: 'in-force',
      enteredIntoForceOn: '2025-04-08',
      suspendedOn: null,
      warnings: [warning],
    });
    expect(await listed('in-force')).toContain(CONVENTION.id);
    expect(await listed('suspended')).not.toContain(CONVENTION.id);
  });

  it('leaves a bilateral treaty one party suspended before it was in force signed, the warning on that party', async () => {
    expect(await status(BILATERAL.id)).toMatchObject({
      status: 'signed',
      suspendedOn: null,
      ratification: { RU: { suspended: false, suspendedOn: null } },
      warnings: [{ code: 'SUSPENSION_BEFORE_ENTRY_INTO_FORCE', party: 'RU', developmentIds: [ids['suspendedByRU']] }],
    });
    expect(await listed('signed')).toContain(BILATERAL.id);
    expect(await listed('suspended')).not.toContain(BILATERAL.id);
  });
});

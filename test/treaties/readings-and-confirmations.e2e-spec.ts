import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { dumaApproval, fixedClock, post, registerRuIr, RU_IR, signature, source } from '../support/treaty-requests';

/**
 * Two true facts that used to show as a disagreement between sources: a chamber's readings of one ratification law,
 * and a reservation formulated at signature then confirmed on ratification (VCLT art. 23(2)).
 */
describe('readings of one chamber and the confirmation of a reservation, over HTTP', () => {
  let subject: TestApp;
  const developments = `/treaties/${RU_IR.id}/developments`;
  const statusOf = async () => (await request(subject.http).get(`/treaties/${RU_IR.id}`).expect(200)).body;

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2025-12-01T12:00:00.000Z') });
    await registerRuIr(subject.http);
    await post(subject.http, developments, signature()).expect(201);
  });
  afterAll(() => subject.close());

  describe('POST /treaties/{id}/developments with a stage', () => {
    it("records the State Duma's first and third readings as two steps, not a disagreement", async () => {
      const first = await post(
        subject.http,
        developments,
        dumaApproval({ occurredOn: '2025-04-01', stage: 'first-reading', votes: { for: 390, against: 0 } }),
      ).expect(201);
      const third = await post(
        subject.http,
        developments,
        dumaApproval({ occurredOn: '2025-04-08', stage: 'third-reading', votes: { for: 402, against: 1 } }),
      ).expect(201);
      expect(third.body.eventType).toBe('LegislativeApprovalGiven');

      const status = await statusOf();
      expect(status.disagreements).toEqual([]);
      expect(status.ratification['RU'].status).toBe('in-progress');
      expect(
        status.ratification['RU'].steps.map((step: Record<string, unknown>) => [
          step['developmentId'],
          step['stage'],
          step['occurredOn'],
          step['disagreesWith'],
        ]),
      ).toEqual([
        [first.body.eventId, 'first-reading', '2025-04-01', undefined],
        [third.body.eventId, 'third-reading', '2025-04-08', undefined],
      ]);
      const timeline = await request(subject.http).get(`/treaties/${RU_IR.id}/timeline`).expect(200);
      const readings = timeline.body.items.filter((item: { type: string }) => item.type === 'legislative-approval');
      expect(
        readings.map((item: { stage: string; openDisagreements: string[] }) => [item.stage, item.openDisagreements]),
      ).toEqual([
        ['first-reading', []],
        ['third-reading', []],
      ]);
    });

    it('adds the reading a later report names to a vote first reported without one', async () => {
      const council = { body: 'Federation Council', occurredOn: '2025-04-16' };
      const vote = await post(subject.http, developments, dumaApproval(council)).expect(201);
      const naming = await post(
        subject.http,
        developments,
        dumaApproval({
          ...council,
          stage: 'final',
          source: source({ publisher: 'TASS', url: 'https://tass.com/1', publishedOn: '2025-04-16' }),
        }),
      ).expect(201);
      expect(naming.body.eventType).toBe('DevelopmentCorroborated');
      const step = (await statusOf()).ratification['RU'].steps.find(
        (candidate: Record<string, unknown>) => candidate['developmentId'] === vote.body.eventId,
      );
      expect(step).toMatchObject({ stage: 'final', occurredOn: '2025-04-16' });
      expect(step.sources).toHaveLength(2);
    });

    it('refuses a stage that is not a stage of a chamber’s procedure, naming the field', async () => {
      const response = await post(subject.http, developments, dumaApproval({ stage: 'held' })).expect(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'stage', message: expect.stringMatching(/first-reading/) }),
      ]);
    });
  });

  describe('POST /treaties/{id}/developments with confirmsReservationId', () => {
    it('a reservation at signature and its confirmation at ratification are one reservation, confirmed', async () => {
      const wording = 'Article 12 does not apply to the Islamic Republic of Iran';
      await post(subject.http, developments, {
        type: 'signed',
        party: 'IR',
        occurredOn: '2025-01-17',
        source: source({ publishedOn: '2025-01-18' }),
      }).expect(201);
      const formulated = await post(subject.http, developments, {
        type: 'reservation',
        party: 'IR',
        occurredOn: '2025-01-17',
        text: wording,
        source: source({ publishedOn: '2025-01-18' }),
      }).expect(201);
      // Formulated, not made until confirmed on consent (art. 23(2), decision 0100).
      expect((await statusOf()).ratification['IR'].reservations).toEqual([
        expect.objectContaining({ madeOn: null, formulatedOn: '2025-01-17', unconfirmed: true }),
      ]);
      await post(subject.http, developments, {
        type: 'consent-to-be-bound',
        consentType: 'ratification',
        party: 'IR',
        occurredOn: '2025-06-30',
        source: source({ publishedOn: '2025-07-01' }),
      }).expect(201);
      expect((await statusOf()).ratification['IR'].reservations).toEqual([
        expect.objectContaining({ developmentId: formulated.body.eventId, unconfirmed: true }),
      ]);

      const confirmation = await post(subject.http, developments, {
        type: 'reservation',
        party: 'IR',
        occurredOn: '2025-06-30',
        text: wording,
        confirmsReservationId: formulated.body.eventId,
        source: source({ publisher: 'United Nations', publishedOn: '2025-07-02' }),
      }).expect(201);
      expect(confirmation.body.eventType).toBe('ReservationMade');

      const status = await statusOf();
      expect(status.disagreements).toEqual([]);
      expect(status.ratification['IR'].reservations).toEqual([
        {
          developmentId: formulated.body.eventId,
          text: wording,
          madeOn: '2025-06-30',
          madeOnPrecision: 'day',
          formulatedOn: '2025-01-17',
          confirmedOn: '2025-06-30',
          confirmationId: confirmation.body.eventId,
          objectionPeriodEndsNotBefore: '2026-06-30',
          withdrawnOn: null,
          objectedToBy: [],
        },
      ]);
    });

    it('refuses a confirmation that names no reservation of the party (409 RESERVATION_NOT_FOUND)', async () => {
      const response = await post(subject.http, developments, {
        type: 'reservation',
        party: 'RU',
        occurredOn: '2025-06-30',
        confirmsReservationId: '00000000-0000-4000-8000-000000000099',
        source: source(),
      }).expect(409);
      expect(response.body).toMatchObject({ code: 'RESERVATION_NOT_FOUND' });
    });

    it('refuses the confirmation of a reservation withdrawn before it (409 CONFIRMATION_AFTER_WITHDRAWAL)', async () => {
      const formulated = await post(subject.http, developments, {
        type: 'reservation',
        party: 'RU',
        occurredOn: '2025-01-17',
        text: 'Article 9 applies only with the consent of both parties',
        source: source({ publishedOn: '2025-01-18' }),
      }).expect(201);
      const withdrawal = await post(subject.http, developments, {
        type: 'reservation-withdrawn',
        party: 'RU',
        occurredOn: '2025-03-03',
        reservationId: formulated.body.eventId,
        source: source({ publishedOn: '2025-03-04' }),
      }).expect(201);
      const confirmation = {
        type: 'reservation',
        party: 'RU',
        occurredOn: '2025-04-21',
        confirmsReservationId: formulated.body.eventId,
        source: source({ publisher: 'United Nations', publishedOn: '2025-04-22' }),
      };
      const refused = await post(subject.http, developments, confirmation).expect(409);
      expect(refused.body).toMatchObject({ code: 'CONFIRMATION_AFTER_WITHDRAWAL', field: 'confirmsReservationId' });
      expect(refused.body.detail).toContain('withdrawn on 2025-03-03');

      // Once the withdrawal is retracted (it was misreported), the confirmation fits the record.
      await post(subject.http, `${developments}/${withdrawal.body.eventId}/retractions`, {
        reason: 'The withdrawal concerned another treaty',
        source: source({ publishedOn: '2025-04-23' }),
      }).expect(201);
      await post(subject.http, developments, confirmation).expect(201);
    });
  });
});

import { describe, it } from '@jest/globals';
import {
  consented,
  correct,
  corrected,
  objected,
  registered,
  registeredMultilateral,
  report,
  reserved,
  source,
  spec,
  TREATY_ID,
  uuid,
  withdrawalNotified,
} from '../testing';

const id = uuid(10);
const reservation = uuid(2);
const base = (occurredOn: string) => ({ treatyId: TREATY_ID, developmentId: id, occurredOn, source: source() });
const withReservation = [
  registeredMultilateral(),
  consented(uuid(1), 'FR', 'accession', '2025-06-01'),
  reserved(reservation, 'FR', '2025-06-01', 'Article 5 does not apply to France'),
];

describe('reservations and declarations', () => {
  it.each(['reservation', 'declaration'] as const)('a %s is attached to a party, with its wording', (type) => {
    spec
      .given([registeredMultilateral()])
      .when(report(id, { type, party: 'AT', occurredOn: '2025-02-01', text: 'On article 5' }))
      .then({
        type: type === 'reservation' ? 'ReservationMade' : 'DeclarationMade',
        data: { ...base('2025-02-01'), party: 'AT', text: 'On article 5' },
      });
  });

  it('needs a party of the treaty', () => {
    spec
      .given([registeredMultilateral()])
      .when(report(id, { type: 'reservation', party: 'FR', occurredOn: '2025-02-01' }))
      .thenThrows('PARTY_NOT_IN_TREATY', { field: 'party' });
  });

  it('a reservation can be withdrawn, one by its id or all of a party at once', () => {
    spec
      .given(withReservation)
      .when(
        report(id, {
          type: 'reservation-withdrawn',
          party: 'FR',
          occurredOn: '2025-09-01',
          reservationId: reservation,
        }),
      )
      .then({ type: 'ReservationWithdrawn', data: { ...base('2025-09-01'), party: 'FR', reservationId: reservation } });
    spec
      .given(withReservation)
      .when(report(id, { type: 'reservation-withdrawn', party: 'FR', occurredOn: '2025-09-01' }))
      .then({ type: 'ReservationWithdrawn', data: { ...base('2025-09-01'), party: 'FR' } });
  });

  it('withdrawing a reservation that is not on record is refused', () => {
    spec
      .given(withReservation)
      .when(report(id, { type: 'reservation-withdrawn', party: 'AT', occurredOn: '2025-09-01' }))
      .thenThrows('RESERVATION_NOT_FOUND', { field: 'party', message: /AT has no reservation on record/ });
    spec
      .given(withReservation)
      .when(
        report(id, { type: 'reservation-withdrawn', party: 'FR', occurredOn: '2025-09-01', reservationId: uuid(99) }),
      )
      .thenThrows('RESERVATION_NOT_FOUND', { field: 'reservationId' });
  });
});

describe('objections', () => {
  it("a party objects to another party's reservation", () => {
    spec
      .given(withReservation)
      .when(
        report(id, {
          type: 'objection',
          party: 'AT',
          againstParty: 'FR',
          reservationId: reservation,
          occurredOn: '2025-07-15',
        }),
      )
      .then({
        type: 'ObjectionMade',
        data: { ...base('2025-07-15'), party: 'AT', againstParty: 'FR', reservationId: reservation },
      });
  });

  it('needs the party whose reservation it objects to', () => {
    spec
      .given(withReservation)
      .when(report(id, { type: 'objection', party: 'AT', occurredOn: '2025-07-15' }))
      .thenThrows('MISSING_FIELD', { field: 'againstParty' });
  });

  it('a state entitled to become a party objects before it joins, on a treaty registered multilateral (decision 0112)', () => {
    // ILC Guide to Practice on Reservations to Treaties, guideline 2.6.5(b): any state entitled to become a party.
    spec
      .given(withReservation)
      .when(report(id, { type: 'objection', party: 'JP', againstParty: 'FR', occurredOn: '2025-07-15' }))
      .then({ type: 'ObjectionMade', data: { ...base('2025-07-15'), party: 'JP', againstParty: 'FR' } });
    spec
      .given([...withReservation, objected(uuid(3), 'JP', 'FR', '2025-07-15')])
      .when(report(id, { type: 'objection-withdrawn', party: 'JP', againstParty: 'FR', occurredOn: '2025-10-01' }))
      .then({ type: 'ObjectionWithdrawn', data: { ...base('2025-10-01'), party: 'JP', againstParty: 'FR' } });
    // Not on a treaty that may be bilateral: between two states there is no one else to object.
    for (const kind of ['bilateral', undefined] as const) {
      spec
        .given([
          registered(kind === undefined ? {} : { kind }),
          reserved(reservation, 'IR', '2025-06-01', 'Article 3 does not apply'),
        ])
        .when(report(id, { type: 'objection', party: 'JP', againstParty: 'IR', occurredOn: '2025-07-15' }))
        .thenThrows('PARTY_NOT_IN_TREATY', { field: 'party' });
    }
  });

  it('an objection to a reservation that does not exist is refused', () => {
    spec
      .given(withReservation)
      .when(report(id, { type: 'objection', party: 'AT', againstParty: 'BE', occurredOn: '2025-07-15' }))
      .thenThrows('RESERVATION_NOT_FOUND', { field: 'againstParty' });
    spec
      .given(withReservation)
      .when(
        report(id, {
          type: 'objection',
          party: 'AT',
          againstParty: 'FR',
          reservationId: uuid(99),
          occurredOn: '2025-07-15',
        }),
      )
      .thenThrows('RESERVATION_NOT_FOUND', { field: 'reservationId' });
  });

  it('a party cannot object to its own reservation', () => {
    spec
      .given(withReservation)
      .when(report(id, { type: 'objection', party: 'FR', againstParty: 'FR', occurredOn: '2025-07-15' }))
      .thenThrows('OBJECTION_TO_OWN_RESERVATION', { field: 'againstParty' });
  });
});

describe('objection withdrawn', () => {
  const withObjection = [...withReservation, objected(uuid(3), 'AT', 'FR', '2025-07-15', reservation)];

  it('the objecting party withdraws its objection', () => {
    spec
      .given(withObjection)
      .when(report(id, { type: 'objection-withdrawn', party: 'AT', againstParty: 'FR', occurredOn: '2025-10-01' }))
      .then({ type: 'ObjectionWithdrawn', data: { ...base('2025-10-01'), party: 'AT', againstParty: 'FR' } });
  });

  it('withdrawing an objection that is not on record is refused', () => {
    spec
      .given(withObjection)
      .when(report(id, { type: 'objection-withdrawn', party: 'CZ', againstParty: 'FR', occurredOn: '2025-10-01' }))
      .thenThrows('OBJECTION_NOT_FOUND', { field: 'againstParty' });
  });
});

describe('withdrawal with notice', () => {
  it('records the notification, and the effective date when the report gives one', () => {
    spec
      .given(withReservation)
      .when(
        report(id, { type: 'withdrawal-notified', party: 'AT', occurredOn: '2025-08-01', effectiveOn: '2026-02-01' }),
      )
      .then({ type: 'WithdrawalNotified', data: { ...base('2025-08-01'), party: 'AT', effectiveOn: '2026-02-01' } });
    spec
      .given(withReservation)
      .when(report(id, { type: 'withdrawal-notified', party: 'AT', occurredOn: '2025-08-01' }))
      .then({ type: 'WithdrawalNotified', data: { ...base('2025-08-01'), party: 'AT' } });
  });

  it('a withdrawal from a treaty the party is not in is refused', () => {
    spec
      .given(withReservation)
      .when(report(id, { type: 'withdrawal-notified', party: 'US', occurredOn: '2025-08-01' }))
      .thenThrows('PARTY_NOT_IN_TREATY', { field: 'party' });
  });

  it('cannot take effect before it is notified', () => {
    spec
      .given(withReservation)
      .when(report(id, { type: 'withdrawal-notified', party: 'AT', occurredOn: '2025-08-01', effectiveOn: '2025-07' }))
      .thenThrows('EFFECTIVE_BEFORE_NOTIFICATION', { field: 'effectiveOn' });
  });
});

describe('correcting the dates that treaty-law reports carry', () => {
  const notice = uuid(3);
  const correctedEvent = (developmentId: string, changes: Record<string, unknown>) => ({
    type: 'DevelopmentCorrected' as const,
    data: { treatyId: TREATY_ID, developmentId, changes, reason: 'Misread the date', source: source() },
  });

  it('a correction that breaks a rule on a field it did not send is refused naming the field it sent', () => {
    const objection = uuid(4);
    spec
      .given([...withReservation, objected(objection, 'AT', 'FR', '2025-07-15', reservation)])
      .when(correct(id, objection, { party: 'FR' }))
      .thenThrows('OBJECTION_TO_OWN_RESERVATION', { field: 'changes.party', message: /cannot object to its own/ });
    const given = [...withReservation, withdrawalNotified(notice, 'FR', '2025-08-01', '2025-09-01')];
    spec
      .given(given)
      .when(correct(id, notice, { occurredOn: '2025-09-15' }))
      .thenThrows('EFFECTIVE_BEFORE_NOTIFICATION', { field: 'changes.occurredOn' });
    spec
      .given(given)
      .when(correct(id, notice, { occurredOn: '2025-09-15', party: 'AT' }))
      .thenThrows('EFFECTIVE_BEFORE_NOTIFICATION', { field: 'changes' });
  });

  it("a withdrawal's date of effect is corrected, or cleared for the notice period to compute it again", () => {
    const given = [...withReservation, withdrawalNotified(notice, 'FR', '2025-08-01', '2026-02-01')];
    spec
      .given(given)
      .when(correct(id, notice, { effectiveOn: '2026-08-01' }))
      .then(correctedEvent(notice, { effectiveOn: '2026-08-01' }));
    spec
      .given(given)
      .when(correct(id, notice, { effectiveOn: null }))
      .then(correctedEvent(notice, { effectiveOn: null }));
    spec
      .given(given)
      .when(correct(id, notice, { effectiveOn: 'next year' }))
      .thenThrows('INVALID_DATE', { field: 'changes.effectiveOn' });
    spec
      .given(given)
      .when(correct(id, notice, { effectiveOn: '2025-07-31' }))
      .thenThrows('EFFECTIVE_BEFORE_NOTIFICATION', { field: 'changes.effectiveOn' });
    spec
      .given([...given, corrected(notice, { effectiveOn: '2026-08-01' })])
      .when(correct(id, notice, { effectiveOn: '2026-08-01' }))
      .thenThrows('EMPTY_CORRECTION');
  });

  it('a date of effect belongs to a notice of withdrawal only', () => {
    spec
      .given(withReservation)
      .when(correct(id, reservation, { effectiveOn: '2026-08-01' }))
      .thenThrows('INVALID_CORRECTION', { field: 'changes.effectiveOn' });
  });

  it('a date of succession is corrected on a consent by succession, and refused on any other', () => {
    const given = [...withReservation, consented(uuid(4), 'SK', 'succession', '1993-05-28')];
    spec
      .given(given)
      .when(correct(id, uuid(4), { successionOn: '1993-01-01' }))
      .then(correctedEvent(uuid(4), { successionOn: '1993-01-01' }));
    spec
      .given(given)
      .when(correct(id, uuid(4), { successionOn: '1993-06-01' }))
      .thenThrows('SUCCESSION_AFTER_NOTIFICATION', { field: 'changes.successionOn' });
    spec
      .given(given)
      .when(correct(id, uuid(1), { successionOn: '2025-01-01' }))
      .thenThrows('FIELD_NOT_APPLICABLE', { field: 'changes.successionOn' });
  });
});

describe('provisional application', () => {
  it.each([
    ['provisional-application-started', 'ProvisionalApplicationStarted'],
    ['provisional-application-ended', 'ProvisionalApplicationEnded'],
  ] as const)('%s is recorded per party', (type, eventType) => {
    spec
      .given([registeredMultilateral()])
      .when(report(id, { type, party: 'BE', occurredOn: '2025-02-01' }))
      .then({ type: eventType, data: { ...base('2025-02-01'), party: 'BE' } });
    spec
      .given([registeredMultilateral()])
      .when(report(id, { type, occurredOn: '2025-02-01' }))
      .thenThrows('MISSING_FIELD', { field: 'party' });
  });
});

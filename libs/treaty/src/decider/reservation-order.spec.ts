import { describe, expect, it } from '@jest/globals';
import type { TreatyCommand } from '../treaty.commands';
import type { TreatyEvent } from '../treaty.events';
import {
  confirmedReservation,
  consented,
  correct,
  objected,
  registeredMultilateral,
  report,
  reservationWithdrawn,
  reserved,
  signedBy,
  spec,
  TODAY,
  uuid,
} from '../testing';
import { treatyDecider } from './treaty.decider';

const id = uuid(10);
const reservation = uuid(2);
/** FR's reservation of 1 June 2025, on accession. */
const withReservation = [
  registeredMultilateral(),
  consented(uuid(1), 'FR', 'accession', '2025-06-01'),
  reserved(reservation, 'FR', '2025-06-01', 'Article 5 does not apply to France'),
];
/** Decided without a violation: the event's own shape is the business of the specs of each type. */
function accepted(given: readonly TreatyEvent[], command: TreatyCommand): void {
  const state = given.reduce(treatyDecider.evolve, treatyDecider.initialState());
  expect(() => treatyDecider.decide(command, state, { today: TODAY })).not.toThrow();
}

const objection = (occurredOn: string, reservationId = reservation) =>
  report(id, { type: 'objection', party: 'AT', againstParty: 'FR', reservationId, occurredOn });
const withdrawal = (occurredOn: string, reservationId = reservation) =>
  report(id, { type: 'reservation-withdrawn', party: 'FR', reservationId, occurredOn });

describe('an objection or a withdrawal that names a reservation comes after it was formulated', () => {
  it('is refused when dated before the reservation it names', () => {
    // "Austria objected on 1 May to the reservation France made on 1 June": one of the two dates is wrong.
    spec
      .given(withReservation)
      .when(objection('2025-05-01'))
      .thenThrows('ACT_BEFORE_RESERVATION', { field: 'occurredOn', message: /2025-06-01/ });
    spec.given(withReservation).when(withdrawal('2025-05-01')).thenThrows('ACT_BEFORE_RESERVATION', {
      field: 'occurredOn',
    });
  });

  it('passes on the day, or in the month or year, of the reservation', () => {
    for (const on of ['2025-06-01', '2025-06', '2025']) {
      accepted(withReservation, objection(on));
      accepted(withReservation, withdrawal(on));
    }
  });

  it('one naming no reservation is refused when every reservation of the party comes after it', () => {
    // It concerns the reservations made by its date (law/reservation-withdrawal.ts): before all of them, none.
    const unnamedObjection = (occurredOn: string) =>
      report(id, { type: 'objection', party: 'AT', againstParty: 'FR', occurredOn });
    const unnamedWithdrawal = (occurredOn: string) =>
      report(id, { type: 'reservation-withdrawn', party: 'FR', occurredOn });
    spec.given(withReservation).when(unnamedObjection('2025-05-01')).thenThrows('ACT_BEFORE_RESERVATION');
    spec.given(withReservation).when(unnamedWithdrawal('2025-05-01')).thenThrows('ACT_BEFORE_RESERVATION', {
      field: 'occurredOn',
    });
    accepted(withReservation, unnamedObjection('2025-06'));
    accepted(withReservation, unnamedWithdrawal('2025-07-01'));
    // Nor may a correction move the only reservation after it.
    spec
      .given([...withReservation, reservationWithdrawn(uuid(5), 'FR', '2025-07-01')])
      .when(correct(id, reservation, { occurredOn: '2025-08-01' }))
      .thenThrows('ACT_BEFORE_RESERVATION', { field: 'changes.occurredOn', message: /reservation-withdrawn/ });
    accepted(
      [...withReservation, reserved(uuid(6), 'FR', '2025-06-15'), reservationWithdrawn(uuid(5), 'FR', '2025-07-01')],
      correct(id, reservation, { occurredOn: '2025-08-01' }),
    );
  });

  it('naming a confirmation, is measured from the reservation as formulated (art. 23(3))', () => {
    const confirmed = [
      registeredMultilateral(),
      signedBy(uuid(1), 'FR', '2025-01-10'),
      reserved(reservation, 'FR', '2025-01-10', 'On article 5'),
      consented(uuid(3), 'FR', 'ratification', '2025-06-01'),
      confirmedReservation(uuid(4), 'FR', '2025-06-01', reservation),
    ];
    accepted(confirmed, objection('2025-03-01', uuid(4)));
    spec
      .given(confirmed)
      .when(objection('2024-12-01', uuid(4)))
      .thenThrows('ACT_BEFORE_RESERVATION');
  });

  it('a correction cannot move the act before the reservation, nor the reservation after the act', () => {
    const objectedTo = [...withReservation, objected(uuid(5), 'AT', 'FR', '2025-07-01', reservation)];
    spec
      .given(objectedTo)
      .when(correct(id, uuid(5), { occurredOn: '2025-05-01' }))
      .thenThrows('ACT_BEFORE_RESERVATION', { field: 'changes.occurredOn' });
    spec
      .given(objectedTo)
      .when(correct(id, reservation, { occurredOn: '2025-08-01' }))
      .thenThrows('ACT_BEFORE_RESERVATION', { field: 'changes.occurredOn', message: /objection/ });
    spec
      .given([...withReservation, reservationWithdrawn(uuid(5), 'FR', '2025-07-01', reservation)])
      .when(correct(id, reservation, { occurredOn: '2025-08-01' }))
      .thenThrows('ACT_BEFORE_RESERVATION', { field: 'changes.occurredOn' });
    accepted(objectedTo, correct(id, reservation, { occurredOn: '2025-07-01' }));
  });
});

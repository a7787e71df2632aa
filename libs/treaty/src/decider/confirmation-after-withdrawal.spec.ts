import { describe, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  confirmedReservation,
  consented,
  correct,
  registeredMultilateral,
  report,
  reservationWithdrawn,
  reserved,
  retracted,
  signedBy,
  source,
  spec,
  TREATY_ID,
  uuid,
} from '../testing';

const id = uuid(10);
const formulated = uuid(2);
const withdrawal = uuid(5);
const confirmationId = uuid(4);
const atSignature = [
  registeredMultilateral(),
  signedBy(uuid(1), 'AT', '2025-02-01'),
  reserved(formulated, 'AT', '2025-02-01', 'Article 5 does not apply to Austria'),
  consented(uuid(3), 'AT', 'ratification', '2025-09-01'),
];
const confirmation = (occurredOn = '2025-09-01') =>
  report(id, { type: 'reservation', party: 'AT', occurredOn, confirmsReservationId: formulated });
const withdrawalOf = (occurredOn: string, reservationId?: string) =>
  report(id, { type: 'reservation-withdrawn', party: 'AT', occurredOn, reservationId });
const confirmed = [...atSignature, confirmedReservation(confirmationId, 'AT', '2025-09-01', formulated)];

function accepted(given: readonly TreatyEvent[], command: ReturnType<typeof report>): void {
  spec
    .given([...given])
    .when(command)
    .then({
      type: command.data.development.type === 'reservation' ? 'ReservationMade' : 'ReservationWithdrawn',
      data: expectedData(command),
    } as TreatyEvent);
}

function expectedData(command: ReturnType<typeof report>): Record<string, unknown> {
  const { type: _type, source: _source, ...fields } = command.data.development as Record<string, unknown>;
  const data: Record<string, unknown> = { treatyId: TREATY_ID, developmentId: id, source: source() };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) data[key] = value;
  return data;
}

describe('a confirmation of a reservation no longer on record (VCLT art. 22, 23(2))', () => {
  it('is refused when the reservation was retracted: there is nothing to confirm', () => {
    spec
      .given([...atSignature, retracted(formulated)])
      .when(confirmation())
      .thenThrows('RESERVATION_NOT_FOUND', { field: 'confirmsReservationId' });
  });

  it('is refused when the reservation was withdrawn before it, by name or by a withdrawal naming none', () => {
    spec
      .given([...atSignature, reservationWithdrawn(withdrawal, 'AT', '2025-06-01', formulated)])
      .when(confirmation())
      .thenThrows('CONFIRMATION_AFTER_WITHDRAWAL', {
        field: 'confirmsReservationId',
        message: /withdrawn on 2025-06-01/,
      });
    spec
      .given([...atSignature, reservationWithdrawn(withdrawal, 'AT', '2025-06-01')])
      .when(confirmation())
      .thenThrows('CONFIRMATION_AFTER_WITHDRAWAL', { field: 'confirmsReservationId' });
  });

  it('is accepted when no withdrawal on record is known to come before it', () => {
    // Withdrawn the day it is confirmed, or in the month it is: not known to come first.
    accepted([...atSignature, reservationWithdrawn(withdrawal, 'AT', '2025-09-01', formulated)], confirmation());
    accepted([...atSignature, reservationWithdrawn(withdrawal, 'AT', '2025-09', formulated)], confirmation());
    // A withdrawal naming none concerns only the reservations formulated by its date.
    accepted([...atSignature, reservationWithdrawn(withdrawal, 'AT', '2025-01-20')], confirmation());
    accepted(
      [...atSignature, reservationWithdrawn(withdrawal, 'AT', '2025-06-01', formulated), retracted(withdrawal)],
      confirmation(),
    );
  });

  it('is accepted after a withdrawal naming none known only to the month it was formulated in, when an earlier one is on record', () => {
    // "In February Austria withdrew its reservation": the one of January, not the one formulated on signing on
    // 10 February, which may have come after the withdrawal.
    const signedOnTheTenth = [
      registeredMultilateral(),
      signedBy(uuid(1), 'AT', '2025-02-10'),
      reserved(formulated, 'AT', '2025-02-10', 'Article 5 does not apply to Austria'),
      consented(uuid(3), 'AT', 'ratification', '2025-09-01'),
    ];
    const earlier = reserved(uuid(6), 'AT', '2025-01-15', 'Article 3 does not apply to Austria');
    accepted([...signedOnTheTenth, earlier, reservationWithdrawn(withdrawal, 'AT', '2025-02')], confirmation());
    // With nothing earlier on record, the withdrawal can only have been of the reservation of its month.
    spec
      .given([...signedOnTheTenth, reservationWithdrawn(withdrawal, 'AT', '2025-02')])
      .when(confirmation())
      .thenThrows('CONFIRMATION_AFTER_WITHDRAWAL', { field: 'confirmsReservationId' });
  });

  it('may not be moved after a withdrawal of its reservation by a correction', () => {
    spec
      .given([...confirmed, reservationWithdrawn(withdrawal, 'AT', '2025-10-01', formulated)])
      .when(correct(id, confirmationId, { occurredOn: '2025-11-01' }))
      .thenThrows('CONFIRMATION_AFTER_WITHDRAWAL', { field: 'changes.occurredOn' });
  });

  it('may not be moved after a withdrawal that names the confirmation itself', () => {
    spec
      .given([...confirmed, reservationWithdrawn(withdrawal, 'AT', '2025-10-01', confirmationId)])
      .when(correct(id, confirmationId, { occurredOn: '2025-11-01' }))
      .thenThrows('CONFIRMATION_AFTER_WITHDRAWAL', { field: 'changes.occurredOn', message: /2025-10-01/ });
    spec
      .given([...confirmed, reservationWithdrawn(withdrawal, 'AT', '2025-10-01', confirmationId)])
      .when(correct(id, confirmationId, { occurredOn: '2025-10' }))
      .then({
        type: 'DevelopmentCorrected',
        data: {
          treatyId: TREATY_ID,
          developmentId: confirmationId,
          changes: { occurredOn: '2025-10' },
          reason: 'Misread the date',
          source: source(),
        },
      });
  });
});

describe('a withdrawal of a reservation that is confirmed on record', () => {
  it('is accepted on or after the confirmation, naming the reservation, its confirmation or none', () => {
    accepted(confirmed, withdrawalOf('2025-10-01', formulated));
    accepted(confirmed, withdrawalOf('2025-10-01', confirmationId));
    accepted(confirmed, withdrawalOf('2025-10-01'));
    accepted(confirmed, withdrawalOf('2025-09-01', formulated));
  });

  it('is refused dated before the confirmation: the record says the reservation was confirmed after it', () => {
    spec
      .given(confirmed)
      .when(withdrawalOf('2025-06-01', formulated))
      .thenThrows('CONFIRMATION_AFTER_WITHDRAWAL', { field: 'occurredOn', message: /confirmed on 2025-09-01/ });
    spec
      .given(confirmed)
      .when(withdrawalOf('2025-06-01', confirmationId))
      .thenThrows('CONFIRMATION_AFTER_WITHDRAWAL', { field: 'occurredOn' });
    spec
      .given(confirmed)
      .when(withdrawalOf('2025-06-01'))
      .thenThrows('CONFIRMATION_AFTER_WITHDRAWAL', { field: 'occurredOn' });
  });

  it('may not be moved before the confirmation, nor the reservation before a withdrawal naming none, by a correction', () => {
    spec
      .given([...confirmed, reservationWithdrawn(withdrawal, 'AT', '2025-10-01', formulated)])
      .when(correct(id, withdrawal, { occurredOn: '2025-06-01' }))
      .thenThrows('CONFIRMATION_AFTER_WITHDRAWAL', { field: 'changes.occurredOn' });
    spec
      .given([...confirmed, reservationWithdrawn(withdrawal, 'AT', '2025-01-20')])
      .when(correct(id, formulated, { occurredOn: '2025-01-10' }))
      .thenThrows('CONFIRMATION_AFTER_WITHDRAWAL', { field: 'changes.occurredOn' });
  });
});

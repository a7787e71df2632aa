import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  confirmedReservation,
  consented,
  objected,
  registeredMultilateral,
  reservationWithdrawn,
  reserved,
  retracted,
  scoped,
  signedBy,
  uuid,
  statusOf,
} from '../testing';

const [formulated, consent, confirmation] = [2, 3, 4].map(uuid) as [string, string, string];
const wording = 'Article 5 does not apply to Austria';
const atSignature: TreatyEvent[] = [
  registeredMultilateral(),
  signedBy(uuid(1), 'AT', '2025-02-01'),
  reserved(formulated, 'AT', '2025-02-01', wording),
];
const confirmed: TreatyEvent[] = [
  ...atSignature,
  consented(consent, 'AT', 'ratification', '2025-09-01'),
  confirmedReservation(confirmation, 'AT', '2025-09-01', formulated, wording),
];

describe('a reservation confirmed on consent (VCLT art. 23(2))', () => {
  it('is one reservation with both dates, made on the date of its confirmation, and no disagreement', () => {
    const view = statusOf(confirmed);
    expect(view.ratification['AT']?.reservations).toEqual([
      {
        developmentId: formulated,
        text: wording,
        madeOn: '2025-09-01',
        madeOnPrecision: 'day',
        formulatedOn: '2025-02-01',
        confirmedOn: '2025-09-01',
        confirmationId: confirmation,
        // Twelve months from the confirmation, when it counts as made (art. 20(5), 23(2)).
        objectionPeriodEndsNotBefore: '2026-09-01',
        withdrawnOn: null,
        objectedToBy: [],
      },
    ]);
    expect(view.disagreements).toEqual([]);
  });

  it('before its confirmation, it is formulated at signature and unconfirmed, not made (decision 0100)', () => {
    // Art. 23(2): considered made on the date of its confirmation, so not on the day of the signature.
    expect(statusOf(confirmed, '2025-08-31').ratification['AT']?.reservations).toEqual([
      {
        developmentId: formulated,
        text: wording,
        madeOn: null,
        madeOnPrecision: null,
        formulatedOn: '2025-02-01',
        unconfirmed: true,
        withdrawnOn: null,
        objectedToBy: [],
      },
    ]);
  });

  it('is unconfirmed, and not made, when the party consented without confirming it', () => {
    const view = statusOf([...atSignature, consented(consent, 'AT', 'ratification', '2025-09-01')]);
    expect(view.ratification['AT']?.reservations).toMatchObject([
      { developmentId: formulated, madeOn: null, formulatedOn: '2025-02-01', unconfirmed: true },
    ]);
  });

  it('of a party bound by a reported entry into force, no consent on record, it reads as made: when it consented is not known', () => {
    const bound = [...atSignature, scoped('TreatyEnteredIntoForce', uuid(5), '2025-04-01', 'AT')];
    const at = statusOf(bound).ratification['AT']!;
    expect({ consentImplied: at.consentImplied, consent: at.consent }).toEqual({ consentImplied: true, consent: null });
    expect(at.reservations).toEqual([
      expect.objectContaining({ madeOn: '2025-02-01', madeOnPrecision: 'day', withdrawnOn: null }),
    ]);
    expect(at.reservations[0]).not.toHaveProperty('unconfirmed');
  });

  it('made with a definitive signature it needs no confirmation: made on the signature (art. 23(2) does not apply)', () => {
    const view = statusOf([
      registeredMultilateral(),
      consented(consent, 'AT', 'definitive-signature', '2025-02-01'),
      reserved(formulated, 'AT', '2025-02-01', wording),
    ]);
    const [reservation] = view.ratification['AT']?.reservations ?? [];
    expect(reservation).toMatchObject({ madeOn: '2025-02-01', objectionPeriodEndsNotBefore: '2026-02-01' });
    expect(reservation).not.toHaveProperty('unconfirmed');
  });

  it('a reservation made on consenting needs no confirmation; nor does a declaration', () => {
    const view = statusOf([
      registeredMultilateral(),
      signedBy(uuid(1), 'AT', '2025-02-01'),
      { type: 'DeclarationMade', data: { ...declaration(uuid(5)), party: 'AT' } },
      consented(consent, 'AT', 'ratification', '2025-09-01'),
      reserved(uuid(6), 'AT', '2025-09-01', 'On article 9'),
    ]);
    expect(view.ratification['AT']?.reservations[0]).not.toHaveProperty('unconfirmed');
    expect(view.ratification['AT']?.declarations[0]).not.toHaveProperty('unconfirmed');
  });

  it('objections and withdrawals naming the confirmation concern the confirmed reservation', () => {
    const view = statusOf([
      ...confirmed,
      objected(uuid(7), 'BE', 'AT', '2025-03-01', formulated),
      objected(uuid(8), 'CZ', 'AT', '2025-10-01', confirmation),
      reservationWithdrawn(uuid(9), 'AT', '2025-12-01', confirmation),
    ]);
    const [reservation] = view.ratification['AT']?.reservations ?? [];
    // An objection made before the confirmation still counts (art. 23(3)).
    expect(reservation?.objectedToBy.map((objection) => objection.party)).toEqual(['BE', 'CZ']);
    expect(reservation?.withdrawnOn).toBe('2025-12-01');
  });

  it('a party that objects to the reservation and again to its confirmation objected once, when it first did', () => {
    const view = statusOf([
      ...confirmed,
      objected(uuid(7), 'BE', 'AT', '2025-10-01', confirmation),
      objected(uuid(8), 'BE', 'AT', '2025-03-01', formulated),
      objected(uuid(9), 'CZ', 'AT', '2025-10-02'),
    ]);
    const [reservation] = view.ratification['AT']?.reservations ?? [];
    expect(reservation?.objectedToBy).toEqual([
      { party: 'BE', on: '2025-03-01', developmentId: uuid(8) },
      { party: 'CZ', on: '2025-10-02', developmentId: uuid(9) },
    ]);
  });

  it('a confirmation whose reservation was retracted stands as the reservation, made on consent', () => {
    const view = statusOf([...confirmed, retracted(formulated)]);
    expect(view.ratification['AT']?.reservations).toMatchObject([
      { developmentId: confirmation, text: wording, madeOn: '2025-09-01' },
    ]);
  });
});

function declaration(developmentId: string) {
  return {
    treatyId: 'ru-ir-partnership',
    developmentId,
    occurredOn: '2025-02-01',
    source: { publisher: 'UN', publishedOn: '2025-02-02' },
  };
}

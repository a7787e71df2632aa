import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  confirmedReservation,
  consented,
  objected,
  recorded,
  registered,
  registeredMultilateral,
  reserved,
  signedBy,
  uuid,
} from '../testing';
import { treatyStatusView } from './treaty-status.view';

function reservationsOf(events: readonly TreatyEvent[], party = 'AT') {
  const view = treatyStatusView(recorded(events), {});
  if (view === null) throw new Error('expected a registered treaty');
  return view.ratification[party]?.reservations ?? [];
}

const periodOf = (events: readonly TreatyEvent[], party = 'AT') =>
  reservationsOf(events, party).map((reservation) => reservation.objectionPeriodEndsNotBefore);

describe('the twelve months to object to a reservation, on the status (VCLT art. 20(5))', () => {
  const signed = [registeredMultilateral(), signedBy(uuid(1), 'AT', '2025-02-01')];

  it('run from a reservation made on consent, at its precision, whatever objections came', () => {
    expect(
      periodOf([
        ...signed,
        consented(uuid(2), 'AT', 'ratification', '2025-09-01'),
        reserved(uuid(3), 'AT', '2025-09-01', 'On article 9'),
        reserved(uuid(4), 'AT', '2025-09', 'On article 10'),
        reserved(uuid(7), 'AT', '2025', 'On article 11'),
        objected(uuid(5), 'BE', 'AT', '2026-12-01', uuid(3)),
      ]).sort(),
    ).toEqual(['2026', '2026-09', '2026-09-01']);
  });

  it('are not given for a reservation made after the consent: a late one, which a single objection decides', () => {
    const events = [
      ...signed,
      consented(uuid(2), 'AT', 'ratification', '2025-01-10'),
      reserved(uuid(3), 'AT', '2025-06-01', 'On article 9'),
    ];
    const view = treatyStatusView(recorded(events), {});
    expect(view?.warnings).toEqual([expect.objectContaining({ code: 'LATE_RESERVATION', party: 'AT' })]);
    expect(periodOf(events)).toEqual([undefined]);
    // Made again with a later instrument of its own day (a state rejoining reserves on it): made, not late.
    expect(periodOf([...events, consented(uuid(4), 'AT', 'accession', '2025-06-01')])).toEqual(['2026-06-01']);
  });

  it('run from the confirmation of one formulated at signature, and not at all before it is confirmed', () => {
    const atSignature = [...signed, reserved(uuid(3), 'AT', '2025-02-01', 'On article 9')];
    // Formulated, the party not bound yet: not made until confirmed on consent (art. 23(2)).
    expect(periodOf(atSignature)).toEqual([undefined]);
    const consent = consented(uuid(2), 'AT', 'ratification', '2025-09-01');
    // Consented without confirming it: unconfirmed, never made.
    expect(reservationsOf([...atSignature, consent])).toEqual([
      expect.objectContaining({ unconfirmed: true, madeOn: null, formulatedOn: '2025-02-01' }),
    ]);
    expect(periodOf([...atSignature, consent])).toEqual([undefined]);
    const confirmation = confirmedReservation(uuid(4), 'AT', '2025-09-03', uuid(3));
    expect(periodOf([...atSignature, consent, confirmation])).toEqual(['2026-09-03']);
  });

  it('are not given for a declaration, nor for a treaty registered bilateral', () => {
    const declared: TreatyEvent = {
      type: 'DeclarationMade',
      data: {
        treatyId: 'ru-ir-partnership',
        developmentId: uuid(6),
        occurredOn: '2025-09-01',
        source: { publisher: 'UN', publishedOn: '2025-09-02' },
        party: 'AT',
      },
    };
    const declarationsOf = treatyStatusView(
      recorded([...signed, consented(uuid(2), 'AT', 'ratification', '2025-09-01'), declared]),
      {},
    )?.ratification['AT']?.declarations;
    expect(declarationsOf).toEqual([expect.not.objectContaining({ objectionPeriodEndsNotBefore: expect.anything() })]);
    expect(declarationsOf?.[0]).not.toHaveProperty('objectionPeriodEndsNotBefore');

    const bilateral = [
      registered({ kind: 'bilateral' }),
      consented(uuid(2), 'RU', 'ratification', '2025-09-01'),
      reserved(uuid(3), 'RU', '2025-09-01', 'On article 9'),
    ];
    expect(reservationsOf(bilateral, 'RU')).toHaveLength(1);
    expect(periodOf(bilateral, 'RU')).toEqual([undefined]);
    // The same on a treaty of unknown kind: a period.
    expect(periodOf([registered(), ...bilateral.slice(1)], 'RU')).toEqual(['2026-09-01']);
  });
});

import { describe, expect, it } from '@jest/globals';
import {
  confirmedReservation,
  consented,
  happened,
  objected,
  registered,
  registeredMultilateral,
  reserved,
  scoped,
  signedBy,
  uuid,
  statusOf,
} from '../testing';

/**
 * Acts the record holds as reported but that treaty law does not expect, flagged in `warnings` (decision 0038): the
 * reports stay, the reader is told.
 */

/** In force 30 days after the second instrument: AT 5 January, BE 27 February, so 29 March 2025. */
const inForce = [
  registeredMultilateral({ entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } }),
  consented(uuid(2), 'AT', 'ratification', '2025-01-05'),
  consented(uuid(3), 'BE', 'ratification', '2025-02-27'),
];

describe('a reservation made after the reserving state consented', () => {
  it('is flagged late, naming the reservation and the consent (VCLT art. 19: when signing or consenting)', () => {
    const view = statusOf([...inForce, reserved(uuid(4), 'AT', '2025-06-01', 'On article 5')]);
    expect(view.warnings).toEqual([{ code: 'LATE_RESERVATION', party: 'AT', developmentIds: [uuid(4), uuid(2)] }]);
    // Still listed as reported.
    expect(view.ratification['AT']?.reservations).toHaveLength(1);
    // Not before it was made.
    expect(statusOf([...inForce, reserved(uuid(4), 'AT', '2025-06-01')], '2025-05-31').warnings).toEqual([]);
  });

  it('is not flagged when made on consent or formulated at signature and confirmed on consent', () => {
    const view = statusOf([
      ...inForce,
      reserved(uuid(4), 'BE', '2025-02-27'),
      reserved(uuid(5), 'CZ', '2025-01-10'),
      consented(uuid(6), 'CZ', 'ratification', '2025-04-01'),
      confirmedReservation(uuid(7), 'CZ', '2025-04-01', uuid(5)),
      // Known only to the month of the consent: it may have been made with it.
      reserved(uuid(8), 'AT', '2025-01'),
    ]);
    expect(view.warnings).toEqual([]);
  });
});

describe('a reservation to a bilateral treaty', () => {
  it('is flagged: a reservation to a bilateral treaty is a proposal to renegotiate it, not a reservation', () => {
    const view = statusOf([
      registered({ kind: 'bilateral' }),
      reserved(uuid(2), 'IR', '2025-02-01', 'Article 3 does not apply'),
      consented(uuid(3), 'IR', 'ratification', '2025-02-01'),
    ]);
    expect(view.warnings).toEqual([
      { code: 'RESERVATION_TO_BILATERAL_TREATY', party: 'IR', developmentIds: [uuid(2)] },
    ]);
  });
});

describe('provisional application reported to start after the treaty entered into force for the state', () => {
  it('is flagged: provisional application is pending entry into force (VCLT art. 25)', () => {
    const events = [...inForce, scoped('ProvisionalApplicationStarted', uuid(4), '2025-05-01', 'AT')];
    expect(statusOf(events).warnings).toEqual([
      { code: 'PROVISIONAL_APPLICATION_AFTER_ENTRY_INTO_FORCE', party: 'AT', developmentIds: [uuid(4)] },
    ]);
    // With a reported entry into force, that report is named too.
    const reported = statusOf([...events, happened('TreatyEnteredIntoForce', uuid(5), '2025-03-29')]);
    expect(reported.warnings).toEqual([
      { code: 'PROVISIONAL_APPLICATION_AFTER_ENTRY_INTO_FORCE', party: 'AT', developmentIds: [uuid(4), uuid(5)] },
    ]);
  });

  it('is not flagged before entry into force, nor for a state for which the treaty is not in force', () => {
    const view = statusOf([
      ...inForce,
      scoped('ProvisionalApplicationStarted', uuid(4), '2025-02-01', 'AT'),
      scoped('ProvisionalApplicationStarted', uuid(5), '2025-05-01', 'CZ'),
    ]);
    expect(view.warnings).toEqual([]);
  });
});

describe('an end of provisional application reported while the state applied none (decision 0110)', () => {
  it('is flagged when no start of the state is on record: it ended nothing', () => {
    const events = [...inForce, scoped('ProvisionalApplicationEnded', uuid(4), '2025-02-01', 'CZ')];
    const view = statusOf(events);
    expect(view.warnings).toEqual([
      { code: 'PROVISIONAL_APPLICATION_END_WITHOUT_START', party: 'CZ', developmentIds: [uuid(4)] },
    ]);
    // Still shown as reported.
    expect(view.ratification['CZ']?.provisionalApplication).toMatchObject({ startedOn: null, endedOn: '2025-02-01' });
    // Not before it was reported to happen.
    expect(statusOf(events, '2025-01-31').warnings).toEqual([]);
  });

  it('is flagged when the only start comes after it, or was already ended, naming them', () => {
    const later = statusOf([
      ...inForce,
      scoped('ProvisionalApplicationEnded', uuid(4), '2025-02-01', 'CZ'),
      scoped('ProvisionalApplicationStarted', uuid(5), '2025-03-01', 'CZ'),
    ]);
    expect(later.warnings).toEqual([
      { code: 'PROVISIONAL_APPLICATION_END_WITHOUT_START', party: 'CZ', developmentIds: [uuid(4)] },
    ]);
    const twice = statusOf([
      ...inForce,
      scoped('ProvisionalApplicationStarted', uuid(4), '2025-01-10', 'CZ'),
      scoped('ProvisionalApplicationEnded', uuid(5), '2025-02-01', 'CZ'),
      scoped('ProvisionalApplicationEnded', uuid(6), '2025-03-01', 'CZ'),
    ]);
    expect(twice.warnings).toEqual([
      { code: 'PROVISIONAL_APPLICATION_END_WITHOUT_START', party: 'CZ', developmentIds: [uuid(6), uuid(4), uuid(5)] },
    ]);
  });

  it('is not flagged when it ends the state’s provisional application, nor another state’s start for it', () => {
    expect(
      statusOf([
        ...inForce,
        scoped('ProvisionalApplicationStarted', uuid(4), '2025-01-10', 'CZ'),
        scoped('ProvisionalApplicationEnded', uuid(5), '2025-02-01', 'CZ'),
        // Known only to the month of the end: it may have come before it.
        scoped('ProvisionalApplicationStarted', uuid(6), '2025-03', 'DK'),
        scoped('ProvisionalApplicationEnded', uuid(7), '2025-03-10', 'DK'),
      ]).warnings,
    ).toEqual([]);
    expect(
      statusOf([
        ...inForce,
        scoped('ProvisionalApplicationStarted', uuid(4), '2025-01-10', 'AT'),
        scoped('ProvisionalApplicationEnded', uuid(5), '2025-02-01', 'CZ'),
      ]).warnings,
    ).toEqual([{ code: 'PROVISIONAL_APPLICATION_END_WITHOUT_START', party: 'CZ', developmentIds: [uuid(5)] }]);
  });

  it('is not flagged when a restart known only to its year may have come after the earlier end', () => {
    // Given a start, its end, and a restart known only to the year: it may have come in May, after the first end.
    const view = statusOf([
      registeredMultilateral(),
      scoped('ProvisionalApplicationStarted', uuid(2), '2025-03-10', 'AT'),
      scoped('ProvisionalApplicationStarted', uuid(3), '2025', 'AT'),
      scoped('ProvisionalApplicationEnded', uuid(4), '2025-05-01', 'AT'),
      // When the June end is read, then the restart may still have been running.
      scoped('ProvisionalApplicationEnded', uuid(5), '2025-06-01', 'AT'),
    ]);
    expect(view.warnings).toEqual([]);
  });

  it('is not flagged when the earlier end of the same day was reported before the restart, not after it', () => {
    // Given a start, an end and a restart all on one day, in that record order: the end closed the first start only.
    const sameDay = [
      registeredMultilateral(),
      scoped('ProvisionalApplicationStarted', uuid(2), '2025-03-10', 'AT'),
      scoped('ProvisionalApplicationEnded', uuid(3), '2025-03-10', 'AT'),
      scoped('ProvisionalApplicationStarted', uuid(4), '2025-03-10', 'AT'),
    ];
    expect(statusOf([...sameDay, scoped('ProvisionalApplicationEnded', uuid(5), '2025-06-01', 'AT')]).warnings).toEqual(
      [],
    );
    // But an end of the same day reported after the start did close it: a second end later ended nothing.
    expect(
      statusOf([
        registeredMultilateral(),
        scoped('ProvisionalApplicationStarted', uuid(2), '2025-03-10', 'AT'),
        scoped('ProvisionalApplicationEnded', uuid(3), '2025-03-10', 'AT'),
        scoped('ProvisionalApplicationEnded', uuid(4), '2025-06-01', 'AT'),
      ]).warnings,
    ).toEqual([
      { code: 'PROVISIONAL_APPLICATION_END_WITHOUT_START', party: 'AT', developmentIds: [uuid(4), uuid(2), uuid(3)] },
    ]);
  });
});

describe('an objection by a state the record does not show entitled to object yet (decision 0112)', () => {
  const reservedByAT = [...inForce, reserved(uuid(4), 'AT', '2025-01-05', 'On article 5')];

  it('is flagged: it has effect only once the state consents (ILC Guide to Practice, guideline 2.6.5(b))', () => {
    const view = statusOf([...reservedByAT, objected(uuid(5), 'JP', 'AT', '2025-06-01')]);
    expect(view.warnings).toEqual([
      { code: 'OBJECTION_BY_STATE_NOT_ON_RECORD', party: 'JP', developmentIds: [uuid(5)] },
    ]);
    // Shown on the reservation it objects to, as any objection.
    expect(view.ratification['AT']?.reservations[0]?.objectedToBy).toEqual([
      { party: 'JP', on: '2025-06-01', developmentId: uuid(5) },
    ]);
    // A state that signed afterwards had not signed when it objected.
    const signedLater = statusOf([
      ...reservedByAT,
      objected(uuid(5), 'JP', 'AT', '2025-06-01'),
      signedBy(uuid(6), 'JP', '2025-07-01'),
    ]);
    expect(signedLater.warnings.map(({ code }) => code)).toEqual(['OBJECTION_BY_STATE_NOT_ON_RECORD']);
  });

  it('is not flagged for an original state, or one that signed or consented by then', () => {
    const view = statusOf([
      ...reservedByAT,
      objected(uuid(5), 'CZ', 'AT', '2025-06-01'),
      signedBy(uuid(6), 'JP', '2025-05-01'),
      objected(uuid(7), 'JP', 'AT', '2025-06-01'),
      consented(uuid(8), 'NO', 'accession', '2025-06'),
      objected(uuid(9), 'NO', 'AT', '2025-06-20'),
    ]);
    expect(view.warnings).toEqual([]);
  });
});

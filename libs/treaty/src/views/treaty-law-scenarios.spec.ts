import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  consented,
  happened,
  ratified,
  recorded,
  registered,
  registeredMultilateral,
  reserved,
  scoped,
  signed,
  uuid,
  withdrawalNotified,
} from '../testing';
import { treatyStatusView, type TreatyStatusView } from './treaty-status.view';

/**
 * Real shapes of treaty histories, read as a depositary would: what the status says, overall and per party, against
 * what the law of treaties (VCLT 1969) makes of the same acts.
 */

/** Not the shared `statusOf` of `../testing`, which takes only `asOf`: these tests also set the view's `today`. */
function statusOf(events: readonly TreatyEvent[], options: { asOf?: string; today?: string } = {}): TreatyStatusView {
  const view = treatyStatusView(recorded(events), options);
  if (view === null) throw new Error('expected a registered treaty');
  return view;
}

describe('a treaty terminated before the clause brings it into force for a state', () => {
  // A convention in force 90 days after the second instrument; its parties terminate it (a later convention replaces
  // it) on 1 February 2022, before the 90 days from BE's deposit have run.
  const clause = { instrumentsRequired: 2, daysAfter: 90 };
  const supersededBeforeEntry = [
    registeredMultilateral({ entryIntoForce: clause }),
    consented(uuid(2), 'AT', 'ratification', '2021-10-01'),
    consented(uuid(3), 'BE', 'ratification', '2021-12-15'),
    happened('TreatyTerminated', uuid(4), '2022-02-01'),
  ];

  it('never entered into force: no date on or after its end is computed for it or for its parties', () => {
    const view = statusOf(supersededBeforeEntry, { today: '2025-01-01' });
    // Abandoned before it bound anyone, it was not terminated (VCLT Part V ends a treaty in force): decision 0099.
    expect(view).toMatchObject({
      status: 'will-not-enter-into-force',
      terminatedOn: null,
      warnings: [{ code: 'TERMINATION_BEFORE_ENTRY_INTO_FORCE', party: null, developmentIds: [uuid(4)] }],
      enteredIntoForceOn: null,
      enteredIntoForceOnByClause: null,
      enteredIntoForceOnExpected: null,
    });
    expect(view.ratification['BE']).toMatchObject({ inForceOn: null, inForceOnExpected: null });
    // Nor is it expected on a day before the end: the record says that day never came.
    const before = statusOf(supersededBeforeEntry, { asOf: '2022-01-10' });
    expect(before).toMatchObject({ enteredIntoForceOn: null, enteredIntoForceOnExpected: null });
  });

  it('a state ratifying shortly before the end of a treaty in force is not in force after that end', () => {
    // In force since 2020-03-02; CZ deposits on 15 December 2021, so 30 days later is after the end on 1 January 2022.
    const events = [
      registeredMultilateral({ entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } }),
      consented(uuid(2), 'AT', 'ratification', '2020-01-01'),
      consented(uuid(3), 'BE', 'ratification', '2020-02-01'),
      consented(uuid(5), 'CZ', 'ratification', '2021-12-15'),
      happened('TreatyTerminated', uuid(4), '2022-01-01'),
    ];
    const view = statusOf(events, { today: '2025-01-01' });
    expect(view).toMatchObject({ status: 'terminated', enteredIntoForceOn: '2020-03-02' });
    expect(view.ratification['AT']).toMatchObject({ inForceOn: '2020-03-02' });
    expect(view.ratification['CZ']).toMatchObject({ status: 'completed', inForceOn: null, inForceOnExpected: null });
    // The day before its end, the treaty was in force for AT and BE, and no date was still to come for CZ.
    expect(statusOf(events, { asOf: '2021-12-31' }).ratification['CZ']).toMatchObject({
      inForceOn: null,
      inForceOnExpected: null,
    });
  });
});

describe('the exchange of instruments establishes the consents it exchanges (TREATY-LAW: that date counts)', () => {
  // Russia completed its ratification on 21 April 2025, Iran on 20 September; the instruments were exchanged in
  // Moscow on 2 October. Registered without its clause: in force when both consents are established (art. 24(2)).
  const exchanged = [
    registered({ kind: 'bilateral', withdrawalNoticeDays: 180 }),
    signed(uuid(1), '2025-01-17'),
    ratified(uuid(2), 'RU', '2025-04-21'),
    ratified(uuid(3), 'IR', '2025-09-20'),
    happened('InstrumentsExchanged', uuid(4), '2025-10-02'),
  ];

  it('without a clause, enters into force on the exchange, computed, and binds both states from it', () => {
    const view = statusOf(exchanged, { today: '2025-12-01' });
    expect(view).toMatchObject({
      status: 'in-force',
      enteredIntoForceOn: '2025-10-02',
      enteredIntoForceOnComputed: true,
      instrumentsExchangedOn: '2025-10-02',
    });
    for (const party of ['RU', 'IR']) {
      expect(view.ratification[party]).toMatchObject({
        status: 'completed',
        consent: expect.objectContaining({ type: 'ratification', on: '2025-10-02', developmentId: uuid(4) }),
        inForceOn: '2025-10-02',
        inForceOnComputed: true,
      });
    }
    // The domestic completion stays what it was: a step, not the international act.
    expect(view.ratification['RU']).toMatchObject({ completedOn: '2025-04-21' });
    // The day before the exchange, both had ratified and neither was bound.
    expect(statusOf(exchanged, { asOf: '2025-10-01' })).toMatchObject({ status: 'ratified', enteredIntoForceOn: null });
  });

  it('a notice after it runs the notice period and then ends the treaty', () => {
    const view = statusOf([...exchanged, withdrawalNotified(uuid(5), 'RU', '2026-06-01')], { today: '2026-12-05' });
    expect(view.ratification['RU']).toMatchObject({
      withdrawalNotifiedOn: '2026-06-01',
      withdrawalEffectiveOn: '2026-11-28',
      withdrawalEffectiveOnComputed: true,
    });
    expect(view).toMatchObject({ status: 'terminated', terminatedOn: '2026-11-28', terminatedOnComputed: true });
  });

  it('under a clause, the clause counts the exchange, not the ratifications completed before it', () => {
    const withClause = [registered({ kind: 'bilateral', entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } })];
    const view = statusOf([...withClause, ...exchanged.slice(1)], { today: '2025-12-01' });
    expect(view).toMatchObject({
      status: 'in-force',
      enteredIntoForceOn: '2025-11-01',
      enteredIntoForceOnComputed: true,
    });
    expect(view.ratification['IR']).toMatchObject({ inForceOn: '2025-11-01' });
  });

  it('a report of the entry into force that agrees is the date, not a computation', () => {
    const reported = [...exchanged, happened('TreatyEnteredIntoForce', uuid(5), '2025-10-02')];
    expect(statusOf(reported, { today: '2025-12-01' })).toMatchObject({
      enteredIntoForceOn: '2025-10-02',
      enteredIntoForceOnComputed: false,
      disagreements: [],
    });
  });
});

describe('what the exchange leaves as it was (review of decision 0079)', () => {
  it('a reservation made with the ratification stays made with the consent, open to objection', () => {
    const events = [
      registered({ kind: undefined }),
      ratified(uuid(2), 'RU', '2025-04-21'),
      reserved(uuid(3), 'RU', '2025-04-21'),
      ratified(uuid(4), 'IR', '2025-09-20'),
      happened('InstrumentsExchanged', uuid(5), '2025-10-02'),
    ];
    const [reservation] = statusOf(events, { today: '2025-12-01' }).ratification['RU']!.reservations;
    expect(reservation).toMatchObject({ madeOn: '2025-04-21', objectionPeriodEndsNotBefore: '2026-04-21' });
    expect(reservation).not.toHaveProperty('unconfirmed');
  });
});

describe('without a clause, a treaty enters into force once every negotiating state has consented (VCLT art. 24(2))', () => {
  const convention = [
    registeredMultilateral({ entryIntoForce: undefined, parties: ['AT', 'BE', 'CZ'] }),
    consented(uuid(2), 'AT', 'ratification', '2021-03-01'),
    consented(uuid(3), 'BE', 'acceptance', '2021-05-20'),
  ];

  it('is not in force while one original state has not consented', () => {
    expect(statusOf(convention, { today: '2025-12-01' })).toMatchObject({
      enteredIntoForceOn: null,
      enteredIntoForceOnExpected: null,
    });
  });

  it('is in force on the last consent, for each original state', () => {
    const all = [...convention, consented(uuid(4), 'CZ', 'approval', '2021-07-09')];
    const view = statusOf(all, { today: '2025-12-01' });
    expect(view).toMatchObject({
      status: 'in-force',
      enteredIntoForceOn: '2021-07-09',
      enteredIntoForceOnComputed: true,
    });
    expect(view.ratification['AT']).toMatchObject({ inForceOn: '2021-07-09', inForceOnComputed: true });
    // A state acceding later is bound from its own consent (art. 24(3)), as before.
    const acceded = statusOf([...all, consented(uuid(5), 'DK', 'accession', '2022-02-01')], { today: '2025-12-01' });
    expect(acceded.ratification['DK']).toMatchObject({ inForceOn: '2022-02-01' });
  });

  it('binds a state that acceded before the last original consent from that consent, with the others', () => {
    const early = [...convention, consented(uuid(5), 'DK', 'accession', '2021-06-01')];
    const view = statusOf([...early, consented(uuid(4), 'CZ', 'approval', '2021-07-09')], { today: '2025-12-01' });
    expect(view.ratification['DK']).toMatchObject({ inForceOn: '2021-07-09', inForceOnComputed: true });
  });

  it('counts a state that withdrew its instrument and consented again from its new consent', () => {
    const again = [
      ...convention,
      withdrawalNotified(uuid(4), 'AT', '2021-06-01'),
      consented(uuid(5), 'AT', 'ratification', '2021-08-02'),
      consented(uuid(6), 'CZ', 'approval', '2021-07-09'),
    ];
    expect(statusOf(again, { today: '2025-12-01' })).toMatchObject({ enteredIntoForceOn: '2021-08-02' });
  });

  it('keeps its computed date when a later state’s own entry into force is reported', () => {
    const all = [...convention, consented(uuid(4), 'CZ', 'approval', '2021-07-09')];
    const reported = [
      ...all,
      consented(uuid(5), 'DK', 'accession', '2022-02-01'),
      scoped('TreatyEnteredIntoForce', uuid(6), '2022-02-01', 'DK'),
    ];
    const view = statusOf(reported, { today: '2025-12-01' });
    expect(view).toMatchObject({ enteredIntoForceOn: '2021-07-09', enteredIntoForceOnComputed: true });
    expect(view.ratification['AT']).toMatchObject({ inForceOn: '2021-07-09' });
    expect(statusOf(reported, { asOf: '2021-12-01' })).toMatchObject({ status: 'in-force' });
  });

  it('computes nothing from a consent known only to its month, nor after a state withdrew its instrument', () => {
    const coarse = [...convention, consented(uuid(4), 'CZ', 'approval', '2021-07')];
    expect(statusOf(coarse, { today: '2025-12-01' })).toMatchObject({ enteredIntoForceOn: null });
    const withdrawn = [
      ...convention,
      withdrawalNotified(uuid(4), 'AT', '2021-06-01'),
      consented(uuid(5), 'CZ', 'approval', '2021-07-09'),
    ];
    expect(statusOf(withdrawn, { today: '2025-12-01' })).toMatchObject({ enteredIntoForceOn: null });
  });
});

describe('the state whose instrument completes the count, when the entry into force is reported on another day', () => {
  // Two instruments, 30 days: FR deposits on 1 March 2021, DE on 20 May, so the clause says 19 June; the depositary
  // reports the entry into force on 14 June. DE's instrument is one of the two the treaty entered into force on.
  const events = [
    registeredMultilateral({ parties: ['FR', 'DE', 'IT'], entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } }),
    consented(uuid(2), 'FR', 'ratification', '2021-03-01'),
    consented(uuid(3), 'DE', 'ratification', '2021-05-20'),
    happened('TreatyEnteredIntoForce', uuid(4), '2021-06-14'),
    consented(uuid(5), 'IT', 'ratification', '2021-09-01'),
  ];

  it('is in force on the reported date with the other, not on its own deposit plus the period', () => {
    const view = statusOf(events, { today: '2025-01-01' });
    expect(view).toMatchObject({ enteredIntoForceOn: '2021-06-14' });
    expect(view.ratification['FR']).toMatchObject({ inForceOn: '2021-06-14' });
    expect(view.ratification['DE']).toMatchObject({ inForceOn: '2021-06-14' });
    // A state whose instrument came after the count still has its own date.
    expect(view.ratification['IT']).toMatchObject({ inForceOn: '2021-10-01', inForceOnComputed: true });
    // Never in force for FR alone: on 16 June both are bound.
    expect(statusOf(events, { asOf: '2021-06-16' }).ratification['DE']).toMatchObject({ inForceOn: '2021-06-14' });
  });
});

describe('a state whose deposit is known only to the month of the deciding one', () => {
  it('gets no day guessed for it', () => {
    const events = [
      registeredMultilateral({
        parties: ['AT', 'BE', 'CZ'],
        entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
      }),
      consented(uuid(2), 'BE', 'ratification', '2021-01-15'),
      consented(uuid(3), 'AT', 'ratification', '2021-02-01'),
      consented(uuid(4), 'CZ', 'ratification', '2021-02'),
    ];
    const view = statusOf(events, { today: '2025-12-01' });
    expect(view.ratification['CZ']).toMatchObject({ inForceOn: null, inForceOnExpected: null });
  });
});

describe('a notice of withdrawal still running when the treaty is terminated', () => {
  // In force since 2021-03-02 (two instruments, 30 days), six months' notice; AT notifies on 1 October 2025, and the
  // treaty is terminated as a whole on 15 January 2026, before AT's notice would have taken effect on 1 April.
  const terminatedDuringTheNotice = [
    registeredMultilateral({ entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 }, withdrawalNoticeDays: 182 }),
    consented(uuid(2), 'AT', 'ratification', '2021-01-01'),
    consented(uuid(3), 'BE', 'ratification', '2021-01-31'),
    withdrawalNotified(uuid(4), 'AT', '2025-10-01'),
    happened('TreatyTerminated', uuid(5), '2026-01-15'),
  ];

  it('takes no effect after the end: there was nothing left to withdraw from', () => {
    const view = statusOf(terminatedDuringTheNotice, { today: '2026-12-01' });
    expect(view).toMatchObject({ status: 'terminated', terminatedOn: '2026-01-15' });
    expect(view.ratification['AT']).toMatchObject({
      withdrawalNotifiedOn: '2025-10-01',
      withdrawalEffectiveOn: null,
      withdrawn: false,
      withdrewOn: null,
    });
    // Nor is the effect shown ahead on a day before the end: the record says that day never came for it.
    expect(statusOf(terminatedDuringTheNotice, { asOf: '2025-12-01' }).ratification['AT']).toMatchObject({
      withdrawalNotifiedOn: '2025-10-01',
      withdrawalEffectiveOn: null,
      withdrawn: false,
    });
  });

  it('a withdrawal that took effect before the end stays the party’s', () => {
    const earlier = [...terminatedDuringTheNotice.slice(0, 4), happened('TreatyTerminated', uuid(5), '2026-06-01')];
    expect(statusOf(earlier, { today: '2026-12-01' }).ratification['AT']).toMatchObject({
      withdrawalEffectiveOn: '2026-04-01',
      withdrawalEffectiveOnComputed: true,
      withdrawn: true,
    });
  });
});

describe('a signatory that makes clear it will not become a party (VCLT art. 18)', () => {
  // A convention registered without its clause, the treaty's entry into force reported, no instrument on record: the
  // original states are taken to have consented (decision 0030). The United States signed, then told the depositary
  // on 6 May 2002 that it did not intend to become a party, before the entry into force of 1 July 2002.
  const unsigned = [
    registeredMultilateral({ entryIntoForce: undefined, withdrawalNoticeDays: 365, parties: ['US', 'FR', 'DE'] }),
    signed(uuid(1), '1998-07-17'),
    withdrawalNotified(uuid(2), 'US', '2002-05-06'),
    happened('TreatyEnteredIntoForce', uuid(3), '2002-07-01'),
  ];

  it('is not bound by the entry into force that came after, while the others are', () => {
    const view = statusOf(unsigned, { today: '2025-01-01' });
    expect(view.ratification['US']).toMatchObject({
      status: 'pending',
      consentImplied: false,
      inForceOn: null,
      withdrawn: true,
      withdrewOn: '2002-05-06',
      withdrawalEffectiveOn: '2002-05-06',
    });
    expect(view.ratification['FR']).toMatchObject({
      status: 'completed',
      consentImplied: true,
      inForceOn: '2002-07-01',
    });
    expect(view).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2002-07-01' });
  });

  it('a notice given after the entry into force is a party leaving, on the notice period', () => {
    const left = [...unsigned.slice(0, 3), happened('TreatyEnteredIntoForce', uuid(3), '2002-04-01')];
    expect(statusOf(left, { today: '2025-01-01' }).ratification['US']).toMatchObject({
      consentImplied: true,
      inForceOn: '2002-04-01',
      withdrewOn: '2003-05-06',
      withdrawalEffectiveOnComputed: true,
    });
  });
});

/** A notification of succession, with the date of the succession of States when the report gives it. */
function succeeded(id: string, party: string, notifiedOn: string, successionOn?: string): TreatyEvent {
  const notification = consented(id, party, 'succession', notifiedOn);
  if (notification.type !== 'ConsentToBeBoundExpressed' || successionOn === undefined) return notification;
  return { ...notification, data: { ...notification.data, successionOn } };
}

describe('a successor state that notifies its succession without giving its date (1978 Vienna Convention)', () => {
  // In force on 3 March 1990 (two instruments, 30 days). Czechoslovakia had ratified; on its dissolution Slovakia
  // notified its succession on 28 May 1993, effective from the succession of States, 1 January 1993: the depositary
  // lists it a party from that day, not 30 days after the notification (art. 34 and 23(1); the clause's days run from
  // a deposit of ratification, acceptance, approval or accession).
  const inForce = [
    registeredMultilateral({ entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } }),
    consented(uuid(2), 'AT', 'ratification', '1990-01-01'),
    consented(uuid(3), 'BE', 'ratification', '1990-02-01'),
  ];

  it('notified after the entry into force, its date is one the record lacks: none is computed from the notification', () => {
    const view = statusOf([...inForce, consented(uuid(4), 'SK', 'succession', '1993-05-28')], { today: '2025-01-01' });
    expect(view.ratification['SK']).toMatchObject({
      status: 'completed',
      consent: expect.objectContaining({ type: 'succession', on: '1993-05-28', successionOn: null }),
      inForceOn: null,
      inForceOnExpected: null,
    });
    // With the date of succession, that date (decision 0022).
    const dated = statusOf([...inForce, succeeded(uuid(4), 'SK', '1993-05-28', '1993-01-01')], { today: '2025-01-01' });
    expect(dated.ratification['SK']).toMatchObject({ inForceOn: '1993-01-01', inForceOnComputed: true });
  });

  it('notified before the entry into force, it is a party from the treaty’s date, not 30 days after its notification', () => {
    // A newly independent state notifies on 20 February 1990, after the second instrument, before 3 March: a
    // contracting state from its notification (art. 18), a party from the treaty's entry into force (art. 23(1)).
    const view = statusOf([...inForce, consented(uuid(4), 'NA', 'succession', '1990-02-20')], { today: '2025-01-01' });
    expect(view).toMatchObject({ enteredIntoForceOn: '1990-03-03' });
    expect(view.ratification['NA']).toMatchObject({ inForceOn: '1990-03-03', inForceOnComputed: true });
  });
});

describe('a convention in force on the 30th day after the 20th instrument, joined for years after', () => {
  // Twenty states deposit one a week from 6 January 2020; the 20th deposit is on 18 May 2020, so the convention is in
  // force on 17 June 2020. FR deposits on 1 June, between the 20th and the entry into force; NO accedes in 2023.
  const clause = { instrumentsRequired: 20, daysAfter: 30 };
  const states = Array.from({ length: 20 }, (_, index) => `S${String(index + 1).padStart(2, '0')}`);
  const weekly = (index: number) => new Date(Date.UTC(2020, 0, 6 + index * 7)).toISOString().slice(0, 10);
  const events = [
    registeredMultilateral({ entryIntoForce: clause, parties: states }),
    ...states.map((state, index) => consented(uuid(100 + index), state, 'ratification', weekly(index))),
    consented(uuid(200), 'FR', 'accession', '2020-06-01'),
    consented(uuid(201), 'NO', 'accession', '2023-03-10'),
  ];

  it('counts the 20th deposit, and gives each later state its own deposit plus 30 days, not before the treaty’s', () => {
    const view = statusOf(events, { today: '2025-01-01' });
    expect(weekly(19)).toBe('2020-05-18');
    expect(view).toMatchObject({
      status: 'in-force',
      enteredIntoForceOn: '2020-06-17',
      enteredIntoForceOnComputed: true,
    });
    expect(view.ratification['S01']).toMatchObject({ inForceOn: '2020-06-17' });
    expect(view.ratification['FR']).toMatchObject({ inForceOn: '2020-07-01', inForceOnComputed: true });
    expect(view.ratification['NO']).toMatchObject({ inForceOn: '2023-04-09', inForceOnComputed: true });
  });

  it('on a day between a late deposit and its 30th day, the state is a contracting state, not yet in force', () => {
    const view = statusOf(events, { asOf: '2023-03-20' });
    expect(view.ratification['NO']).toMatchObject({ status: 'completed', inForceOn: null });
    expect(view).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2020-06-17' });
    // And before the 20th deposit, nothing is in force, though nineteen have ratified.
    expect(statusOf(events, { asOf: '2020-05-17' })).toMatchObject({ enteredIntoForceOn: null });
  });
});

describe('a bilateral agreement: in force 15 days after the later notification, denounced on six months’ notice', () => {
  const events = [
    registered({
      kind: 'bilateral',
      parties: ['RU', 'IR'],
      entryIntoForce: { instrumentsRequired: 2, daysAfter: 15 },
      withdrawalNoticeDays: 180,
    }),
    signed(uuid(1), '2025-01-17'),
    consented(uuid(2), 'IR', 'approval', '2025-06-02'),
    consented(uuid(3), 'RU', 'ratification', '2025-04-21'),
  ];

  it('enters into force for both on the later notification plus 15 days, reported in any order', () => {
    const view = statusOf(events, { today: '2025-12-01' });
    expect(view).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2025-06-17' });
    expect(view.ratification['RU']).toMatchObject({ inForceOn: '2025-06-17' });
    expect(view.ratification['IR']).toMatchObject({ inForceOn: '2025-06-17' });
  });

  it('ends for both parties when one party’s denunciation takes effect', () => {
    const denounced = [...events, withdrawalNotified(uuid(4), 'IR', '2025-08-01')];
    expect(statusOf(denounced, { today: '2025-12-01' })).toMatchObject({
      status: 'in-force',
      terminatedOn: null,
      terminatedOnExpected: '2026-01-28',
    });
    const ended = statusOf(denounced, { today: '2026-01-28' });
    expect(ended).toMatchObject({ status: 'terminated', terminatedOn: '2026-01-28', terminatedOnComputed: true });
    expect(ended.ratification['IR']).toMatchObject({ withdrawn: true, withdrewOn: '2026-01-28' });
    expect(ended.ratification['RU']).toMatchObject({ withdrawn: false });
  });

  it('ends once the last day a denunciation known to its month may take effect has come (decision 0105)', () => {
    // 180 days from some day of March 2026: between 2026-08-28 and 2026-09-27, which share only the year.
    const denounced = [...events, withdrawalNotified(uuid(4), 'IR', '2026-03')];
    expect(statusOf(denounced, { today: '2026-09-26' })).toMatchObject({ status: 'in-force', terminatedOn: null });
    const ended = statusOf(denounced, { today: '2026-09-27' });
    expect(ended).toMatchObject({ status: 'terminated', terminatedOn: '2026', terminatedOnComputed: true });
    expect(statusOf(denounced, { asOf: '2026-10-15' })).toMatchObject({ status: 'terminated' });
  });
});

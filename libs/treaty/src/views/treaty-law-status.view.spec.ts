import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  consented,
  corrected,
  corroborated,
  happened,
  objected,
  registered,
  registeredMultilateral,
  reservationWithdrawn,
  reserved,
  scoped,
  signed,
  signedBy,
  source,
  statement,
  uuid,
  withdrawalNotified,
  withdrew,
  statusOf,
} from '../testing';
import { partyEntryIntoForce, treatyEntryIntoForce } from './entry-into-force';

const clause = { instrumentsRequired: 2, daysAfter: 30 };
/** AT and BE ratify: the clause puts the treaty in force on 2025-03-29. */
const bothRatified = [
  registeredMultilateral({ entryIntoForce: clause }),
  consented(uuid(2), 'AT', 'ratification', '2025-01-05'),
  consented(uuid(3), 'BE', 'ratification', '2025-02-27'),
];
/** What a report of the treaty's entry into force (uuid 4) on another day than the clause's is listed as. */
const disagreesWithClause = {
  type: 'entered-into-force',
  party: null,
  body: null,
  developmentIds: [uuid(4)],
  computedOn: '2025-03-29',
};

describe('entry into force by the clause', () => {
  it('is the Nth instrument plus the days, whatever order the instruments were reported in', () => {
    expect(
      treatyEntryIntoForce(clause, [
        { party: 'BE', on: '2025-02-27' },
        { party: 'AT', on: '2025-01-05' },
        { party: 'CZ', on: '2025-12-31' },
      ]),
    ).toBe('2025-03-29');
  });

  it('is nothing with too few instruments, or when one that counts is known only to the month', () => {
    expect(treatyEntryIntoForce(clause, [{ party: 'AT', on: '2025-01-05' }])).toBeNull();
    expect(
      treatyEntryIntoForce(clause, [
        { party: 'AT', on: '2025-01' },
        { party: 'BE', on: '2025-02-27' },
      ]),
    ).toBeNull();
  });

  it("a party's date is the treaty's, or its own instrument plus the days when that is later", () => {
    expect(partyEntryIntoForce(clause, '2025-03-29', { on: '2025-01-05' })).toBe('2025-03-29');
    expect(partyEntryIntoForce(clause, '2025-03-29', { on: '2025-12-31' })).toBe('2026-01-30');
    expect(partyEntryIntoForce(clause, null, { on: '2025-12-31' })).toBeNull();
    // A treaty date reported to the month: a party consenting months later is not in force from that month.
    expect(partyEntryIntoForce(clause, '2025-03', { on: '2025-12-31' })).toBe('2026-01-30');
    expect(partyEntryIntoForce(clause, '2025-03', { on: '2025-02-05' })).toBe('2025-03');
  });

  it('a party acceding after an entry into force reported to the month is in force from its own date', () => {
    const events = [
      registeredMultilateral({ entryIntoForce: clause }),
      consented(uuid(2), 'AT', 'ratification', '2025-01-05'),
      consented(uuid(3), 'BE', 'ratification', '2025-02-10'),
      happened('TreatyEnteredIntoForce', uuid(4), '2025-03'),
      consented(uuid(5), 'FR', 'accession', '2025-12-31'),
    ];
    expect(statusOf(events).ratification['FR']).toMatchObject({ inForceOn: '2026-01-30', inForceOnComputed: true });
    expect(statusOf(events, '2025-12-31').ratification['FR']).toMatchObject({ inForceOn: null });
    expect(statusOf(events).ratification['AT']).toMatchObject({ inForceOn: '2025-03', inForceOnComputed: false });
  });

  it('without a clause nothing is computed', () => {
    const view = statusOf([
      registeredMultilateral({ entryIntoForce: undefined }),
      consented(uuid(2), 'AT', 'ratification', '2025-01-05'),
      consented(uuid(3), 'BE', 'ratification', '2025-01-06'),
      consented(uuid(4), 'CZ', 'ratification', '2025-01-07'),
    ]);
    expect(view).toMatchObject({
      enteredIntoForceOn: null,
      enteredIntoForceOnComputed: false,
      enteredIntoForceOnByClause: null,
    });
    expect(view.ratification['AT']).toMatchObject({ inForceOn: null, inForceOnComputed: false });
  });

  it('without a clause, a party consenting after the reported entry into force is bound from its consent', () => {
    // VCLT art. 24(3): the treaty enters into force for a state consenting after it on the date of its consent.
    const events = [
      registeredMultilateral({ entryIntoForce: undefined }),
      consented(uuid(2), 'AT', 'ratification', '2025-01-05'),
      happened('TreatyEnteredIntoForce', uuid(3), '2025-03-01'),
      consented(uuid(4), 'FR', 'accession', '2025-06-01'),
    ];
    const view = statusOf(events);
    expect(view.ratification['AT']).toMatchObject({ inForceOn: '2025-03-01', inForceOnComputed: false });
    expect(view.ratification['FR']).toMatchObject({ inForceOn: '2025-06-01', inForceOnComputed: true });
    expect(view.ratification['BE']).toMatchObject({ inForceOn: null, consent: null });
    expect(statusOf(events, '2025-05-31').ratification['FR']).toBeUndefined();
    // An accession known only to its month is in force from that month, once the month has come.
    const byMonth = [...events.slice(0, 3), consented(uuid(4), 'FR', 'accession', '2025-06')];
    expect(statusOf(byMonth).ratification['FR']).toMatchObject({ inForceOn: '2025-06', inForceOnComputed: true });
    // A report of its own wins; one of another day stays listed with the computed date beside it.
    const reported = statusOf([...events, scoped('TreatyEnteredIntoForce', uuid(5), '2025-07-01', 'FR')]);
    expect(reported.ratification['FR']).toMatchObject({ inForceOn: '2025-07-01', inForceOnComputed: false });
    expect(reported.disagreements).toEqual([
      expect.objectContaining({ type: 'entered-into-force', party: 'FR', computedOn: '2025-06-01' }),
    ]);
  });

  it('a report dated after the computed date overrules it on the days between too, and the disagreement shows there', () => {
    // The clause gives 2025-03-29 (BE's instrument + 30 days); the depositary reports 2025-04-02. The report wins in the
    // present, so on 2025-03-31 the treaty was not yet in force by it: not in force, and the two dates disagree.
    const events = [...bothRatified, happened('TreatyEnteredIntoForce', uuid(4), '2025-04-02')];
    expect(statusOf(events)).toMatchObject({ enteredIntoForceOn: '2025-04-02', disagreements: [disagreesWithClause] });
    const between = statusOf(events, '2025-03-31');
    expect(between).toMatchObject({
      status: 'ratification-in-progress',
      enteredIntoForceOn: null,
      enteredIntoForceOnComputed: false,
      disagreements: [disagreesWithClause],
    });
    expect(between.ratification['AT']).toMatchObject({ inForceOn: null });
    // Before the computed date nothing is in force either way, and nothing disagrees yet.
    expect(statusOf(events, '2025-03-28')).toMatchObject({ enteredIntoForceOn: null, disagreements: [] });
    // A later report that agrees with the computation changes nothing.
    const agreeing = [...events.slice(0, 3), happened('TreatyEnteredIntoForce', uuid(4), '2025-03-29')];
    expect(statusOf(agreeing, '2025-03-29')).toMatchObject({ enteredIntoForceOn: '2025-03-29', disagreements: [] });
  });

  it('a report dated before the computed date disagrees with it from the report on, as in the present', () => {
    // The depositary reports 2025-03-20; the clause gives 2025-03-29. On 2025-03-25 the treaty is in force by the
    // report, and the clause, whose date has not come, already disagrees with it about that day.
    const events = [...bothRatified, happened('TreatyEnteredIntoForce', uuid(4), '2025-03-20')];
    for (const asOf of [undefined, '2025-03-25']) {
      expect(statusOf(events, asOf)).toMatchObject({
        enteredIntoForceOn: '2025-03-20',
        disagreements: [disagreesWithClause],
      });
    }
    expect(statusOf(events, '2025-03-25').enteredIntoForceOnByClause).toBeNull();
    expect(statusOf(events, '2025-03-19').disagreements).toEqual([]);
  });

  it("a party's own later report overrules its computed date on the days between", () => {
    // (A report after the party withdrew and rejoined is a new act, not this one: see the rejoining tests below.)
    const events = [
      ...bothRatified,
      consented(uuid(4), 'FR', 'accession', '2025-06-01'),
      scoped('TreatyEnteredIntoForce', uuid(5), '2025-07-15', 'FR'),
    ];
    const fr = statusOf(events, '2025-07-10');
    expect(fr.ratification['FR']).toMatchObject({ inForceOn: null, inForceOnComputed: false });
    expect(fr.disagreements).toEqual([
      expect.objectContaining({
        type: 'entered-into-force',
        party: 'FR',
        developmentIds: [uuid(5)],
        computedOn: '2025-07-01',
      }),
    ]);
    expect(statusOf(events).ratification['FR']).toMatchObject({ inForceOn: '2025-07-15' });
  });

  it('a retracted instrument no longer counts', () => {
    const events = [...bothRatified];
    expect(statusOf(events).enteredIntoForceOn).toBe('2025-03-29');
    expect(
      statusOf([
        ...events,
        {
          type: 'DevelopmentRetracted',
          data: { treatyId: 'ru-ir-partnership', developmentId: uuid(3), reason: 'x', source: source() },
        },
      ]).enteredIntoForceOn,
    ).toBeNull();
  });
});

describe('a party bound with no consent on record', () => {
  const tookEffect = [registered(), happened('TreatyEnteredIntoForce', uuid(2), '2025-05')];

  it('is completed, with no date, once the record says the treaty is in force for it', () => {
    // "A free trade agreement between Iran and the Eurasian Economic Union took effect last week": no consent named.
    for (const party of ['RU', 'IR']) {
      expect(statusOf(tookEffect).ratification[party]).toMatchObject({
        status: 'completed',
        completedOn: null,
        consentImplied: true,
        consent: null,
        inForceOn: '2025-05',
      });
    }
    expect(statusOf(tookEffect, '2025-04-30').ratification['IR']).toMatchObject({
      status: 'pending',
      consentImplied: false,
    });
  });

  it('is implied by nothing once the entry into force is retracted', () => {
    const view = statusOf([
      ...tookEffect,
      {
        type: 'DevelopmentRetracted',
        data: { treatyId: 'ru-ir-partnership', developmentId: uuid(2), reason: 'x', source: source() },
      },
    ]);
    expect(view.ratification['IR']).toMatchObject({ status: 'pending', consentImplied: false, inForceOn: null });
  });

  it('a consent on record is no implied one', () => {
    const view = statusOf([...tookEffect, consented(uuid(3), 'IR', 'ratification', '2025-04-20')]);
    expect(view.ratification['IR']).toMatchObject({
      status: 'completed',
      completedOn: '2025-04-20',
      consentImplied: false,
    });
  });

  it("under a clause, the treaty's entry into force binds only the parties whose instrument or own date is on record", () => {
    const view = statusOf([
      registeredMultilateral({ entryIntoForce: clause }),
      consented(uuid(2), 'AT', 'ratification', '2025-01-05'),
      consented(uuid(3), 'BE', 'ratification', '2025-01-06'),
      happened('TreatyEnteredIntoForce', uuid(4), '2025-02-05'),
      scoped('TreatyEnteredIntoForce', uuid(5), '2025-02-05', 'CZ'),
    ]);
    expect(view.ratification['DK']).toMatchObject({ status: 'pending', consentImplied: false, inForceOn: null });
    expect(view.ratification['CZ']).toMatchObject({
      status: 'completed',
      completedOn: null,
      consentImplied: true,
      inForceOn: '2025-02-05',
    });
    expect(view.ratification['AT']).toMatchObject({ status: 'completed', consentImplied: false });
  });

  it('without a clause, once any consent is on record, only a report of its own binds a party that gave none', () => {
    const view = statusOf([
      registeredMultilateral({ entryIntoForce: undefined }),
      consented(uuid(2), 'AT', 'ratification', '2025-01-05'),
      happened('TreatyEnteredIntoForce', uuid(3), '2025-03-01'),
    ]);
    expect(view.ratification['BE']).toMatchObject({ status: 'pending', consentImplied: false });
  });

  it('without a clause, a consent given after the entry into force (an accession, a succession) unbinds no original party', () => {
    // Recorded as in force since 2020 with no consents; a state accedes in 2023. The originals were bound in 2022
    // (asOf) and nothing since has undone it: the accession says nothing of how the treaty came into force.
    const inForce = [
      registeredMultilateral({ entryIntoForce: undefined }),
      happened('TreatyEnteredIntoForce', uuid(2), '2020-01-01'),
    ];
    const bound = { status: 'completed', completedOn: null, consentImplied: true, inForceOn: '2020-01-01' };
    for (const later of [
      consented(uuid(3), 'FI', 'accession', '2023-05-01'),
      consented(uuid(3), 'FI', 'succession', '2023-05-01'),
    ]) {
      const view = statusOf([...inForce, later]);
      expect(view.ratification['AT']).toMatchObject(bound);
      expect(statusOf([...inForce, later], '2024-01-01').ratification['EE']).toMatchObject(bound);
      expect(view.ratification['FI']).toMatchObject({ status: 'completed', consentImplied: false });
    }
  });

  it('without a clause, an original party ratifying after the entry into force is not bound by it before its consent', () => {
    // In force since 2020 on the record, Austria's ratification of 2023 reported: the present shows Austria bound from
    // its ratification (art. 24(3), decision 0031), so a day of 2022 must not show it bound since 2020.
    const events = [
      registeredMultilateral({ entryIntoForce: undefined }),
      happened('TreatyEnteredIntoForce', uuid(2), '2020-01-01'),
      consented(uuid(3), 'AT', 'ratification', '2023-05-01'),
    ];
    expect(statusOf(events).ratification['AT']).toMatchObject({ inForceOn: '2023-05-01', inForceOnComputed: true });
    expect(statusOf(events, '2022-01-01').ratification['AT']).toMatchObject({
      status: 'pending',
      consentImplied: false,
      inForceOn: null,
    });
    // The other original parties, of which no consent is on record, stay bound by the entry into force.
    for (const asOf of [undefined, '2022-01-01']) {
      expect(statusOf(events, asOf).ratification['BE']).toMatchObject({
        consentImplied: true,
        inForceOn: '2020-01-01',
      });
    }
  });

  it("binds both parties of a bilateral treaty by its entry into force, though only one's consent is on record", () => {
    // Russia's ratification reported, Iran's not, the treaty in force: in force between the two, or not at all.
    for (const entryIntoForce of [undefined, { instrumentsRequired: 2, daysAfter: 0 }]) {
      const view = statusOf([
        registered({ kind: 'bilateral', ...(entryIntoForce ? { entryIntoForce } : {}) }),
        consented(uuid(2), 'RU', 'ratification', '2025-04-21'),
        happened('TreatyEnteredIntoForce', uuid(3), '2025-10-02'),
      ]);
      expect(view.ratification['IR']).toMatchObject({
        status: 'completed',
        completedOn: null,
        consentImplied: true,
        inForceOn: '2025-10-02',
      });
      expect(view.ratification['RU']).toMatchObject({ status: 'completed', consentImplied: false });
    }
  });

  it("shows a bilateral party's consent dated after the treaty's entry into force as a disagreement, at every asOf", () => {
    // Reported: Russia ratified, the treaty entered into force on 1 June, Iran ratified on 1 August. In force between
    // the two or not at all, and binding no state before it consents (VCLT art. 24): one of the dates is wrong. A day
    // between the two must read as the present does, and both must say that the sources disagree.
    for (const entryIntoForce of [undefined, { instrumentsRequired: 2, daysAfter: 0 }]) {
      const events = [
        registered({ kind: 'bilateral', ...(entryIntoForce ? { entryIntoForce } : {}) }),
        consented(uuid(2), 'RU', 'ratification', '2025-04-21'),
        happened('TreatyEnteredIntoForce', uuid(3), '2025-06-01'),
        consented(uuid(4), 'IR', 'ratification', '2025-08-01'),
      ];
      const disagreement = {
        type: 'entered-into-force',
        party: 'IR',
        body: null,
        developmentIds: [uuid(3), uuid(4)],
      };
      for (const asOf of [undefined, '2025-06-01', '2025-07-01', '2025-08-01']) {
        const view = statusOf(events, asOf);
        expect({ asOf, status: view.status, enteredIntoForceOn: view.enteredIntoForceOn }).toEqual({
          asOf,
          status: 'in-force',
          enteredIntoForceOn: '2025-06-01',
        });
        expect(view.ratification['IR']).toMatchObject({ status: 'completed', inForceOn: '2025-06-01' });
        expect(view.ratification['RU']).toMatchObject({ inForceOn: '2025-06-01' });
        expect(view.disagreements).toContainEqual(disagreement);
      }
      expect(statusOf(events, '2025-07-01').ratification['IR']).toMatchObject({ consentImplied: true, consent: null });
      expect(statusOf(events).ratification['IR']).toMatchObject({
        consentImplied: false,
        completedOn: '2025-08-01',
        inForceOnComputed: false,
      });
      // Before the entry into force nothing is contradicted: neither party is bound.
      const before = statusOf(events, '2025-05-31');
      expect(before.disagreements).toEqual([]);
      expect(before.ratification['IR']).toMatchObject({ status: 'pending', inForceOn: null });
    }
  });

  it("a bilateral party's consent in the month of the entry into force, or before it, contradicts nothing", () => {
    for (const on of ['2025-06', '2025-05-30']) {
      const view = statusOf([
        registered({ kind: 'bilateral' }),
        consented(uuid(2), 'RU', 'ratification', '2025-04-21'),
        happened('TreatyEnteredIntoForce', uuid(3), '2025-06-01'),
        consented(uuid(4), 'IR', 'ratification', on),
      ]);
      expect(view.disagreements).toEqual([]);
      expect(view.ratification['IR']).toMatchObject({ inForceOn: '2025-06-01' });
    }
  });

  it('a treaty in force for one party is in force, though no date of its own is on record', () => {
    const partyLevel = [
      registered({ kind: 'bilateral' }),
      scoped('TreatyEnteredIntoForce', uuid(2), '2025-10-02', 'RU'),
      scoped('TreatyEnteredIntoForce', uuid(3), '2025-10-02', 'IR'),
    ];
    expect(statusOf(partyLevel)).toMatchObject({ status: 'in-force', enteredIntoForceOn: null });
    expect(statusOf(partyLevel, '2025-10-01').status).toBe('registered');
    const convention = statusOf([
      registeredMultilateral({ entryIntoForce: clause }),
      scoped('TreatyEnteredIntoForce', uuid(2), '2025-02-05', 'CZ'),
    ]);
    expect(convention).toMatchObject({ status: 'in-force', enteredIntoForceOn: null });
    expect(convention.ratification['CZ']).toMatchObject({ status: 'completed', inForceOn: '2025-02-05' });
  });
});

describe('per party', () => {
  const convention = [
    registeredMultilateral(),
    consented(uuid(2), 'FR', 'accession', '2025-06-01'),
    reserved(uuid(3), 'FR', '2025-06-01', 'On article 5'),
    reserved(uuid(4), 'FR', '2025-06-01', 'On article 9'),
    objected(uuid(5), 'AT', 'FR', '2025-07-01', uuid(3)),
    reservationWithdrawn(uuid(6), 'FR', '2025-08-01', uuid(3)),
  ];

  it('a party that joined is listed after the original ones, not as original', () => {
    const view = statusOf(convention);
    expect(view.parties).toEqual(['AT', 'BE', 'CZ', 'DK', 'EE', 'FR']);
    expect(view.originalParties).toEqual(['AT', 'BE', 'CZ', 'DK', 'EE']);
    expect(view.ratification['FR']).toMatchObject({
      original: false,
      consent: { type: 'accession', on: '2025-06-01' },
    });
    expect(statusOf(convention, '2025-05-31').parties).toEqual(['AT', 'BE', 'CZ', 'DK', 'EE']);
  });

  it('reservations with their withdrawal and the objections aimed at each', () => {
    const fr = statusOf(convention).ratification['FR'];
    expect(fr?.reservations.map((r) => [r.text, r.withdrawnOn, r.objectedToBy.map((o) => o.party)])).toEqual([
      ['On article 5', '2025-08-01', ['AT']],
      ['On article 9', null, []],
    ]);
    expect(statusOf(convention, '2025-07-31').ratification['FR']?.reservations[0]?.withdrawnOn).toBeNull();
  });

  it('a withdrawal or an objection that names no reservation concerns only those made by then', () => {
    const fr = statusOf([
      ...convention,
      reservationWithdrawn(uuid(7), 'FR', '2025-09-01'),
      objected(uuid(8), 'BE', 'FR', '2025-07-15'),
      reserved(uuid(9), 'FR', '2025-10-01', 'On article 12'),
    ]).ratification['FR'];
    expect(fr?.reservations.map((r) => [r.text, r.withdrawnOn, r.objectedToBy.map((o) => o.party)])).toEqual([
      ['On article 5', '2025-08-01', ['AT', 'BE']],
      ['On article 9', '2025-09-01', ['BE']],
      ['On article 12', null, []],
    ]);
  });

  it('a withdrawal or an objection known only to its month or year leaves a reservation made later in that period', () => {
    // "In September 2025 France withdrew its reservation": the one of June, not the one made on 20 September, which
    // may have come after the withdrawal. Likewise an objection of that month is to the reservations made before it.
    const fr = statusOf([
      ...convention,
      reservationWithdrawn(uuid(7), 'FR', '2025-09'),
      reserved(uuid(8), 'FR', '2025-09-20', 'On article 12'),
      objected(uuid(9), 'BE', 'FR', '2025-09'),
      reserved(uuid(10), 'FR', '2025-10-01', 'On article 14'),
    ]).ratification['FR'];
    expect(fr?.reservations.map((r) => [r.text, r.withdrawnOn, r.objectedToBy.map((o) => o.party)])).toEqual([
      ['On article 5', '2025-08-01', ['AT', 'BE']],
      ['On article 9', '2025-09', ['BE']],
      ['On article 12', null, []],
      ['On article 14', null, []],
    ]);
  });

  it('one known only to its period still concerns a reservation of that period when none is known to come before it', () => {
    // The withdrawal has nothing else to withdraw: the record cannot order the two, and reads it as the one it can be.
    const view = statusOf([
      registeredMultilateral(),
      consented(uuid(2), 'FR', 'accession', '2025-06-01'),
      reserved(uuid(3), 'FR', '2025-06-01', 'On article 5'),
      reservationWithdrawn(uuid(4), 'FR', '2025'),
      objected(uuid(5), 'BE', 'FR', '2025-06'),
    ]);
    expect(view.ratification['FR']?.reservations).toEqual([
      expect.objectContaining({
        text: 'On article 5',
        withdrawnOn: '2025',
        objectedToBy: [expect.objectContaining({ party: 'BE' })],
      }),
    ]);
  });

  it('a withdrawal of objections known only to its month leaves an objection made later in that month', () => {
    // "In December Austria withdrew its objection" (of July), and on 20 December objected to another reservation.
    const withdrawn: TreatyEvent = {
      type: 'ObjectionWithdrawn',
      data: {
        treatyId: 'ru-ir-partnership',
        developmentId: uuid(9),
        occurredOn: '2025-12',
        source: source(),
        party: 'AT',
        againstParty: 'FR',
      },
    };
    const view = statusOf([...convention, withdrawn, objected(uuid(10), 'AT', 'FR', '2025-12-20', uuid(4))]);
    expect(view.ratification['AT']?.objections.map((o) => [o.madeOn, o.withdrawnOn])).toEqual([
      ['2025-07-01', '2025-12'],
      ['2025-12-20', null],
    ]);
    expect(view.ratification['FR']?.reservations.map((r) => r.objectedToBy.map((o) => [o.party, o.on]))).toEqual([
      [],
      [['AT', '2025-12-20']],
    ]);
  });

  it('a withdrawn objection no longer stands against the reservation, and shows its withdrawal', () => {
    const withdrawn: TreatyEvent = {
      type: 'ObjectionWithdrawn',
      data: {
        treatyId: 'ru-ir-partnership',
        developmentId: uuid(9),
        occurredOn: '2025-07-20',
        source: source(),
        party: 'AT',
        againstParty: 'FR',
      },
    };
    const view = statusOf([...convention, withdrawn]);
    expect(view.ratification['FR']?.reservations[0]?.objectedToBy).toEqual([]);
    expect(view.ratification['AT']?.objections).toEqual([
      expect.objectContaining({ againstParty: 'FR', withdrawnOn: '2025-07-20' }),
    ]);
    expect(
      statusOf([...convention, withdrawn], '2025-07-19').ratification['AT']?.objections[0]?.withdrawnOn,
    ).toBeNull();
  });

  it('an objection whose reservations were all withdrawn no longer stands: moot from the last withdrawal', () => {
    // AT objected to FR's reservation on article 5 (uuid 3), which FR withdrew on 1 August (the convention above). The
    // treaty then applies in full between the two (VCLT art. 22(3)(a)): the objection has nothing left to act on,
    // though AT never withdrew it.
    const at = (asOf?: string) => statusOf(convention, asOf).ratification['AT']?.objections;
    expect(at()).toEqual([expect.objectContaining({ againstParty: 'FR', withdrawnOn: null, mootOn: '2025-08-01' })]);
    expect(at('2025-07-31')?.[0]).not.toHaveProperty('mootOn');
    // One naming no reservation concerns both made by its date: moot only once both are withdrawn.
    const unnamed = [...convention, objected(uuid(7), 'BE', 'FR', '2025-07-15')];
    expect(statusOf(unnamed).ratification['BE']?.objections[0]).not.toHaveProperty('mootOn');
    const both = statusOf([...unnamed, reservationWithdrawn(uuid(8), 'FR', '2025-10-01', uuid(4))]);
    expect(both.ratification['BE']?.objections[0]).toMatchObject({ withdrawnOn: null, mootOn: '2025-10-01' });
    // A reservation made after it is not one it objected to, and does not revive it.
    const later = statusOf([
      ...unnamed,
      reservationWithdrawn(uuid(8), 'FR', '2025-10-01', uuid(4)),
      reserved(uuid(9), 'FR', '2025-11-01', 'On article 12'),
    ]);
    expect(later.ratification['BE']?.objections[0]).toMatchObject({ mootOn: '2025-10-01' });
  });

  it('an objection its state withdrew before the reservation was withdrawn is withdrawn, not moot', () => {
    const withdrawn: TreatyEvent = {
      type: 'ObjectionWithdrawn',
      data: {
        treatyId: 'ru-ir-partnership',
        developmentId: uuid(9),
        occurredOn: '2025-07-20',
        source: source(),
        party: 'AT',
        againstParty: 'FR',
      },
    };
    const objection = statusOf([...convention, withdrawn]).ratification['AT']?.objections[0];
    expect(objection).toMatchObject({ withdrawnOn: '2025-07-20' });
    expect(objection).not.toHaveProperty('mootOn');
  });

  it("a signatory's notice that it will not become a party takes effect when notified, not after the notice period", () => {
    // As the United States and the Rome Statute (2002): the treaty's notice period is for parties leaving it; a state
    // that only signed ends its signature's obligations (VCLT art. 18) by making its intention clear.
    const events = [
      ...convention,
      signedBy(uuid(7), 'AT', '2025-01-10'),
      withdrawalNotified(uuid(8), 'AT', '2025-09-01'),
      consented(uuid(9), 'BE', 'ratification', '2025-03-01'),
      consented(uuid(11), 'CZ', 'ratification', '2025-04-01'),
      withdrawalNotified(uuid(10), 'BE', '2025-09-01'),
    ];
    expect(statusOf(events, '2025-09-01').ratification['AT']).toMatchObject({
      consent: null,
      withdrawalNotifiedOn: '2025-09-01',
      withdrawalEffectiveOn: '2025-09-01',
      withdrawalEffectiveOnComputed: true,
      withdrawn: true,
    });
    // A state bound by then (its instrument counted: FR's accession was the third) still gives the notice: 180 days.
    // (One withdrawing its instrument before the clause counted it is released when it notifies: decision 0038.)
    expect(statusOf(events, '2025-09-01').ratification['BE']).toMatchObject({
      withdrawalEffectiveOn: '2026-02-28',
      withdrawn: false,
    });
  });

  it("a report of a withdrawal's effect that disagrees with the notice's is listed, and overrules it on the days between", () => {
    // Notified on 1 February 2022: 180 days give 31 July. A source reports the withdrawal took effect on 15 August. The
    // report wins in the present; on 1 August the party had not left by it, and the two disagree about that day.
    const notified = [
      registeredMultilateral(),
      consented(uuid(2), 'AT', 'ratification', '2020-01-01'),
      consented(uuid(5), 'BE', 'ratification', '2020-01-02'),
      consented(uuid(6), 'CZ', 'ratification', '2020-01-03'),
      withdrawalNotified(uuid(3), 'AT', '2022-02-01'),
    ];
    const events = [...notified, withdrew(uuid(4), 'AT', '2022-08-15')];
    const disagreement = {
      type: 'withdrawn',
      party: 'AT',
      body: null,
      developmentIds: [uuid(3), uuid(4)],
      computedOn: '2022-07-31',
    };
    expect(statusOf(events).ratification['AT']).toMatchObject({ withdrawn: true, withdrewOn: '2022-08-15' });
    expect(statusOf(events).disagreements).toEqual([disagreement]);
    const between = statusOf(events, '2022-08-01');
    expect(between.ratification['AT']).toMatchObject({ withdrawn: false, withdrewOn: null });
    expect(between.disagreements).toEqual([disagreement]);
    expect(statusOf(events, '2022-07-30').disagreements).toEqual([]);
    // Reported earlier than the notice period gives: gone from the report's day, and disagreeing from then.
    const earlier = statusOf([...notified, withdrew(uuid(4), 'AT', '2022-07-01')], '2022-07-15');
    expect(earlier.ratification['AT']).toMatchObject({ withdrawn: true, withdrewOn: '2022-07-01' });
    expect(earlier.disagreements).toEqual([disagreement]);
    // A report that agrees with the notice (at the coarser precision) disagrees with nothing.
    expect(statusOf([...notified, withdrew(uuid(4), 'AT', '2022-07')]).disagreements).toEqual([]);
  });

  it('a withdrawal takes effect on the date the report gives, else after the notice period', () => {
    // Parties bound when they notify (a state that only signed is released on its notice: the test above).
    const events = [
      ...convention,
      consented(uuid(11), 'CZ', 'ratification', '2025-03-01'),
      consented(uuid(12), 'DK', 'ratification', '2025-03-02'),
      withdrawalNotified(uuid(7), 'CZ', '2025-09-01', '2025-12-01'),
      withdrawalNotified(uuid(8), 'DK', '2025-09-01'),
    ];
    const view = statusOf(events, '2026-01-01');
    expect(view.ratification['CZ']).toMatchObject({
      withdrawalEffectiveOn: '2025-12-01',
      withdrawalEffectiveOnComputed: false,
      withdrawn: true,
    });
    // 180 days after 2025-09-01: 29 of September, 31, 30, 31 (to Dec 31: 121), 31 of January, 28 of February = 2026-02-28.
    expect(view.ratification['DK']).toMatchObject({
      withdrawalEffectiveOn: '2026-02-28',
      withdrawalEffectiveOnComputed: true,
      withdrawn: false,
    });
    const noNotice = statusOf([
      registeredMultilateral({ withdrawalNoticeDays: undefined }),
      consented(uuid(11), 'CZ', 'ratification', '2025-03-01'),
      consented(uuid(12), 'DK', 'ratification', '2025-03-02'),
      consented(uuid(13), 'EE', 'ratification', '2025-03-03'),
      withdrawalNotified(uuid(7), 'CZ', '2025-09-01'),
    ]);
    expect(noNotice.ratification['CZ']).toMatchObject({
      withdrawalNotifiedOn: '2025-09-01',
      withdrawalEffectiveOn: null,
      withdrawn: false,
    });
  });

  it('a party that withdrew and consented again is a party again, in force from its new instrument', () => {
    // As the United States and the Paris Agreement: accepted, withdrew with effect a year on, accepted again.
    const events = [
      registeredMultilateral({ entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } }),
      consented(uuid(2), 'AT', 'ratification', '2016-10-05'),
      consented(uuid(3), 'BE', 'ratification', '2016-10-06'),
      withdrawalNotified(uuid(4), 'AT', '2019-11-04', '2020-11-04'),
      consented(uuid(5), 'AT', 'acceptance', '2021-01-20'),
    ];
    expect(statusOf(events, '2020-12-31').ratification['AT']).toMatchObject({
      withdrawn: true,
      withdrewOn: '2020-11-04',
    });
    // The treaty entered into force on the first instruments; AT's new one does not move that date.
    expect(statusOf(events).enteredIntoForceOn).toBe('2016-11-05');
    expect(statusOf(events).ratification['AT']).toMatchObject({
      withdrawn: false,
      withdrewOn: null,
      consent: { type: 'acceptance', on: '2021-01-20' },
      inForceOn: '2021-02-19',
      withdrawalNotifiedOn: '2019-11-04',
      withdrawalEffectiveOn: '2020-11-04',
    });
  });

  it("a party's own entry into force after its withdrawal took effect makes it a party again, its new act implied", () => {
    const events = [
      registeredMultilateral({ entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } }),
      consented(uuid(2), 'AT', 'ratification', '2016-10-05'),
      consented(uuid(3), 'BE', 'ratification', '2016-10-06'),
      withdrawalNotified(uuid(4), 'AT', '2019-11-04', '2020-11-04'),
      scoped('TreatyEnteredIntoForce', uuid(5), '2021-02-19', 'AT'),
    ];
    expect(statusOf(events, '2020-12-31').ratification['AT']).toMatchObject({
      withdrawn: true,
      inForceOn: '2016-11-05',
    });
    expect(statusOf(events).ratification['AT']).toMatchObject({
      withdrawn: false,
      withdrewOn: null,
      inForceOn: '2021-02-19',
      withdrawalEffectiveOn: '2020-11-04',
    });
    // One dated before the withdrawal took effect says nothing of a return.
    const early = [...events.slice(0, 4), scoped('TreatyEnteredIntoForce', uuid(5), '2020-06-01', 'AT')];
    expect(statusOf(early).ratification['AT']).toMatchObject({ withdrawn: true, withdrewOn: '2020-11-04' });
  });

  it('a consent and a withdrawal made twice are two acts each, in whatever order they were reported', () => {
    const convention = registeredMultilateral({ entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } });
    // The second acceptance and the second notification are reported first; the first ones come from the archives.
    const events = [
      convention,
      consented(uuid(3), 'BE', 'ratification', '2016-10-06'),
      consented(uuid(5), 'AT', 'acceptance', '2021-01'),
      withdrawalNotified(uuid(6), 'AT', '2025-01-27', '2026-01-27'),
      withdrawalNotified(uuid(4), 'AT', '2019-11-04', '2020-11-04', { disagreesWith: [uuid(6)] }),
      consented(uuid(2), 'AT', 'acceptance', '2016-10-05', { disagreesWith: [uuid(5)] }),
    ];
    const view = statusOf(events, '2025-12-31');
    expect(view.disagreements).toEqual([]);
    expect(view.ratification['AT']).toMatchObject({
      consent: { type: 'acceptance', on: '2021-01' },
      withdrawn: false,
      withdrawalNotifiedOn: '2025-01-27',
      withdrawalEffectiveOn: '2026-01-27',
    });
    expect(statusOf(events, '2026-01-27').ratification['AT']).toMatchObject({ withdrawn: true });
    expect(statusOf(events, '2020-12-31').ratification['AT']).toMatchObject({
      consent: { on: '2016-10-05' },
      withdrawn: true,
      withdrewOn: '2020-11-04',
    });
  });

  it('provisional application and suspension, per party', () => {
    const view = statusOf([
      registeredMultilateral(),
      scoped('ProvisionalApplicationStarted', uuid(2), '2025-01-01', 'BE'),
      scoped('ProvisionalApplicationEnded', uuid(3), '2025-06-01', 'BE'),
      // In force for CZ before it suspends it: only a treaty in force or applied provisionally is (decision 0085).
      scoped('TreatyEnteredIntoForce', uuid(5), '2025-06-15', 'CZ'),
      scoped('TreatySuspended', uuid(4), '2025-07-01', 'CZ'),
    ]);
    expect(view.ratification['BE']?.provisionalApplication).toEqual({
      startedOn: '2025-01-01',
      endedOn: '2025-06-01',
      endedOnComputed: false,
    });
    expect(view.ratification['CZ']).toMatchObject({ suspended: true, suspendedOn: '2025-07-01' });
    expect(view.status).not.toBe('suspended');
    expect(view.suspendedOn).toBeNull();
  });
});

describe('a convention its parties never signed', () => {
  it('counts the ratifications and acceptances of states not on record, and binds each from its own date', () => {
    // UNESCO's conventions are ratified or accepted by its members, with no signature (decision 0067).
    const view = statusOf([
      registeredMultilateral({ parties: ['AT', 'BE'] }),
      consented(uuid(2), 'FR', 'acceptance', '1975-06-27'),
      consented(uuid(3), 'EG', 'ratification', '1974-02-07'),
      consented(uuid(4), 'US', 'ratification', '1973-12-07'),
      consented(uuid(5), 'IT', 'ratification', '1978-06-23'),
    ]);
    expect(view.parties).toEqual(['AT', 'BE', 'FR', 'EG', 'US', 'IT']);
    // The third instrument (FR's, 1975-06-27) + 30 days.
    expect(view).toMatchObject({ status: 'in-force', enteredIntoForceOn: '1975-07-27' });
    expect(view.ratification['US']).toMatchObject({ status: 'completed', inForceOn: '1975-07-27' });
    expect(view.ratification['IT']).toMatchObject({ status: 'completed', inForceOn: '1978-07-23' });
  });
});

describe('provisional application until entry into force', () => {
  it('ends when the treaty enters into force for the party, if no end is on record', () => {
    const events = [
      registeredMultilateral(),
      scoped('ProvisionalApplicationStarted', uuid(2), '2025-01-01', 'BE'),
      scoped('TreatyEnteredIntoForce', uuid(3), '2025-09-01', 'BE'),
    ];
    expect(statusOf(events).ratification['BE']?.provisionalApplication).toEqual({
      startedOn: '2025-01-01',
      endedOn: '2025-09-01',
      endedOnComputed: true,
    });
    // Before that day the party was not yet in force: provisional application was still running.
    expect(statusOf(events, '2025-08-31').ratification['BE']?.provisionalApplication).toEqual({
      startedOn: '2025-01-01',
      endedOn: null,
      endedOnComputed: false,
    });
  });

  it('ends when the state that applied it without consenting withdraws, if no end is on record', () => {
    // As Russia and the Energy Charter Treaty: applied provisionally from signature, never ratified, notified in
    // August 2009 that it would not become a party, effective 60 days later (VCLT art. 25(2)). A state shown as
    // withdrawn is not still applying the treaty.
    const events = [
      registeredMultilateral(),
      scoped('ProvisionalApplicationStarted', uuid(2), '2024-12-17', 'BE'),
      withdrawalNotified(uuid(3), 'BE', '2025-08-20', '2025-10-19'),
    ];
    expect(statusOf(events).ratification['BE']).toMatchObject({
      withdrawn: true,
      withdrewOn: '2025-10-19',
      provisionalApplication: { startedOn: '2024-12-17', endedOn: '2025-10-19', endedOnComputed: true },
    });
    expect(statusOf(events, '2025-10-18').ratification['BE']?.provisionalApplication).toEqual({
      startedOn: '2024-12-17',
      endedOn: null,
      endedOnComputed: false,
    });
    // Applied again after the withdrawal: the new period is not ended by the old withdrawal.
    const again = [...events, scoped('ProvisionalApplicationStarted', uuid(4), '2025-11-01', 'BE')];
    expect(statusOf(again).ratification['BE']?.provisionalApplication).toMatchObject({ endedOn: null });
  });
});

describe('repeats, refinements and diplomacy in the status', () => {
  it('a treaty suspended, resumed and suspended again is suspended since the second time, with no disagreement', () => {
    const view = statusOf([
      registered(),
      happened('TreatyEnteredIntoForce', uuid(5), '2025-01-10'),
      scoped('TreatySuspended', uuid(2), '2025-02-01'),
      scoped('TreatyResumed', uuid(3), '2025-03-01'),
      scoped('TreatySuspended', uuid(4), '2025-06-01'),
    ]);
    expect(view).toMatchObject({
      status: 'suspended',
      suspendedOn: '2025-06-01',
      resumedOn: '2025-03-01',
      disagreements: [],
    });
  });

  it('a finer corroborating date narrows the date shown', () => {
    const kcna = source({ publisher: 'KCNA', publishedOn: '2024-06-20' });
    expect(statusOf([registered(), signed(uuid(2), '2024'), corroborated(uuid(2), '2024-06', kcna)])).toMatchObject({
      signedOn: '2024-06',
      signedOnPrecision: 'month',
    });
  });

  it('statements change nothing about where a treaty stands', () => {
    const events = [
      registered(),
      signedBy(uuid(2), 'RU', '2025-01-17'),
      happened('TreatyEnteredIntoForce', uuid(3), '2025-10-02'),
    ];
    const { revision: _a, position: _b, ...before } = statusOf(events);
    const {
      revision: _c,
      position: _d,
      ...after
    } = statusOf([...events, statement(uuid(4), 'Lavrov', 'A new stage', '2025-10-03')]);
    expect(after).toEqual(before);
  });
});

describe('a state that joins by notification of succession', () => {
  // In force 30 days after the second instrument: 2025-02-27 + 30 = 2025-03-29.
  const inForce = [
    registeredMultilateral({ entryIntoForce: clause }),
    consented(uuid(2), 'AT', 'ratification', '2025-01-05'),
    consented(uuid(3), 'BE', 'ratification', '2025-02-27'),
  ];
  const succession = (successionOn?: string): TreatyEvent => ({
    type: 'ConsentToBeBoundExpressed',
    data: {
      treatyId: 'ru-ir-partnership',
      developmentId: uuid(4),
      occurredOn: '2025-09-01',
      source: source(),
      party: 'SK',
      consentType: 'succession',
      ...(successionOn ? { successionOn } : {}),
    },
  });

  it('is a party from the date of the succession of States, not its notification plus the days', () => {
    const view = statusOf([...inForce, succession('2025-06-01')]);
    expect(view.ratification['SK']).toMatchObject({
      consent: { type: 'succession', on: '2025-09-01', successionOn: '2025-06-01' },
      inForceOn: '2025-06-01',
      inForceOnComputed: true,
    });
    // Not yet notified: not yet a party on record.
    expect(statusOf([...inForce, succession('2025-06-01')], '2025-08-31').ratification['SK']).toBeUndefined();
  });

  it('a date of succession known only to the month has come once the month has', () => {
    const events = [...inForce, succession('2025-09')];
    expect(statusOf(events, '2025-09-15').ratification['SK']).toMatchObject({ inForceOn: null });
    expect(statusOf(events, '2025-09-30').ratification['SK']).toMatchObject({
      inForceOn: '2025-09',
      inForceOnComputed: true,
    });
  });

  it("or from the treaty's entry into force, when that is later", () => {
    expect(statusOf([...inForce, succession('2024-12-31')]).ratification['SK']).toMatchObject({
      inForceOn: '2025-03-29',
      inForceOnComputed: true,
    });
    // Before the treaty is in force its notification counts among the instruments (1978 Convention art. 18(3)): the
    // treaty enters into force by the clause on 2025-09-01 + 30 days, and the successor with it.
    const twoInstruments = statusOf([inForce[0]!, inForce[1]!, succession('2024-12-31')]);
    expect(twoInstruments.enteredIntoForceOn).toBe('2025-10-01');
    expect(twoInstruments.ratification['SK']).toMatchObject({ inForceOn: '2025-10-01' });
    expect(statusOf([inForce[0]!, succession('2024-12-31')]).ratification['SK']).toMatchObject({ inForceOn: null });
  });

  it('without the date of succession, notified after the entry into force, on a day the record lacks (decision 0061)', () => {
    // Not its notification plus the clause's days: a successor is a party from the succession, before its notification.
    expect(statusOf([...inForce, succession()]).ratification['SK']).toMatchObject({
      consent: { type: 'succession', on: '2025-09-01', successionOn: null },
      inForceOn: null,
      inForceOnExpected: null,
      inForceOnComputed: false,
    });
  });

  it('a corrected date of succession moves the date; cleared, no date is computed again', () => {
    const events = [...inForce, succession('2025-06-01')];
    expect(statusOf([...events, corrected(uuid(4), { successionOn: '2025-07-01' })]).ratification['SK']).toMatchObject({
      inForceOn: '2025-07-01',
      consent: { successionOn: '2025-07-01' },
    });
    expect(statusOf([...events, corrected(uuid(4), { successionOn: null })]).ratification['SK']).toMatchObject({
      inForceOn: null,
      consent: { successionOn: null },
    });
  });

  it('without a clause, from the succession once the treaty is reported in force', () => {
    const reported = [
      registeredMultilateral({ entryIntoForce: undefined }),
      consented(uuid(2), 'AT', 'ratification', '2025-01-05'),
      happened('TreatyEnteredIntoForce', uuid(3), '2025-03-01'),
    ];
    expect(statusOf([...reported, succession('2025-06-01')]).ratification['SK']).toMatchObject({
      inForceOn: '2025-06-01',
      inForceOnComputed: true,
    });
    expect(statusOf([...reported, succession('2025-01')]).ratification['SK']).toMatchObject({
      inForceOn: '2025-03-01',
      inForceOnComputed: false,
    });
    expect(statusOf([...reported, succession()]).ratification['SK']).toMatchObject({ inForceOn: null });
  });
});

describe('a party that withdrew and consented again', () => {
  it('gave its notice while bound, so it took effect after the notice period, now as on the day', () => {
    // As the United States and the Paris Agreement: a party, it notified its withdrawal, which took effect a notice
    // period later, and then consented again. Its later consent does not make it a mere signatory at its notice.
    const events = [
      registeredMultilateral(),
      consented(uuid(2), 'AT', 'ratification', '2016-09-01'),
      consented(uuid(3), 'BE', 'acceptance', '2016-09-03'),
      consented(uuid(4), 'CZ', 'ratification', '2016-09-05'),
      withdrawalNotified(uuid(5), 'BE', '2019-11-04'),
      consented(uuid(6), 'BE', 'acceptance', '2021-01-20'),
    ];
    const leaving = { withdrawalNotifiedOn: '2019-11-04', withdrawalEffectiveOn: '2020-05-02' };
    expect(statusOf(events, '2020-12-31').ratification['BE']).toMatchObject({ ...leaving, withdrawn: true });
    expect(statusOf(events).ratification['BE']).toMatchObject({ ...leaving, withdrawn: false });
  });
});

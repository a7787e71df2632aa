import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  consented,
  corrected,
  happened,
  ratified,
  recorded,
  registered,
  registeredMultilateral,
  retracted,
  TODAY,
  uuid,
  withdrawalNotified,
  withdrew,
  statusOf,
} from '../testing';
import { foldTreatyHistory } from './treaty-history';
import { statusOn, treatyStatusSummaryOf } from './treaty-status-summary';

/** A bilateral treaty in force since 2025-03-01, with a year's notice of withdrawal. */
const inForce: TreatyEvent[] = [
  registered({ kind: 'bilateral', withdrawalNoticeDays: 365 }),
  consented(uuid(2), 'RU', 'ratification', '2025-01-20'),
  consented(uuid(3), 'IR', 'ratification', '2025-02-10'),
  happened('TreatyEnteredIntoForce', uuid(4), '2025-03-01'),
];

describe('a bilateral treaty ends when one party’s withdrawal takes effect', () => {
  it('from the day a notified withdrawal takes effect, computed from the notice period', () => {
    const events = [...inForce, withdrawalNotified(uuid(5), 'IR', '2026-01-10')];
    expect(statusOf(events)).toMatchObject({
      status: 'terminated',
      terminatedOn: '2027-01-10',
      terminatedOnPrecision: 'day',
      terminatedOnComputed: true,
      disagreements: [],
    });
    expect(statusOf(events, '2027-01-10')).toMatchObject({ status: 'terminated', terminatedOn: '2027-01-10' });
    // Notified but not yet effective: still in force.
    expect(statusOf(events, '2027-01-09')).toMatchObject({
      status: 'in-force',
      terminatedOn: null,
      terminatedOnPrecision: null,
      terminatedOnComputed: false,
    });
    expect(statusOf(events, '2027-01-09').ratification['IR']).toMatchObject({ withdrawn: false });
  });

  it('from the date the report gives for its effect, or the date a withdrawal is reported to have taken effect', () => {
    expect(
      statusOf([...inForce, withdrawalNotified(uuid(5), 'RU', '2026-01-10', '2026-07-01')], '2026-07-01'),
    ).toMatchObject({ status: 'terminated', terminatedOn: '2026-07-01', terminatedOnComputed: true });
    expect(statusOf([...inForce, withdrew(uuid(5), 'IR', '2026-05')])).toMatchObject({
      status: 'terminated',
      terminatedOn: '2026-05',
      terminatedOnPrecision: 'month',
      terminatedOnComputed: true,
    });
    // Known only to the month: it has come by the end of that month, not before.
    expect(statusOf([...inForce, withdrew(uuid(5), 'IR', '2026-05')], '2026-05-15').status).toBe('in-force');
  });

  it('not while the notice has no known effect', () => {
    const events = [
      registered({ kind: 'bilateral' }),
      ...inForce.slice(1),
      withdrawalNotified(uuid(5), 'IR', '2026-01-10'),
    ];
    expect(statusOf(events)).toMatchObject({ status: 'in-force', terminatedOn: null });
  });

  it('not when the party consented again before the notice took effect (the notice was revoked)', () => {
    const events = [
      ...inForce,
      withdrawalNotified(uuid(5), 'IR', '2026-01-10', '2026-07-01'),
      consented(uuid(6), 'IR', 'acceptance', '2026-03-01'),
    ];
    expect(statusOf(events)).toMatchObject({ status: 'in-force', terminatedOn: null });
    expect(statusOf(events).ratification['IR']).toMatchObject({ withdrawn: false });
  });

  it('but does when the consent is not known to come before the effect, as the decider reads a revocation', () => {
    // An effect reported as of July 2026: a consent on 2026-07-10 may come after it (decisions 0062, 0105).
    const events = [
      ...inForce,
      withdrawalNotified(uuid(5), 'IR', '2026-01-10', '2026-07'),
      consented(uuid(6), 'IR', 'acceptance', '2026-07-10'),
    ];
    expect(statusOf(events)).toMatchObject({ status: 'terminated', terminatedOn: '2026-07' });
  });

  it('and is not revived by a consent of the withdrawn party after the end', () => {
    const events = [
      registered({
        kind: 'bilateral',
        withdrawalNoticeDays: 365,
        entryIntoForce: { instrumentsRequired: 2, daysAfter: 10 },
      }),
      ...inForce.slice(1, 3),
      withdrawalNotified(uuid(5), 'IR', '2026-01-10'),
      consented(uuid(6), 'IR', 'acceptance', '2028-03-01'),
    ];
    const view = statusOf(events);
    expect(view).toMatchObject({ status: 'terminated', terminatedOn: '2027-01-10', terminatedOnComputed: true });
    expect(view.ratification['IR']).toMatchObject({
      withdrawn: true,
      withdrewOn: '2027-01-10',
      consent: { type: 'acceptance', on: '2028-03-01' },
      inForceOn: null,
    });
    expect(view.ratification['RU']).toMatchObject({ withdrawn: false, inForceOn: '2025-02-20' });
    expect(statusOf(events, '2026-12-31').status).toBe('in-force');
  });

  it('the first withdrawal to take effect ends it', () => {
    const events = [
      ...inForce,
      withdrawalNotified(uuid(5), 'IR', '2026-01-10'),
      withdrawalNotified(uuid(6), 'RU', '2026-02-01', '2026-08-01'),
    ];
    expect(statusOf(events)).toMatchObject({ terminatedOn: '2026-08-01' });
    expect(statusOf(events).ratification['RU']).toMatchObject({ withdrawn: true, withdrewOn: '2026-08-01' });
  });

  it('a corrected date of effect moves the end; cleared, the notice period computes it again', () => {
    const notified = [...inForce, withdrawalNotified(uuid(5), 'IR', '2026-01-10', '2026-07-01')];
    const moved = statusOf([...notified, corrected(uuid(5), { effectiveOn: '2026-10-01' })]);
    expect(moved).toMatchObject({ terminatedOn: '2026-10-01' });
    expect(moved.ratification['IR']).toMatchObject({
      withdrawalEffectiveOn: '2026-10-01',
      withdrawalEffectiveOnComputed: false,
    });
    const cleared = statusOf([...notified, corrected(uuid(5), { effectiveOn: null })]);
    expect(cleared).toMatchObject({ terminatedOn: '2027-01-10', terminatedOnComputed: true });
    expect(cleared.ratification['IR']).toMatchObject({
      withdrawalEffectiveOn: '2027-01-10',
      withdrawalEffectiveOnComputed: true,
    });
  });

  it('a retracted withdrawal ends nothing', () => {
    expect(statusOf([...inForce, withdrew(uuid(5), 'IR', '2026-05-01'), retracted(uuid(5))])).toMatchObject({
      status: 'in-force',
      terminatedOn: null,
    });
  });

  it('a reported termination is the date shown; one that disagrees with the withdrawal’s effect is listed', () => {
    const agreeing = statusOf([
      ...inForce,
      withdrew(uuid(5), 'IR', '2026-05-01'),
      happened('TreatyTerminated', uuid(6), '2026-05-01'),
    ]);
    expect(agreeing).toMatchObject({ terminatedOn: '2026-05-01', terminatedOnComputed: false, disagreements: [] });
    const disagreeing = statusOf([
      ...inForce,
      withdrew(uuid(5), 'IR', '2026-05-01'),
      happened('TreatyTerminated', uuid(6), '2026-06-01'),
    ]);
    expect(disagreeing).toMatchObject({ terminatedOn: '2026-06-01', terminatedOnComputed: false });
    expect(disagreeing.disagreements).toEqual([
      { type: 'terminated', party: null, body: null, developmentIds: [uuid(6)], computedOn: '2026-05-01' },
    ]);
  });

  it('the listings’ summary says so too', () => {
    const history = foldTreatyHistory(recorded([...inForce, withdrew(uuid(5), 'IR', '2026-05-01')]), null);
    expect(history && statusOn(treatyStatusSummaryOf(history), TODAY)).toBe('terminated');
  });

  it('a termination reported after the computed end overrules it on the days between, and disagrees there', () => {
    // The notice gives 2027-01-10; a source reports the treaty terminated on 2027-02-01. The report wins in the present,
    // so on 2027-01-20 the treaty was still in force by it, and the two dates disagree on that day as in the present.
    const events = [
      ...inForce,
      withdrawalNotified(uuid(5), 'IR', '2026-01-10'),
      happened('TreatyTerminated', uuid(6), '2027-02-01'),
    ];
    const disagreement = { type: 'terminated', developmentIds: [uuid(6)], computedOn: '2027-01-10' };
    expect(statusOf(events)).toMatchObject({ status: 'terminated', terminatedOn: '2027-02-01' });
    expect(statusOf(events).disagreements).toEqual([expect.objectContaining(disagreement)]);
    const between = statusOf(events, '2027-01-20');
    expect(between).toMatchObject({ status: 'in-force', terminatedOn: null, terminatedOnComputed: false });
    expect(between.disagreements).toEqual([expect.objectContaining(disagreement)]);
  });
});

describe('a notice given between a ratification completed at home and the exchange, under a clause', () => {
  // Decision 0101: under a clause, only an instrument binds. Russia's parliament completed the ratification on
  // 21 April 2025; Russia notified on 1 July that it would leave, before any instrument was exchanged: it was bound to
  // nothing a notice period protects, so its notice took effect when given. The instruments were then exchanged on
  // 2 September (Russia's consent given after its notice: it became bound by it), and the treaty entered into force.
  const events: TreatyEvent[] = [
    registered({
      kind: 'bilateral',
      entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
      withdrawalNoticeDays: 180,
    }),
    ratified(uuid(2), 'RU', '2025-04-21'),
    ratified(uuid(3), 'IR', '2025-06-10'),
    withdrawalNotified(uuid(4), 'RU', '2025-07-01'),
    happened('InstrumentsExchanged', uuid(5), '2025-09-02'),
  ];

  it('does not end the treaty 180 days after the notice: the notice took effect before it entered into force', () => {
    const view = statusOf(events);
    expect(view).toMatchObject({
      status: 'in-force',
      enteredIntoForceOn: '2025-10-02',
      terminatedOn: null,
      terminatedOnComputed: false,
    });
    // What the party's entry says of the same notice, and the end of the treaty agree.
    expect(view.ratification['RU']).toMatchObject({
      withdrawalEffectiveOn: '2025-07-01',
      withdrawn: false,
      withdrewOn: null,
      inForceOn: '2025-10-02',
    });
    expect(statusOf(events, '2026-01-15')).toMatchObject({ status: 'in-force', terminatedOn: null });
    const history = foldTreatyHistory(recorded(events), null);
    expect(history && statusOn(treatyStatusSummaryOf(history), '2026-01-15')).toBe('in-force');
  });
});

describe('a treaty that is not registered as bilateral does not end because parties withdraw', () => {
  it('a multilateral treaty stays in force below the number its entry into force needed (VCLT art. 55)', () => {
    const events = [
      registeredMultilateral({ entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } }),
      consented(uuid(2), 'AT', 'ratification', '2025-01-05'),
      consented(uuid(3), 'BE', 'ratification', '2025-01-06'),
      withdrew(uuid(4), 'AT', '2026-01-01'),
      withdrawalNotified(uuid(5), 'BE', '2026-01-01', '2026-02-01'),
    ];
    expect(statusOf(events)).toMatchObject({ status: 'in-force', terminatedOn: null, terminatedOnComputed: false });
    expect(statusOf(events).ratification['BE']).toMatchObject({ withdrawn: true });
  });

  it('nor one registered without a kind, though it names two parties', () => {
    const events = [
      registered({ withdrawalNoticeDays: 365 }),
      ...inForce.slice(1),
      withdrew(uuid(5), 'IR', '2026-05-01'),
    ];
    expect(statusOf(events)).toMatchObject({ status: 'in-force', terminatedOn: null });
  });
});

describe('a notice whose possible effects fall in two years, and a report of its effect (decisions 0115, 0116)', () => {
  // 180 days from some day of July 2022: between 2022-12-28 and 2023-01-27.
  const spanning: TreatyEvent[] = [
    registered({ kind: 'bilateral', withdrawalNoticeDays: 180 }),
    consented(uuid(2), 'RU', 'ratification', '2020-01-20'),
    consented(uuid(3), 'IR', 'ratification', '2020-02-10'),
    happened('TreatyEnteredIntoForce', uuid(4), '2020-03-01'),
    withdrawalNotified(uuid(5), 'IR', '2022-07'),
  ];

  it('lists a report outside those days as a disagreement, though the notice ends nothing yet', () => {
    const view = statusOf([...spanning, withdrew(uuid(6), 'IR', '2023-06-01')]);
    expect(view.disagreements).toEqual([
      expect.objectContaining({ type: 'withdrawn', party: 'IR', developmentIds: [uuid(5), uuid(6)] }),
    ]);
  });

  it('lists none for a report inside them', () => {
    expect(statusOf([...spanning, withdrew(uuid(6), 'IR', '2023-01-10')]).disagreements).toEqual([]);
  });
});

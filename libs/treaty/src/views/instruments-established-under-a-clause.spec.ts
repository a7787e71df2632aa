import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  consented,
  happened,
  ratified,
  recorded,
  registered,
  registeredMultilateral,
  signed,
  uuid,
  withdrawalNotified,
} from '../testing';
import { foldTreatyHistory } from './treaty-history';
import { statusOn, treatyStatusSummaryOf } from './treaty-status-summary';
import { treatyStatusView, type TreatyStatusView } from './treaty-status.view';

/**
 * A clause counts instruments of consent, and consent is established by their exchange, deposit or notification
 * (VCLT art. 16), not by the day a ratification was completed at home (decision 0101). A `ratification-completed`
 * with no exchange on record says the state is ready to bind itself, not that it is bound: it is not counted.
 */

/** Not the shared `statusOf` of `../testing`, which takes only `asOf`: these tests also set the view's `knownAt`. */
function statusOf(events: readonly TreatyEvent[], options: { asOf?: string; knownAt?: string } = {}): TreatyStatusView {
  const view = treatyStatusView(recorded(events), options);
  if (view === null) throw new Error('expected a registered treaty');
  return view;
}

const clause = { instrumentsRequired: 2, daysAfter: 30 };
const ratifiedAtHome: TreatyEvent[] = [
  registered({ kind: 'bilateral', entryIntoForce: clause }),
  signed(uuid(2), '2025-01-17'),
  ratified(uuid(3), 'RU', '2025-04-21'),
  ratified(uuid(4), 'IR', '2025-06-10'),
];
const exchanged = [...ratifiedAtHome, happened('InstrumentsExchanged', uuid(5), '2025-09-02')];

describe('a ratification completed at home, under an entry-into-force clause', () => {
  it('is no instrument the clause counts: both states ratified, neither is bound', () => {
    const view = statusOf(ratifiedAtHome);
    expect(view).toMatchObject({
      status: 'ratified',
      enteredIntoForceOn: null,
      enteredIntoForceOnComputed: false,
      enteredIntoForceOnByClause: null,
    });
    for (const party of ['RU', 'IR']) expect(view.ratification[party]).toMatchObject({ inForceOn: null });
    expect(view.ratification['RU']).toMatchObject({ status: 'completed', completedOn: '2025-04-21' });
  });

  it('counts once the instruments are exchanged, from the exchange, at every asOf', () => {
    expect(statusOf(exchanged)).toMatchObject({
      status: 'in-force',
      enteredIntoForceOn: '2025-10-02',
      enteredIntoForceOnComputed: true,
    });
    expect(statusOf(exchanged).ratification['IR']).toMatchObject({ inForceOn: '2025-10-02' });
    // The day before the exchange, nothing had been exchanged: nothing counted, nothing was invented for July.
    const before = statusOf(exchanged, { asOf: '2025-09-01' });
    expect(before).toMatchObject({ status: 'ratified', enteredIntoForceOn: null, enteredIntoForceOnByClause: null });
    for (const party of ['RU', 'IR']) expect(before.ratification[party]).toMatchObject({ inForceOn: null });
    expect(statusOf(exchanged, { asOf: '2025-10-01' })).toMatchObject({ status: 'ratified', enteredIntoForceOn: null });
    expect(statusOf(exchanged, { asOf: '2025-10-02' })).toMatchObject({
      status: 'in-force',
      enteredIntoForceOn: '2025-10-02',
    });
  });

  it('is read the same as the record stood before the exchange was recorded (knownAt)', () => {
    // `recorded` writes one event a day from 2025-06-01: the exchange is the fifth, recorded on 2025-06-05.
    expect(statusOf(exchanged, { knownAt: '2025-06-04T23:00:00Z' })).toMatchObject({
      status: 'ratified',
      enteredIntoForceOn: null,
      enteredIntoForceOnByClause: null,
    });
  });

  it('on a multilateral treaty, counts the deposits, not a state’s completion at home', () => {
    const events = [
      registeredMultilateral({ parties: ['AT', 'BE', 'CZ'], entryIntoForce: clause }),
      ratified(uuid(2), 'AT', '2020-01-10'),
      consented(uuid(3), 'BE', 'ratification', '2020-02-10'),
    ];
    expect(statusOf(events)).toMatchObject({ enteredIntoForceOn: null, enteredIntoForceOnByClause: null });
    const deposited = statusOf([...events, consented(uuid(4), 'CZ', 'ratification', '2020-04-01')]);
    expect(deposited).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2020-05-01' });
    expect(deposited.ratification['CZ']).toMatchObject({ inForceOn: '2020-05-01' });
    // Austria's completion at home bound it to nothing the depositary received.
    expect(deposited.ratification['AT']).toMatchObject({ status: 'completed', inForceOn: null });
  });

  it('binds the state to nothing a notice period protects: its notice takes effect when given', () => {
    // As for an instrument withdrawn before the clause counted it (decision 0038): no instrument, no party.
    const view = statusOf([
      registeredMultilateral({ parties: ['AT', 'BE', 'CZ'], entryIntoForce: clause, withdrawalNoticeDays: 180 }),
      ratified(uuid(2), 'AT', '2020-01-10'),
      withdrawalNotified(uuid(3), 'AT', '2020-02-01'),
      consented(uuid(4), 'BE', 'ratification', '2020-03-01'),
    ]);
    expect(view.ratification['AT']).toMatchObject({
      withdrawn: true,
      withdrewOn: '2020-02-01',
      withdrawalEffectiveOn: '2020-02-01',
      withdrawalEffectiveOnComputed: true,
      inForceOn: null,
    });
  });

  it('is among the instruments a reported entry into force came by, though their exchange is not on record', () => {
    const view = statusOf([...ratifiedAtHome, happened('TreatyEnteredIntoForce', uuid(6), '2025-07-01')]);
    expect(view).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2025-07-01' });
    for (const party of ['RU', 'IR']) expect(view.ratification[party]).toMatchObject({ inForceOn: '2025-07-01' });
  });

  it('a party a reported entry into force bound runs the notice period when it leaves, bilateral or multilateral', () => {
    // In force by the report, its notice is one of a party: 180 days, and a bilateral treaty ends on it.
    const bilateral = statusOf([
      registered({ kind: 'bilateral', entryIntoForce: clause, withdrawalNoticeDays: 180 }),
      signed(uuid(2), '2025-01-17'),
      ratified(uuid(3), 'RU', '2025-04-21'),
      ratified(uuid(4), 'IR', '2025-06-10'),
      happened('TreatyEnteredIntoForce', uuid(6), '2025-07-01'),
      withdrawalNotified(uuid(7), 'RU', '2026-01-05'),
    ]);
    expect(bilateral.ratification['RU']).toMatchObject({
      inForceOn: '2025-07-01',
      withdrawalEffectiveOn: '2026-07-04',
    });
    expect(bilateral.terminatedOn).toBe('2026-07-04');
    const multilateral = statusOf([
      registeredMultilateral({ parties: ['AT', 'BE', 'CZ'], entryIntoForce: clause, withdrawalNoticeDays: 180 }),
      ratified(uuid(2), 'AT', '2020-01-10'),
      consented(uuid(3), 'BE', 'ratification', '2020-01-20'),
      consented(uuid(4), 'CZ', 'ratification', '2020-01-30'),
      happened('TreatyEnteredIntoForce', uuid(5), '2020-03-01'),
      withdrawalNotified(uuid(6), 'AT', '2021-01-01'),
    ]);
    expect(multilateral.ratification['AT']).toMatchObject({
      inForceOn: '2020-03-01',
      withdrawalEffectiveOn: '2021-06-30',
      withdrawn: true,
    });
  });

  it('the listings’ summary says so too', () => {
    const history = foldTreatyHistory(recorded(ratifiedAtHome), null);
    expect(history && statusOn(treatyStatusSummaryOf(history), '2026-12-01')).toBe('ratified');
  });
});

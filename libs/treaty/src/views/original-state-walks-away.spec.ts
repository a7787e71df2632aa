import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  consented,
  ratified,
  recorded,
  registered,
  registeredMultilateral,
  signed,
  TODAY,
  uuid,
  withdrawalNotified,
  statusOf,
} from '../testing';
import { foldTreatyHistory } from './treaty-history';
import { statusOn, treatyStatusSummaryOf } from './treaty-status-summary';

/**
 * Without a clause, a treaty enters into force once every negotiating state has consented (VCLT art. 24(2)). One
 * of its original states that walks away before then (a signatory saying it will not become a party, art. 18, or a
 * state withdrawing its instrument) leaves a treaty that will not enter into force, whatever its kind; with a clause,
 * the others' instruments may still reach its count (decision 0102).
 */

const noClause = { entryIntoForce: undefined, parties: ['AT', 'BE'] };
const walkedAway = (registration: TreatyEvent): TreatyEvent[] => [
  registration,
  signed(uuid(2), '2020-01-02'),
  withdrawalNotified(uuid(3), 'AT', '2020-02-01'),
  consented(uuid(4), 'BE', 'ratification', '2020-03-01'),
];

describe('a treaty without a clause one of whose original states walks away before it entered into force', () => {
  it('will not enter into force: it is not ratified, for one negotiating state will not consent', () => {
    const view = statusOf(walkedAway(registeredMultilateral(noClause)));
    expect(view).toMatchObject({ status: 'will-not-enter-into-force', enteredIntoForceOn: null, terminatedOn: null });
    expect(view.ratification['AT']).toMatchObject({ status: 'pending', withdrawn: true, withdrewOn: '2020-02-01' });
    expect(view.ratification['BE']).toMatchObject({ status: 'completed', withdrawn: false });
    expect(statusOf(walkedAway(registeredMultilateral(noClause)), '2020-01-31').status).toBe('signed');
  });

  it('whether or not its kind is on record', () => {
    const unknownKind = registered({ parties: ['AT', 'BE'] });
    expect(statusOf(walkedAway(unknownKind)).status).toBe('will-not-enter-into-force');
  });

  it('also when the state withdraws its own ratification', () => {
    const view = statusOf([
      registeredMultilateral(noClause),
      consented(uuid(2), 'AT', 'ratification', '2020-01-10'),
      withdrawalNotified(uuid(3), 'AT', '2020-02-01'),
      consented(uuid(4), 'BE', 'ratification', '2020-03-01'),
    ]);
    expect(view.status).toBe('will-not-enter-into-force');
    expect(view.ratification['AT']).toMatchObject({ withdrawn: true, withdrawalEffectiveOn: '2020-02-01' });
  });

  it('until the state consents after all', () => {
    const view = statusOf([
      ...walkedAway(registeredMultilateral(noClause)),
      consented(uuid(5), 'AT', 'ratification', '2020-05-04'),
    ]);
    expect(view).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2020-05-04' });
    expect(view.ratification['AT']).toMatchObject({ withdrawn: false });
  });

  it('but not when a state that joined later walks away: the original states’ consents complete it', () => {
    const events = [
      registeredMultilateral(noClause),
      consented(uuid(2), 'CZ', 'accession', '2020-01-05'),
      withdrawalNotified(uuid(3), 'CZ', '2020-01-20'),
      ratified(uuid(4), 'AT', '2020-02-01'),
      ratified(uuid(5), 'BE', '2020-03-01'),
    ];
    expect(statusOf(events).status).toBe('ratified');
  });

  it('the listings’ summary says so too', () => {
    const history = foldTreatyHistory(recorded(walkedAway(registeredMultilateral(noClause))), null);
    expect(history && statusOn(treatyStatusSummaryOf(history), TODAY)).toBe('will-not-enter-into-force');
  });
});

describe('a treaty with a clause one of whose original states walks away before it entered into force', () => {
  const clause = { parties: ['AT', 'BE'], entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 } };

  it('follows the clause: not ratified while its count is not reached, and in force once it is', () => {
    const events = walkedAway(registeredMultilateral(clause));
    expect(statusOf(events)).toMatchObject({ status: 'ratification-in-progress', enteredIntoForceOn: null });
    const acceded = statusOf([...events, consented(uuid(5), 'CZ', 'accession', '2020-04-01')]);
    expect(acceded).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2020-05-01' });
  });

  it('also when the state withdraws its own ratification before the count is reached', () => {
    const view = statusOf([
      registeredMultilateral(clause),
      consented(uuid(2), 'AT', 'ratification', '2020-01-10'),
      withdrawalNotified(uuid(3), 'AT', '2020-02-01'),
      consented(uuid(4), 'BE', 'ratification', '2020-03-01'),
    ]);
    expect(view).toMatchObject({ status: 'ratification-in-progress', enteredIntoForceOn: null });
  });
});

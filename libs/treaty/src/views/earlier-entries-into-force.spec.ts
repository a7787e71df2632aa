import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  consented,
  happened,
  parisAgreementRejoined,
  registeredMultilateral,
  scoped,
  statusOf,
  uuid,
  withdrawalNotified,
  withdrawalRevoked,
  withdrew,
} from '../testing';

/**
 * A state that left a treaty and consented again entered into force more than once (decision 0106): its entry shows
 * the latest, and `earlierEntriesIntoForce` the ones before, which a later deposit does not take back.
 */

// The Paris Agreement: the United States in force 2016-11-04, gone 2020-11-04, in force again 2021-02-19.
const paris = parisAgreementRejoined;

describe("a party's earlier entries into force", () => {
  it('keeps the first entry into force of a state that left and rejoined', () => {
    const us = statusOf(paris, { today: '2026-01-01' }).ratification['US']!;
    expect(us).toMatchObject({ inForceOn: '2021-02-19', inForceOnComputed: true, withdrawn: false });
    expect(us.earlierEntriesIntoForce).toEqual([{ inForceOn: '2016-11-04', inForceOnComputed: true }]);
    // The same fact at every day after the rejoining; none before it, where the first is the party's inForceOn.
    expect(statusOf(paris, { asOf: '2021-03-01' }).ratification['US']!.earlierEntriesIntoForce).toEqual([
      { inForceOn: '2016-11-04', inForceOnComputed: true },
    ]);
    const before = statusOf(paris, { asOf: '2018-01-01' }).ratification['US']!;
    expect(before).toMatchObject({ inForceOn: '2016-11-04', earlierEntriesIntoForce: [] });
  });

  it("keeps one of each time the state was bound, the first by the report of the treaty's entry into force", () => {
    const view = statusOf([
      ...paris,
      withdrawalNotified(uuid(7), 'US', '2025-01-27'),
      consented(uuid(8), 'US', 'acceptance', '2029-01-20'),
      happened('TreatyEnteredIntoForce', uuid(9), '2016-11-04'),
    ]);
    expect(view.ratification['US']).toMatchObject({
      inForceOn: '2029-02-19',
      earlierEntriesIntoForce: [
        { inForceOn: '2016-11-04', inForceOnComputed: false },
        { inForceOn: '2021-02-19', inForceOnComputed: true },
      ],
    });
  });

  it("computes the entry into force after the rejoining, not from a report of the party's first (decision 0116)", () => {
    // A source reported the United States' own entry into force of 2016; none reports its second.
    const reportedFirst = [...paris, scoped('TreatyEnteredIntoForce', uuid(7), '2016-11-04', 'US')];
    const us = statusOf(reportedFirst, { today: '2026-01-01' }).ratification['US']!;
    expect(us).toMatchObject({ inForceOn: '2021-02-19', inForceOnComputed: true, withdrawn: false });
    expect(us.earlierEntriesIntoForce).toEqual([{ inForceOn: '2016-11-04', inForceOnComputed: false }]);
    // The report still speaks for the first period, and one dated after the rejoining for the second.
    expect(statusOf(reportedFirst, { asOf: '2018-01-01' }).ratification['US']).toMatchObject({
      inForceOn: '2016-11-04',
      inForceOnComputed: false,
    });
    const reportedBoth = [...reportedFirst, scoped('TreatyEnteredIntoForce', uuid(8), '2021-02-19', 'US')];
    expect(statusOf(reportedBoth, { today: '2026-01-01' }).ratification['US']).toMatchObject({
      inForceOn: '2021-02-19',
      inForceOnComputed: false,
    });
  });

  it('has none for a state whose notice was revoked: it never left, however its consent is dated by a second source', () => {
    const revoked = [
      ...paris.slice(0, 5),
      withdrawalRevoked(uuid(7), 'US', '2020-01-10'),
      consented(uuid(8), 'US', 'acceptance', '2020-06-01'),
    ];
    const us = statusOf(revoked).ratification['US']!;
    expect({ withdrawn: us.withdrawn, earlier: us.earlierEntriesIntoForce }).toEqual({ withdrawn: false, earlier: [] });
  });

  it('has none for a state that never left, nor for one whose first instrument never counted (decision 0038)', () => {
    const view = statusOf([
      registeredMultilateral({ entryIntoForce: { instrumentsRequired: 3, daysAfter: 30 } }),
      consented(uuid(2), 'AT', 'ratification', '2020-01-10'),
      withdrawalNotified(uuid(3), 'AT', '2020-02-01'),
      consented(uuid(4), 'BE', 'ratification', '2020-02-10'),
      consented(uuid(5), 'CZ', 'ratification', '2020-03-10'),
      consented(uuid(6), 'DK', 'ratification', '2020-03-15'),
      consented(uuid(7), 'AT', 'accession', '2020-05-01'),
    ]);
    expect(view.ratification['AT']).toMatchObject({ inForceOn: '2020-05-31', earlierEntriesIntoForce: [] });
    expect(view.ratification['BE']).toMatchObject({ inForceOn: '2020-04-14', earlierEntriesIntoForce: [] });
  });

  it('reads each earlier entry as the whole view of the day before the next consent shows it, over many rejoinings', () => {
    // Read from where the treaty stood that day, not from a view of it: the two must agree, whatever the record.
    const rejoinings: TreatyEvent[] = [
      registeredMultilateral({ withdrawalNoticeDays: undefined, withdrawalNotice: { years: 1 } }),
      consented(uuid(10), 'DK', 'ratification', '2009-12-01'),
      withdrawalNotified(uuid(11), 'DK', '2010-01-15'),
      consented(uuid(12), 'AT', 'ratification', '2010-01-10'),
      consented(uuid(13), 'BE', 'ratification', '2010-02-01'),
      scoped('TreatyEnteredIntoForce', uuid(14), '2010-03-15', 'BE'),
      consented(uuid(15), 'CZ', 'ratification', '2010-03-01'),
      consented(uuid(16), 'EE', 'ratification', '2010-05-05'),
      consented(uuid(17), 'DK', 'accession', '2011-01-01'),
      withdrew(uuid(18), 'BE', '2011-06-01'),
      withdrawalNotified(uuid(19), 'EE', '2011-01-01'),
      withdrawalNotified(uuid(20), 'AT', '2012-01-01'),
      withdrawalNotified(uuid(21), 'DK', '2012-02-02'),
      consented(uuid(22), 'BE', 'ratification', '2012-06-01'),
      scoped('TreatyEnteredIntoForce', uuid(23), '2012-07-05', 'BE'),
      withdrawalNotified(uuid(24), 'BE', '2013-01-01'),
      consented(uuid(25), 'AT', 'accession', '2014-03-01'),
      consented(uuid(26), 'EE', 'accession', '2014-03-01'),
      consented(uuid(27), 'DK', 'accession', '2014-05'),
      // Finland notifies before its own date comes, and accedes again: no entry into force before the second.
      consented(uuid(33), 'FI', 'accession', '2015-01-10'),
      withdrawalNotified(uuid(34), 'FI', '2015-01-20'),
      consented(uuid(35), 'FI', 'accession', '2015-02-01'),
      withdrawalNotified(uuid(28), 'AT', '2015-05-05'),
      consented(uuid(29), 'BE', 'ratification', '2016-01-01'),
      consented(uuid(30), 'AT', 'accession', '2017-07-07'),
      withdrawalNotified(uuid(31), 'AT', '2019-09-09'),
      consented(uuid(32), 'AT', 'accession', '2021-02-02'),
    ];
    const laterConsents: Record<string, string[]> = {
      AT: ['2014-03-01', '2017-07-07', '2021-02-02'],
      BE: ['2012-06-01', '2016-01-01'],
      DK: ['2011-01-01', '2014-05-01'],
      EE: ['2014-03-01'],
      CZ: [],
      FI: ['2015-02-01'],
    };
    const dayBefore = (day: string) => new Date(Date.parse(day) - 86_400_000).toISOString().slice(0, 10);
    for (const options of [{ today: '2030-01-01' }, { asOf: '2016-06-01' }, {}]) {
      const view = statusOf(rejoinings, options);
      for (const [party, consents] of Object.entries(laterConsents)) {
        const inView = consents.filter((on) => options.asOf === undefined || on <= options.asOf);
        const expected = inView.flatMap((on) => {
          const { inForceOn, inForceOnComputed } = statusOf(rejoinings, { asOf: dayBefore(on) }).ratification[party]!;
          return inForceOn === null ? [] : [{ inForceOn, inForceOnComputed }];
        });
        expect({ party, earlier: view.ratification[party]!.earlierEntriesIntoForce }).toEqual({
          party,
          earlier: expected,
        });
      }
    }
    // Not vacuous: several parties have several, computed and reported.
    expect(statusOf(rejoinings).ratification['AT']!.earlierEntriesIntoForce).toHaveLength(3);
    expect(statusOf(rejoinings).ratification['BE']!.earlierEntriesIntoForce).toEqual([
      { inForceOn: '2010-03-15', inForceOnComputed: false },
      { inForceOn: '2012-07-05', inForceOnComputed: false },
    ]);
  });
});

import { describe, expect, it } from '@jest/globals';
import {
  consented,
  japanAcceded2007,
  parisAgreementRejoined,
  scoped,
  statusOf,
  uuid,
  withdrawalNotified,
  withdrew,
} from '../testing';

/**
 * A state that left a treaty, consented again and notified again left more than once (decision 0116): its entry shows
 * its latest notice, and `earlierWithdrawals` the withdrawals that took effect before it.
 */

// The Paris Agreement: the United States gone 2020-11-04 (notified 2019-11-04), back 2021-02-19; then notified again
// on 2025-01-27.
const paris = parisAgreementRejoined;
const twice = [...paris, withdrawalNotified(uuid(7), 'US', '2025-01-27')];

describe("a party's earlier withdrawals", () => {
  it('keeps the first withdrawal of a state that notified again, the entry showing the second', () => {
    const us = statusOf(twice, { today: '2026-12-01' }).ratification['US']!;
    expect(us).toMatchObject({
      withdrawalNotifiedOn: '2025-01-27',
      withdrawalEffectiveOn: '2026-01-27',
      withdrawn: true,
    });
    expect(us.earlierWithdrawals).toEqual([
      { notifiedOn: '2019-11-04', effectiveOn: '2020-11-04', effectiveOnComputed: true, effectiveBetween: null },
    ]);
    // Before the second notice, the first is the one shown, and none is earlier.
    expect(statusOf(twice, { asOf: '2024-01-01' }).ratification['US']).toMatchObject({
      withdrawalEffectiveOn: '2020-11-04',
      earlierWithdrawals: [],
    });
  });

  it('keeps a withdrawal reported to have taken effect as reported', () => {
    const reported = [...paris.slice(0, 5), withdrew(uuid(8), 'US', '2020-11-05'), ...twice.slice(5)];
    expect(statusOf(reported).ratification['US']!.earlierWithdrawals).toEqual([
      { notifiedOn: '2019-11-04', effectiveOn: '2020-11-05', effectiveOnComputed: false, effectiveBetween: null },
    ]);
  });

  it('keeps the withdrawals before the latest where none was notified, the entry showing the latest', () => {
    const reportedOnly = [
      ...paris.slice(0, 4),
      withdrew(uuid(8), 'US', '2020-11-04'),
      paris[5]!,
      withdrew(uuid(9), 'US', '2026-01-27'),
    ];
    const us = statusOf(reportedOnly).ratification['US']!;
    expect(us).toMatchObject({ withdrawn: true, withdrewOn: '2026-01-27' });
    expect(us.earlierWithdrawals).toEqual([
      { notifiedOn: null, effectiveOn: '2020-11-04', effectiveOnComputed: false, effectiveBetween: null },
    ]);
  });

  it('has none for a notice that a consent revoked before it took effect (decision 0022)', () => {
    const revokedByConsent = [
      ...paris.slice(0, 5),
      consented(uuid(6), 'US', 'acceptance', '2020-06-01'),
      withdrawalNotified(uuid(7), 'US', '2025-01-27'),
    ];
    expect(statusOf(revokedByConsent).ratification['US']!.earlierWithdrawals).toEqual([]);
  });

  it('keeps the latest reported withdrawal of a state that consented again after it, the entry showing none', () => {
    const rejoinedTwice = [
      ...july,
      withdrew(uuid(7), 'JP', '2010-01-01'),
      consented(uuid(8), 'JP', 'accession', '2012-01-01'),
      withdrew(uuid(9), 'JP', '2016-01-01'),
      consented(uuid(10), 'JP', 'accession', '2018-01-01'),
    ];
    const jp = statusOf(rejoinedTwice, { today: '2026-01-01' }).ratification['JP']!;
    expect(jp).toMatchObject({ withdrawn: false, withdrewOn: null });
    const reported = (effectiveOn: string) => ({
      notifiedOn: null,
      effectiveOn,
      effectiveOnComputed: false,
      effectiveBetween: null,
    });
    expect(jp.earlierWithdrawals).toEqual([reported('2010-01-01'), reported('2016-01-01')]);
  });
});

// A state in force since 2007-08-16 that notified in 2015 and consented again before the notice took effect.
const july = [...japanAcceded2007];

describe('a notice that a later consent revoked (decision 0022)', () => {
  const revoked = [
    ...july,
    scoped('TreatyEnteredIntoForce', uuid(6), '2007-08-16', 'JP'),
    withdrawalNotified(uuid(7), 'JP', '2015-01-10'),
    consented(uuid(8), 'JP', 'accession', '2015-03-01'),
  ];

  it('leaves the reported entry into force the current one: the party never left', () => {
    const jp = statusOf(revoked, { today: '2026-01-01' }).ratification['JP']!;
    expect(jp).toMatchObject({ inForceOn: '2007-08-16', inForceOnComputed: false, withdrawn: false });
    expect(jp.earlierWithdrawals).toEqual([]);
    expect(jp.earlierEntriesIntoForce).toEqual([]);
  });

  it('still separates the periods of a notice that took effect before the consent', () => {
    const rejoined = [...revoked.slice(0, -1), consented(uuid(8), 'JP', 'accession', '2015-09-01')];
    const jp = statusOf(rejoined, { today: '2026-01-01' }).ratification['JP']!;
    expect(jp).toMatchObject({ inForceOn: '2015-10-01', inForceOnComputed: true, withdrawn: false });
  });
});

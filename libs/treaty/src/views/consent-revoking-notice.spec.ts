import { describe, expect, it } from '@jest/globals';
import { consented, japanAcceded2007, statusOf, uuid, withdrawalNotified, withdrew } from '../testing';

/**
 * A consent after a notice and before its effect revokes the notice (VCLT art. 68, decision 0022): the state never
 * left, so its period continues, whether its entry into force was reported or computed (decision 0116's amendment),
 * and the revoked notice takes no effect (decision 0115's amendment).
 */

// Japan accedes in 2007 (in force 2007-08-16, computed); its notices and consents are added case by case.
const july = japanAcceded2007;
const revokedByConsent = [
  ...july,
  withdrawalNotified(uuid(6), 'JP', '2015-01-10'),
  consented(uuid(7), 'JP', 'accession', '2015-03-01'),
];

describe('a consent that revoked a notice, with the entry into force computed', () => {
  it('continues the period: in force from its first consent, at every date, with no earlier entry', () => {
    for (const asOf of [undefined, '2015-03-15', '2015-08-01']) {
      const jp = statusOf(revokedByConsent, asOf).ratification['JP']!;
      expect({ asOf, ...jp }).toMatchObject({
        asOf,
        inForceOn: '2007-08-16',
        inForceOnComputed: true,
        earlierEntriesIntoForce: [],
        withdrawn: false,
      });
    }
  });

  it('clears the revoked notice’s computed effect', () => {
    const jp = statusOf(revokedByConsent).ratification['JP']!;
    expect(jp).toMatchObject({
      withdrawalNotifiedOn: '2015-01-10',
      withdrawalEffectiveOn: null,
      withdrawalEffectiveOnComputed: false,
      withdrawalEffectiveBetween: null,
      withdrawn: false,
    });
  });
});

describe("a consent after a withdrawal the record reports, before the notice's computed effect", () => {
  // Japan notifies on 2015-01-10 (computed effect 2015-07-09), is reported gone on 2015-03-01, accedes again on
  // 2015-05-01: the report is the effect (the decider refuses a revocation from it), so the consent begins a new period.
  const reportedThenConsented = [
    ...july,
    withdrawalNotified(uuid(6), 'JP', '2015-01-10'),
    withdrew(uuid(7), 'JP', '2015-03-01'),
    consented(uuid(8), 'JP', 'accession', '2015-05-01'),
  ];

  it('does not read the consent as revoking the notice: the state left, and came back', () => {
    const jp = statusOf(reportedThenConsented).ratification['JP']!;
    // The notice is not cleared as revoked: its computed effect stays, the report beside it as a disagreement.
    expect(jp).toMatchObject({ inForceOn: '2015-05-31', withdrawn: false, withdrawalEffectiveOn: '2015-07-09' });
    expect(jp.earlierEntriesIntoForce).toEqual([expect.objectContaining({ inForceOn: '2007-08-16' })]);
    expect(statusOf(reportedThenConsented, '2015-04-01').ratification['JP']).toMatchObject({
      withdrawn: true,
      withdrewOn: '2015-03-01',
    });
  });
});

describe('a consent and a notice whose possible effects fall in two years (decisions 0062, 0105, 0115)', () => {
  // 180 days from some day of July 2022: between 2022-12-28 and 2023-01-27.
  const spanning = (consentOn: string) => [
    ...july,
    withdrawalNotified(uuid(6), 'JP', '2022-07'),
    consented(uuid(7), 'JP', 'accession', consentOn),
  ];

  it('revokes the notice when known to come before the first possible day, as a revocation must', () => {
    for (const asOf of [undefined, '2022-12-15', '2023-06-01']) {
      expect({ asOf, ...statusOf(spanning('2022-12-01'), asOf).ratification['JP']! }).toMatchObject({
        asOf,
        inForceOn: '2007-08-16',
        inForceOnComputed: true,
        earlierEntriesIntoForce: [],
        withdrawalEffectiveBetween: null,
        withdrawn: false,
      });
    }
  });

  it('between the two ends, is a new consent after a withdrawal that took effect, as the decider reads it', () => {
    // The decider refuses a revocation on 2023-01-10: not known to come before the effect. Nor does a consent then.
    expect(statusOf(spanning('2023-01-10')).ratification['JP']).toMatchObject({
      inForceOn: '2023-02-09',
      inForceOnComputed: true,
      earlierEntriesIntoForce: [{ inForceOn: '2007-08-16', inForceOnComputed: true }],
      withdrawalNotifiedOn: '2022-07',
      withdrawalEffectiveBetween: { earliest: '2022-12-28', latest: '2023-01-27' },
      withdrawn: false,
    });
  });

  it('on the day a notice known to the day takes effect, is a consent after it, not a revocation', () => {
    const onTheDay = [
      ...july,
      withdrawalNotified(uuid(6), 'JP', '2015-01-10'),
      consented(uuid(7), 'JP', 'accession', '2015-07-09'),
    ];
    expect(statusOf(onTheDay).ratification['JP']).toMatchObject({
      inForceOn: '2015-08-08',
      earlierEntriesIntoForce: [{ inForceOn: '2007-08-16', inForceOnComputed: true }],
      withdrawalEffectiveOn: '2015-07-09',
      withdrawn: false,
    });
  });
});

import { describe, expect, it } from '@jest/globals';
import type { Development } from '../development';
import { latestOccurrence, occurrencesOf, separatedByRejoining } from './rejoining';

const acceptance = (party: string, occurredOn: string): Development => ({
  type: 'consent-to-be-bound',
  party,
  consentType: 'acceptance',
  occurredOn,
});
const notice = (party: string, occurredOn: string): Development => ({ type: 'withdrawal-notified', party, occurredOn });
const onRecord = (...developments: Development[]) => developments.map((current) => ({ current }));

describe('separatedByRejoining', () => {
  const first = acceptance('US', '2016-09-03');
  const again = acceptance('US', '2021-01-20');

  it('is true when the party withdrew between two consents, or consented between two withdrawals', () => {
    expect(separatedByRejoining(first, again, onRecord(first, notice('US', '2019-11-04'), again))).toBe(true);
    expect(separatedByRejoining(again, first, onRecord(notice('US', '2019-11-04')))).toBe(true);
    expect(separatedByRejoining(notice('US', '2019-11-04'), notice('US', '2025-01-27'), onRecord(again))).toBe(true);
  });

  it("is false with nothing between, another party's act between, or dates that agree", () => {
    expect(separatedByRejoining(first, again, onRecord(first, again))).toBe(false);
    expect(separatedByRejoining(first, again, onRecord(notice('FR', '2019-11-04')))).toBe(false);
    expect(separatedByRejoining(first, acceptance('US', '2016'), onRecord(notice('US', '2016-10-01')))).toBe(false);
    expect(separatedByRejoining(first, again, onRecord(notice('US', '2016-09-03')))).toBe(false);
  });

  it('is false for acts that are not a consent or a withdrawal', () => {
    const suspended = (occurredOn: string): Development => ({ type: 'suspended', party: 'US', occurredOn });
    expect(separatedByRejoining(suspended('2016'), suspended('2021'), onRecord(notice('US', '2019')))).toBe(false);
  });
});

describe('an objection made again after the objecting state withdrew it', () => {
  const objection = (occurredOn: string, againstParty = 'FR'): Development => ({
    type: 'objection',
    party: 'DE',
    againstParty,
    occurredOn,
  });
  const withdrawal = (occurredOn: string, againstParty = 'FR'): Development => ({
    type: 'objection-withdrawn',
    party: 'DE',
    againstParty,
    occurredOn,
  });

  it('is another objection when its withdrawal lies between, and a second withdrawal another withdrawal', () => {
    expect(
      separatedByRejoining(objection('2020-06-01'), objection('2023-02-01'), onRecord(withdrawal('2021-03-01'))),
    ).toBe(true);
    expect(
      separatedByRejoining(withdrawal('2021-03-01'), withdrawal('2024-05-01'), onRecord(objection('2023-02-01'))),
    ).toBe(true);
  });

  it('is the same objection when nothing between concerns the same reserving state', () => {
    expect(
      separatedByRejoining(objection('2020-06-01'), objection('2023-02-01'), onRecord(withdrawal('2021-03-01', 'IT'))),
    ).toBe(false);
    // A consent or a withdrawal from the treaty is no withdrawal of an objection.
    expect(
      separatedByRejoining(objection('2020-06-01'), objection('2023-02-01'), onRecord(notice('DE', '2021-03-01'))),
    ).toBe(false);
  });
});

describe('occurrences', () => {
  it('splits the reports of one act at each rejoining, and finds the latest', () => {
    const reports = onRecord(acceptance('US', '2016-09-03'), acceptance('US', '2016-09'), acceptance('US', '2021-01'));
    const record = [...reports, ...onRecord(notice('US', '2019-11-04'))];
    expect(occurrencesOf(reports, record)).toEqual([[reports[0], reports[1]], [reports[2]]]);
    expect(latestOccurrence(reports, record)).toEqual([reports[2]]);
  });
});

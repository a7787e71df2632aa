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

describe('occurrences', () => {
  it('splits the reports of one act at each rejoining, and finds the latest', () => {
    const reports = onRecord(acceptance('US', '2016-09-03'), acceptance('US', '2016-09'), acceptance('US', '2021-01'));
    const record = [...reports, ...onRecord(notice('US', '2019-11-04'))];
    expect(occurrencesOf(reports, record)).toEqual([[reports[0], reports[1]], [reports[2]]]);
    expect(latestOccurrence(reports, record)).toEqual([reports[2]]);
  });
});

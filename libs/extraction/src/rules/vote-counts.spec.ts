import { describe, expect, it } from '@jest/globals';
import { findVoteCounts } from './vote-counts';

describe('findVoteCounts', () => {
  it.each([
    ['The Mazhilis approved it on February 14 by 98 votes to 2.', { for: 98, against: 2 }],
    ['The Senate passed it by a vote of 45-3, with 1 abstention.', { for: 45, against: 3, abstained: 1 }],
    ['In a 402–1 vote, the Duma ratified the treaty.', { for: 402, against: 1 }],
    ['Lawmakers voted 290 to 7 to ratify the pact.', { for: 290, against: 7 }],
    [
      'The State Duma ratified it, with 400 deputies voting... 400 in favour, 2 against and 3 abstentions.',
      { for: 400, against: 2, abstained: 3 },
    ],
    ['The treaty was approved with 221 votes in favor.', { for: 221 }],
    ['Of the deputies, 12 voted against.', { against: 12 }],
    ['It passed with 310 votes for and 9 against.', { for: 310, against: 9 }],
  ])('reads "%s"', (text, counts) => {
    expect(findVoteCounts(text)).toEqual(counts);
  });

  it('gives nothing where no count is written in digits, or the numbers are not a tally', () => {
    for (const text of [
      'The Majlis unanimously approved the agreement on Sunday.',
      'Two deputies voted against the treaty.',
      'The 2001 treaty was signed by 2 presidents in 2 cities.',
      'The treaty runs for 20 years, from 2025 to 2045.',
      'The Senate approved it on February 14 for a term of 20 years.',
    ]) {
      expect(findVoteCounts(text)).toBeUndefined();
    }
  });
});

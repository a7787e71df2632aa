import type { Votes } from '@timeline/treaty';

const COUNT = String.raw`(\d{1,4})`;
const DASH = String.raw`\s*(?:-|–|—|to)\s*`;
/** Who votes, between a count and its side: "400 deputies voted in favour", "2 votes against". */
const VOTERS = String.raw`(?:(?:votes?|deputies|lawmakers|legislators|members|senators|MPs)\s+)?(?:(?:voted|were)\s+)?`;

/** Both sides at once: "by 98 votes to 2", "by a vote of 98-2", "a 98-2 vote", "voted 98 to 2". */
const TALLIES: readonly RegExp[] = [
  new RegExp(String.raw`\bby\s+${COUNT}\s+votes?\s+to\s+${COUNT}\b`, 'i'),
  new RegExp(String.raw`\b(?:vote|margin|tally)\s+of\s+${COUNT}${DASH}${COUNT}\b`, 'i'),
  new RegExp(String.raw`\b${COUNT}\s*(?:-|–|—)\s*${COUNT}\s+vote\b`, 'i'),
  new RegExp(String.raw`\bvoted\s+${COUNT}${DASH}${COUNT}\b`, 'i'),
];
// "for" alone needs a vote beside it: "on February 14 for twenty years" is no count.
const FOR = new RegExp(String.raw`\b${COUNT}\s+(?:${VOTERS}in\s+favou?r|(?:votes?|voted)\s+for\b)`, 'i');
const AGAINST = new RegExp(String.raw`\b${COUNT}\s+${VOTERS}against\b`, 'i');
const ABSTAINED = new RegExp(
  String.raw`\b${COUNT}\s+(?:abstentions?|abstained|(?:deputies|lawmakers|legislators|members|senators|MPs)\s+abstained)\b`,
  'i',
);

/**
 * The counts of a vote that a clause reports, or undefined when it gives none. Only numbers written as digits:
 * "unanimously" or "two against" give no count, and the editor adds them.
 */
export function findVoteCounts(text: string): Votes | undefined {
  for (const tally of TALLIES) {
    const match = tally.exec(text);
    if (match) return withAbstentions({ for: Number(match[1]), against: Number(match[2]) }, text);
  }
  const counts = withAbstentions(
    {
      ...countOf(FOR, text, 'for'),
      ...countOf(AGAINST, text, 'against'),
    },
    text,
  );
  return Object.keys(counts).length > 0 ? counts : undefined;
}

function withAbstentions(counts: Votes, text: string): Votes {
  return { ...counts, ...countOf(ABSTAINED, text, 'abstained') };
}

function countOf(pattern: RegExp, text: string, side: keyof Votes): Votes {
  const match = pattern.exec(text);
  return match ? { [side]: Number(match[1]) } : {};
}

import type { LegislativeStage } from '@timeline/treaty';

/**
 * The reading a chamber's vote was taken in, as news words it: "in the first reading", "in the second and third
 * readings", "in the third and final reading", "in the first and final reading" (a single vote that adopts it). The
 * last reading named is the one the vote completed; a final one with no number is the vote that adopts the bill.
 */
const READING =
  /\b(?:in\s+(?:its\s+|the\s+)?)?(first|second|third|final)(?:,?\s+and\s+(?:the\s+)?(second|third|final))?\s+readings?\b/i;

const BY_WORD: Readonly<Record<string, LegislativeStage>> = {
  first: 'first-reading',
  second: 'second-reading',
  third: 'third-reading',
  final: 'final',
};

export function findReading(text: string): LegislativeStage | undefined {
  const match = READING.exec(text);
  if (!match) return undefined;
  const [, first, last] = match;
  const word = (last ?? first)!.toLowerCase();
  // "first and final": one vote that adopts it; "third and final": the third reading, always a chamber's last.
  if (word === 'final' && first!.toLowerCase() === 'third') return 'third-reading';
  return BY_WORD[word];
}

import type { ProposalType } from '../extraction.types';
import type { DateOffset } from './date-offset';

/**
 * A phrase that dates an event by pointing back to one told earlier ("Putin said at the time"): it has no date of
 * its own, and chrono reads none in it. `names` is the act the phrase names ("at the signing"), when it names one;
 * `offset` how far from that event's date the phrase puts this one ("two days later", "the day before the vote").
 */
export interface Anaphor {
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
  readonly names?: ProposalType;
  readonly offset?: DateOffset;
}

interface AnaphorRule {
  readonly pattern: RegExp;
  readonly names?: ProposalType;
  /** For a phrase that counts from the event: the offset its words give (the match's groups). */
  readonly offset?: (match: RegExpExecArray) => DateOffset | undefined;
  /** For a phrase that names the event in a group ("after the vote"): the act it names. */
  readonly namedBy?: (match: RegExpExecArray) => ProposalType | undefined;
}

/** The acts a phrase counting from one names ("three days after the signing"), as the words say them. */
const ACTS: readonly { readonly words: string; readonly type: ProposalType }[] = [
  { words: 'the\\s+signing(?:\\s+ceremony)?', type: 'signed' },
  { words: "the\\s+(?:[\\p{L}-]+(?:['’]s)?\\s+)?vote", type: 'legislative-approval' },
  { words: 'the\\s+ratification', type: 'ratification-completed' },
  {
    words: 'the\\s+exchange\\s+of\\s+(?:the\\s+)?instruments(?:\\s+of\\s+ratification)?',
    type: 'instruments-exchanged',
  },
  { words: "(?:its|the\\s+(?:treaty|agreement|pact)['’]s)\\s+entry\\s+into\\s+force", type: 'entered-into-force' },
];
const ACT = ACTS.map((act) => `(${act.words})`).join('|');
const NUMBER = '(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,3})';
const NUMBER_WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
/** Where a phrase counting from an event ends when it names none: the clause's end, not "after Iran did". */
const CLAUSE_END = '(?=\\s*(?:[,.;:!?”"]|$))';

function count(word: string): number {
  const lower = word.toLowerCase();
  if (lower === 'a' || lower === 'an') return 1;
  const index = NUMBER_WORDS.indexOf(lower);
  return index >= 0 ? index + 1 : Number(lower);
}

/** The act named in the groups from `first` on (one group per entry of ACTS). */
function actIn(match: RegExpExecArray, first: number): ProposalType | undefined {
  const index = ACTS.findIndex((_act, offset) => match[first + offset] !== undefined);
  return index >= 0 ? ACTS[index]!.type : undefined;
}

const UNITS = {
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
} as const;
const unitOf = (word: string) => UNITS[word.toLowerCase() as keyof typeof UNITS];

/**
 * Phrases that count from an event: "the next day", "the day before the vote", "two days later", "a week after the
 * signing". One that names no act counts from the time the narrative was last at; "after"/"before" with neither an
 * act named nor the clause's end ("two days after Iran did") counts from something else, and is left alone.
 */
const COUNTING: readonly AnaphorRule[] = [
  {
    pattern: /\b(?:on\s+)?the\s+(?:next|following)\s+day\b/giu,
    offset: () => ({ amount: 1, unit: 'day' }),
  },
  {
    pattern: new RegExp(`\\b(?:on\\s+)?the\\s+day\\s+(after|before)(?:\\s+(?:${ACT})|${CLAUSE_END})`, 'giu'),
    offset: (match) => ({ amount: match[1]!.toLowerCase() === 'after' ? 1 : -1, unit: 'day' }),
    namedBy: (match) => actIn(match, 2),
  },
  {
    pattern: new RegExp(`\\b${NUMBER}\\s+(days?|weeks?|months?|years?)\\s+(later|earlier)\\b`, 'giu'),
    offset: (match) => {
      const amount = count(match[1]!);
      return { amount: match[3]!.toLowerCase() === 'later' ? amount : -amount, unit: unitOf(match[2]!) };
    },
  },
  {
    pattern: new RegExp(`\\b${NUMBER}\\s+(days?|weeks?|months?|years?)\\s+(after|before)\\s+(?:${ACT})`, 'giu'),
    offset: (match) => {
      const amount = count(match[1]!);
      return { amount: match[3]!.toLowerCase() === 'after' ? amount : -amount, unit: unitOf(match[2]!) };
    },
    namedBy: (match) => actIn(match, 4),
  },
];

/**
 * Most specific first. "at the time of X" and "the same day as X" name another time and are left alone; "then"
 * counts only where it cannot mean "next" or "former" ("said then", "back then", "... as it was then."), never in
 * "the then president", "and then", "since then" or "until then".
 */
const RULES: readonly AnaphorRule[] = [
  ...COUNTING,
  {
    pattern:
      /\b(?:at|during)\s+the\s+signing(?:\s+ceremony)?(?:\s+of\s+the\s+(?:[\p{L}-]+\s+){0,4}?(?:treaty|agreement|pact|accord|deal))?\b/giu,
    names: 'signed',
  },
  { pattern: /\bat\s+the\s+time\b(?!\s+(?:of|when)\b)/gi },
  { pattern: /\bat\s+that\s+(?:time|moment)\b/gi },
  { pattern: /\bon\s+that\s+occasion\b/gi },
  { pattern: /\b(?:at|during)\s+(?:the|that)\s+(?:same\s+)?ceremony\b/gi },
  { pattern: /\bduring\s+(?:the|that|his|her|their)\s+visit\b/gi },
  { pattern: /\b(?:back|even)\s+then\b/gi },
  { pattern: /(?<=\b(?:said|stated|wrote|added|declared|noted|remarked)\s+)then\b(?!-)/gi },
  { pattern: /(?<!\b(?:since|until|till|by|from|and|or|but|before|than|only|just|the)\s+)\bthen(?=\s*[.;!?”"])/gi },
  { pattern: /\b(?:on\s+)?(?:that|the)\s+same\s+day\b(?!\s+(?:as|that)\b)/gi },
  { pattern: /(?<!\b(?:since|until|till|before|after|from)\s+)\b(?:on\s+)?that\s+day\b/gi },
];

/** The first phrase in `text.slice(start, end)` that dates by pointing back, with offsets in `text`. */
export function findAnaphor(
  text: string,
  within: { readonly start: number; readonly end: number },
): Anaphor | undefined {
  const part = text.slice(within.start, within.end);
  const found: Anaphor[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    const match = rule.pattern.exec(part);
    if (!match) continue;
    const names = rule.names ?? rule.namedBy?.(match);
    const offset = rule.offset?.(match);
    found.push({
      phrase: match[0].replace(/\s+/g, ' '),
      start: within.start + match.index,
      end: within.start + match.index + match[0].length,
      ...(names ? { names } : {}),
      ...(offset ? { offset } : {}),
    });
  }
  return found.sort((a, b) => a.start - b.start)[0];
}

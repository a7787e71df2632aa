import type { ProposalType } from '../extraction.types';

/**
 * A phrase that dates an event by pointing back to one told earlier ("Putin said at the time"): it has no date of
 * its own, and chrono reads none in it. `names` is the act the phrase names ("at the signing"), when it names one.
 */
export interface Anaphor {
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
  readonly names?: ProposalType;
}

interface AnaphorRule {
  readonly pattern: RegExp;
  readonly names?: ProposalType;
}

/**
 * Most specific first. "at the time of X" and "the same day as X" name another time and are left alone; "then"
 * counts only where it cannot mean "next" or "former" ("said then", "back then", "... as it was then."), never in
 * "the then president", "and then", "since then" or "until then".
 */
const RULES: readonly AnaphorRule[] = [
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
    found.push({
      phrase: match[0].replace(/\s+/g, ' '),
      start: within.start + match.index,
      end: within.start + match.index + match[0].length,
      ...(rule.names ? { names: rule.names } : {}),
    });
  }
  return found.sort((a, b) => a.start - b.start)[0];
}

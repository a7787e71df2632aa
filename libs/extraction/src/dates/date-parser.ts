import * as chrono from 'chrono-node';

/**
 * chrono's English parser, plus one rule it lacks: a bare year after a preposition ("concluded ... in 2001"),
 * which its casual parser leaves alone so as not to read every number as a year.
 */
const parser = chrono.casual.clone();
parser.parsers.push({
  pattern: () => /\b(?:in|since|by|until|of|from)\s+((?:1[89]|20)\d{2})(?![\d-])/i,
  extract: (_context, match) => ({ year: Number(match[1]) }),
});

/** A date expression in a text: where it is, what it says, and how sure chrono is of each part. */
export interface DateMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly result: chrono.ParsedResult;
}

/** Every date expression in `text` (offsets shifted by `offset`), read relative to the publication date. */
export function findDates(text: string, offset: number, publishedOn: string): DateMention[] {
  const reference = { instant: new Date(`${publishedOn}T12:00:00Z`), timezone: 0 };
  return parser
    .parse(text, reference, { forwardDate: false })
    .filter((result) => !isAnchoredOnAnotherEvent(result.text, text.slice(0, result.index)))
    .map((result) => ({
      start: offset + result.index,
      end: offset + result.index + result.text.length,
      text: result.text.replace(/[\s,.]+$/, ''),
      result,
    }));
}

/**
 * "three days before" counts from an event named after it, and "the next day" from the one the narrative is at, not
 * from the publication: chrono cannot know which ("next week" alone is the publication's, and stays).
 */
function isAnchoredOnAnotherEvent(text: string, before: string): boolean {
  if (/^next\s+(?:day|week|month|year)$/i.test(text) && /\bthe\s+$/i.test(before)) return true;
  return /\b(before|after|later|earlier)\W*$/i.test(text) && !/\bago\b/i.test(text);
}

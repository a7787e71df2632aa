import { findAnaphor } from '../dates/anaphoric-phrases';
import type { DateMention } from '../dates/date-parser';

/** A stretch of the text, by offsets in the whole text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Words that open a clause of its own: a date or a party after one belongs to another event. */
const SUBORDINATOR =
  /\b(?:that|which|who|whom|whose|since|when|after|before|while|because|until|unless|if|although|though|whereas)\b/gi;

/**
 * The coordinated clauses of a sentence. ", and" or ";" starts a clause of its own only when what follows
 * carries its own date ("In June, Russia signed X, and in December, a treaty with Belarus ...") or counts from the
 * event before it ("..., and the Majlis ratified it two days later"); otherwise it is a list ("political, military,
 * and economic relations with Iran") and stays in its clause.
 */
export function conjuncts(text: string, sentence: Span, dates: readonly DateMention[]): Span[] {
  const body = text.slice(sentence.start, sentence.end);
  const cuts = [sentence.start];
  for (const match of body.matchAll(/,\s+and\s+|;\s+/g)) {
    const after = sentence.start + match.index + match[0].length;
    const next = text.slice(after, sentence.end).search(/,\s+and\s+|;\s+/);
    const end = next < 0 ? sentence.end : after + next;
    const dated = dates.some((date) => date.start >= after && date.end <= end);
    if (dated || findAnaphor(text, { start: after, end })?.offset) cuts.push(after);
  }
  return cuts.map((start, index) => ({ start, end: index + 1 < cuts.length ? cuts[index + 1]! : sentence.end }));
}

/** The part of `within` around `at` that no subordinating word separates from it. */
export function clauseAround(text: string, within: Span, at: Span): Span {
  let start = within.start;
  let end = within.end;
  const body = text.slice(within.start, within.end);
  for (const match of body.matchAll(SUBORDINATOR)) {
    const position = within.start + match.index;
    if (position + match[0].length <= at.start) start = Math.max(start, position + match[0].length);
    else if (position >= at.end) end = Math.min(end, position);
  }
  return { start, end };
}

/**
 * Comma-separated segments of a clause (list commas aside): the verb's own segment first, then those before it,
 * nearest first.
 */
export function segmentsAround(text: string, clause: Span, at: Span): Span[] {
  const segments = segmentsOf(text, clause);
  const own = segments.findIndex((segment) => segment.start <= at.start && at.start < segment.end);
  if (own < 0) return [clause];
  return [segments[own]!, ...segments.slice(0, own).reverse()];
}

/** The comma-separated segments of a clause, in order (list commas aside); each ends where the next starts. */
export function segmentsOf(text: string, clause: Span): Span[] {
  const cuts = [clause.start];
  const body = text.slice(clause.start, clause.end);
  for (const match of body.matchAll(/[,–—(]\s*/g)) {
    const after = body.slice(match.index + match[0].length);
    // A comma in a list ("political, military, and economic relations") does not end a segment.
    if (match[0].startsWith(',') && /^(?:and\s|or\s|[\p{L}-]+,)/u.test(after)) continue;
    cuts.push(clause.start + match.index + match[0].length);
  }
  return cuts.map((start, index) => ({
    start,
    end: index + 1 < cuts.length ? cuts[index + 1]! : clause.end,
  }));
}

import type { PartyMention } from '../lexicon/countries';
import { listFrom } from './acting-states';
import { segmentsOf, type Span } from './clauses';

/**
 * A phrase that opens its comma segment and compares the act with another's: "Like Germany, France ratified ...",
 * "Unlike Spain, ...", "France, as did Germany, ratified ...", "As with Germany, ...", "Similar to Germany, ...".
 * Not "as" alone: "As part of its deal with Italy, France ratified" names a side of the act.
 */
const COMPARISON_OPENS =
  /^\s*(?:(?:just|much)\s+)?(?:like|unlike|as\s+(?:with|in|did|does|do|has|have|had)|similar(?:ly)?\s+to|in\s+contrast\s+(?:to|with))\s/i;
/** A comparison right before the state, wherever it stands: "France like Germany ratified ...". */
const COMPARED_JUST_BEFORE =
  /\b(?:like|unlike|in\s+the\s+footsteps\s+of|following\s+the\s+(?:lead|example)\s+of)\s+(?:the\s+)?$/i;
/** "as Germany did", "just as Spain has": the state is the subject of a clause of comparison. */
const AS_BEFORE = /^\s*(?:just\s+)?as\s+(?:the\s+)?$/i;
const AS_AFTER = /^\s+(?:did|does|do|has|have|had)\b/;
/**
 * "Following Germany, France ratified ...", "After Spain, ...", "Following Germany's lead, ...": a state alone after
 * "following" or "after" that open the phrase names the one that acted before, as "like" does. Not "Following talks
 * with Italy" (Italy is the act's other side) nor "Following Italy's ratification" (which may be of this very
 * treaty, by its other party).
 */
const AFTER_BEFORE = /^\s*(?:following|after)\s+(?:the\s+)?$/i;
const AFTER_ENDS = /^(?:\s*,|['’]s\s+(?:lead|example)\b)/;
/** A comma closes the phrase of comparison after a list: "Like Germany and Spain, France ...". */
const CLOSED = /^\s*,/;
/** Every phrase above holds one of these words: a clause without any is read no further. */
const ANY_COMPARISON = /\b(?:like|unlike|as|similar(?:ly)?|contrast|following|after|footsteps)\b/i;

/**
 * The mentions of a clause less those that name a state only to compare the act with its own: "Like Germany, France
 * ratified the treaty with Italy" is no act of Germany's nor one on a treaty of Germany's, so Germany is neither
 * the state that acts nor evidence of which treaty is meant. The states listed with such a one go with it when a
 * comma closes the list ("Like Germany and Spain, France ..."), not when the list runs on into the subject ("Like
 * Germany, France and Italy signed ..."). A phrase of comparison that holds the act's own verb is kept: "Unlike a
 * similar agreement with North Korea ratified in October, ..." is that agreement's ratification.
 */
export function withoutComparedStates(
  text: string,
  clause: Span,
  verb: Span,
  mentions: readonly PartyMention[],
): PartyMention[] {
  if (mentions.length === 0 || !ANY_COMPARISON.test(text.slice(clause.start, clause.end))) return [...mentions];
  const segments = segmentsOf(text, clause);
  const compared = new Set<PartyMention>();
  let index = 0;
  for (const mention of mentions) {
    // Mentions come in text order, so the segment of each is at or after the one before's.
    while (index < segments.length && segments[index]!.end <= mention.start) index += 1;
    const segment = segments[index];
    if (!segment || segment.start > mention.start) continue;
    const list = listFrom(text, mentions, mention);
    const lead = text.slice(segment.start, mention.start);
    const afterMention = text.slice(mention.end, clause.end);
    const afterList = text.slice(list.at(-1)!.end, clause.end);
    const ownVerb = segment.start <= verb.start && verb.start < segment.end;
    const comparison =
      (COMPARISON_OPENS.test(lead) && !ownVerb) ||
      COMPARED_JUST_BEFORE.test(lead) ||
      (AS_BEFORE.test(lead) && (AS_AFTER.test(afterMention) || AS_AFTER.test(afterList))) ||
      (AFTER_BEFORE.test(lead) && (AFTER_ENDS.test(afterMention) || AFTER_ENDS.test(afterList)));
    if (!comparison) continue;
    compared.add(mention);
    if (CLOSED.test(afterList) || AS_AFTER.test(afterList)) for (const listed of list) compared.add(listed);
  }
  return mentions.filter((mention) => !compared.has(mention));
}

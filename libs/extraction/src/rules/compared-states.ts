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
 * "following" or "after" that open the phrase names the one that acted before. With "'s lead" or "'s example" it is
 * a comparison, as "like" is; alone it tells the order of the acts, and may be this very treaty's other party (see
 * `ComparedStates.actedBefore`). Not "Following talks with Italy" (Italy is the act's other side) nor "Following
 * Italy's ratification" (which may be of this very treaty, by its other party). Nor "After Germany, France and Italy
 * signed ..., the ministers met": "after" opens a clause there, and the state's list runs on into its subject.
 */
const AFTER_BEFORE = /^\s*(following|after)\s+(?:the\s+)?$/i;
const LEAD_FOLLOWED = /^['’]s\s+(?:lead|example)\b/;
/** "After" opens a clause too: the clause of "After France, Italy ratified" starts after it (`clauseAround`). */
const CUT_AFTER = /\b(?:after|following)$/i;
/** A comma closes the phrase of comparison after a list: "Like Germany and Spain, France ...". */
const CLOSED = /^\s*,/;
/** Every phrase above holds one of these words: a clause without any is read no further. */
const ANY_COMPARISON = /\b(?:like|unlike|as|similar(?:ly)?|contrast|following|after|footsteps)\b/i;

/** The mentions of a clause, less the states named to compare the act with their own. */
export interface ComparedStates {
  /** The states the act may concern: those named to compare left out. */
  readonly parties: PartyMention[];
  /**
   * The states named only as having acted first ("After France, Italy ratified the treaty"): no party that does the
   * act, but each may be this very treaty's other party, so it counts for a treaty it is a party of and against none
   * (decision 0113).
   */
  readonly actedBefore: PartyMention[];
}

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
  return comparedStates(text, clause, verb, mentions).parties;
}

/** As `withoutComparedStates`, and the states named as having acted first ("After France, ..."), apart. */
export function comparedStates(
  text: string,
  clause: Span,
  verb: Span,
  mentions: readonly PartyMention[],
): ComparedStates {
  if (mentions.length === 0 || !ANY_COMPARISON.test(text.slice(Math.max(0, clause.start - 9), clause.end))) {
    return { parties: [...mentions], actedBefore: [] };
  }
  const segments = segmentsOf(text, clause);
  const compared = new Set<PartyMention>();
  const before = new Set<PartyMention>();
  const cutAfter = CUT_AFTER.exec(text.slice(Math.max(0, clause.start - 9), clause.start))?.[0] ?? '';
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
    const opening = AFTER_BEFORE.exec(segment.start === clause.start ? cutAfter + lead : lead);
    const after = opening !== null;
    const comparison =
      (COMPARISON_OPENS.test(lead) && !ownVerb) ||
      COMPARED_JUST_BEFORE.test(lead) ||
      (AS_BEFORE.test(lead) && (AS_AFTER.test(afterMention) || AS_AFTER.test(afterList))) ||
      (after && (LEAD_FOLLOWED.test(afterMention) || LEAD_FOLLOWED.test(afterList)));
    // "After Germany, France and Italy signed ..., the ministers met": the list runs on into the subject of the clause
    // "after" opens, so Germany is one of those who signed, as before decision 0113.
    const clauseOfAfter = opening?.[1]?.toLowerCase() === 'after' && list.length > 1 && !CLOSED.test(afterList);
    const first = !comparison && after && !clauseOfAfter && (CLOSED.test(afterMention) || CLOSED.test(afterList));
    if (!comparison && !first) continue;
    const into = comparison ? compared : before;
    into.add(mention);
    if (CLOSED.test(afterList) || AS_AFTER.test(afterList)) for (const listed of list) into.add(listed);
  }
  return {
    parties: mentions.filter((mention) => !compared.has(mention) && !before.has(mention)),
    actedBefore: mentions.filter((mention) => before.has(mention)),
  };
}

import type { PartyMention } from '../lexicon/countries';
import type { Span } from './clauses';

/** A form of "be" just before the verb (an adverb allowed): "was ratified", "has been formally ratified". */
const PASSIVE = /\b(?:was|were|is|are|be|been|being)\s+(?:\p{L}+ly\s+)?$/iu;
/** A passive's agent after its verb, a date or place allowed between: "was ratified (on Tuesday) by Italy". */
const AGENT = /^\s+(?:[^,;:.!?]{0,40}?\s)?by\s+(?:the\s+)?$/;
/** Right after the verb, "by" opens an agent whatever stands before it: "the treaty, ratified by Italy, ...". */
const AGENT_AT_ONCE = /^\s+by\s+(?:the\s+)?$/;
/**
 * Words before a state that name it as another side of the act or a point of comparison, not its doer: "the treaty
 * with France", "after talks with France", "like France", "following Germany", "according to France".
 */
const ANOTHER_SIDE =
  /\b(?:with|against|to|from|towards?|like|unlike|after|following|alongside|besides|than|between|by)\s+(?:the\s+)?$/i;
/**
 * A phrase that opens with a participle (or "during") is said of the subject, and a state in it is not the subject:
 * "Russia, citing US violations, suspended the treaty". Not "including", which names some of the subject: "Several
 * states, including Italy, ratified"; nor a capitalised name ("King Abdullah of Jordan ratified").
 */
const PARTICIPLE_PHRASE = /^\s*(?:[Dd]uring|(?!including\b)\p{Ll}\p{L}*ing)\s/u;
/** What joins the states of one list: "France and Italy", "France, Italy and Spain". */
const AND = /^,?\s+and\s+(?:the\s+)?$/;
const COMMA = /^,\s*(?:the\s+)?$/;

/**
 * The states that do an act a sentence reports of one party (a ratification, a withdrawal, a suspension): the
 * subject of its verb, or the agent of a passive one ("was ratified by Italy"); every state of a list ("France and
 * Italy ratified"). A state named after "with", "like", "after"... is another side of the act, not its doer, nor is
 * one the treaty is named by in a passive without agent ("the treaty with France was ratified"). Subjects that are
 * no one list ("France said Italy ratified") name no state: better none than a wrong one, the editor names it.
 * `mentions` are the parties named around the verb, in text order, by offsets in `text`.
 */
export function actingStates(text: string, clause: Span, verb: Span, mentions: readonly PartyMention[]): string[] {
  const agents = mentionsAfter(text, clause, verb, mentions);
  if (agents.length > 0) return codesOf(agents);
  if (PASSIVE.test(text.slice(clause.start, verb.start))) return [];
  const before = mentions.filter((mention) => mention.end <= verb.start);
  const others = withTheirLists(
    text,
    before,
    before.filter((mention) => {
      const lead = text.slice(Math.max(clause.start, mention.start - 40), mention.start);
      return ANOTHER_SIDE.test(lead) || inParticiplePhrase(text, clause, mention);
    }),
  );
  const subjects = before.filter((mention) => !others.has(mention));
  return oneList(text, subjects) ? codesOf(subjects) : [];
}

/**
 * Whether the mention stands in a phrase that opens with a participle, or "during": "citing US violations",
 * "During Italy's presidency, France ratified".
 */
function inParticiplePhrase(text: string, clause: Span, mention: PartyMention): boolean {
  const lead = text.slice(clause.start, mention.start);
  const phrase = /(?:^|[,–—(])([^,–—(]*)$/.exec(lead)!;
  return PARTICIPLE_PHRASE.test(phrase[1]!);
}

/** The passive's agent: the state after "by" that follows the verb, and those listed with it. */
function mentionsAfter(text: string, clause: Span, verb: Span, mentions: readonly PartyMention[]): PartyMention[] {
  const passive = PASSIVE.test(text.slice(clause.start, verb.start));
  const first = mentions.find((mention) => {
    if (mention.start < verb.end || mention.end > clause.end) return false;
    const between = text.slice(verb.end, mention.start);
    return passive ? AGENT.test(between) : AGENT_AT_ONCE.test(between);
  });
  return first ? listFrom(text, mentions, first) : [];
}

/** The mentions given, and those listed after each: "with France and Germany". */
function withTheirLists(
  text: string,
  mentions: readonly PartyMention[],
  openers: readonly PartyMention[],
): Set<PartyMention> {
  return new Set(openers.flatMap((opener) => listFrom(text, mentions, opener)));
}

/**
 * The list of states that `first` opens: those joined to it by commas up to an "and" ("France, Germany and Italy"),
 * or by "and". A comma with no "and" after it ends the phrase ("with France, Italy ratified").
 */
export function listFrom(text: string, mentions: readonly PartyMention[], first: PartyMention): PartyMention[] {
  const chain = [first];
  let listed = 1;
  for (const mention of mentions.slice(mentions.indexOf(first) + 1)) {
    const between = text.slice(chain.at(-1)!.end, mention.start);
    if (AND.test(between)) listed = chain.push(mention);
    else if (COMMA.test(between)) chain.push(mention);
    else break;
  }
  return chain.slice(0, listed);
}

/** Whether the mentions name one state ("Russia's President Putin") or one list of states ("France and Italy"). */
function oneList(text: string, mentions: readonly PartyMention[]): boolean {
  const distinct = mentions.filter((mention, index) => index === 0 || mentions[index - 1]!.code !== mention.code);
  return distinct.length === 0 || listFrom(text, distinct, distinct[0]!).length === distinct.length;
}

function codesOf(mentions: readonly PartyMention[]): string[] {
  return [...new Set(mentions.map((mention) => mention.code))];
}

import type { LegislativeStage } from '@timeline/treaty';
import type { ProposalType } from '../extraction.types';
import { findAnaphor, type Anaphor } from '../dates/anaphoric-phrases';
import { findDates, type DateMention } from '../dates/date-parser';
import { nearestDate } from '../dates/nearest-date';
import type { ResolvedDate } from '../dates/resolve-date';
import { findBody, type BodyMention } from '../lexicon/bodies';
import { findParties, type PartyMention } from '../lexicon/countries';
import { findReading } from '../lexicon/readings';
import type { Sentence } from '../text/sentences';
import { findTreatyNouns, ratificationLaws, treatyNounPlaces, type TreatyNoun } from '../treaties/treaty-nouns';
import { findTriggers } from './act-triggers';
import { actingStates } from './acting-states';
import { clauseAround, conjuncts, segmentsAround, type Span } from './clauses';
import { comparedStates, withoutComparedStates, type ComparedStates } from './compared-states';
import { readVerb } from './verb-context';

/** A treaty act a sentence reports, before it is matched to a treaty and checked against the article. */
export interface ActFinding {
  readonly type: ProposalType;
  /** An approval verb without a chamber: a vote of the chamber this article already named, if any. */
  readonly needsBody: boolean;
  readonly consentType?: string;
  readonly verb: Span;
  readonly clause: Span;
  readonly parties: readonly PartyMention[];
  /**
   * States named only as having done the act first ("After France, Italy ratified the treaty"): none does this act,
   * each counts for a treaty it is a party of and against none (`ComparedStates.actedBefore`).
   */
  readonly actedBefore: readonly string[];
  /** The states that do it, if it is a state's own act: its verb's subject or agent (`actingStates`). */
  readonly actors: readonly string[];
  readonly body?: BodyMention;
  /** A chamber's vote: the reading the clause names ("in the first reading"), if any. */
  readonly stage?: LegislativeStage;
  readonly noun: TreatyNoun | undefined;
  readonly date?: ResolvedDate;
  /** Without a date, a phrase of the clause that dates the act by an earlier one ("on the same day"). */
  readonly anaphor?: Anaphor;
  /** The verb is present or present perfect ("Russia and Iran sign", "has signed"): news of the day. */
  readonly present: boolean;
  /** The verb comes from the clause before ("Russia signed X in June, and in December, Y with Belarus"). */
  readonly gapped: boolean;
}

const MAX_PARTY_SEGMENTS = 3;
/** How far (in characters) an act verb may stand from its treaty noun: about twenty words. */
const NEAR_NOUN = 150;

export function findActs(text: string, sentence: Sentence, publishedOn: string): ActFinding[] {
  // Cheap checks first: compromise tags a sentence only when an act verb stands near a treaty noun.
  // A sentence that names no treaty may name the law that ratifies one.
  const named = treatyNounPlaces(sentence.text);
  const laws = named.length === 0 ? ratificationLaws(sentence.text, 0) : [];
  const places = named.length > 0 ? named : laws.map((law) => law.start);
  const verbs = findTriggers(sentence.text, 0);
  if (!verbs.some((verb) => places.some((place) => Math.abs(place - verb.start) <= NEAR_NOUN))) return [];
  const nouns =
    named.length > 0
      ? findTreatyNouns(sentence.text, sentence.start, sentence.terms)
      : ratificationLaws(sentence.text, sentence.start);
  if (nouns.length === 0) return [];
  const dates = findDates(sentence.text, sentence.start, publishedOn);
  const findings: ActFinding[] = [];
  for (const conjunct of conjuncts(text, sentence, dates)) {
    const triggers = findTriggers(text.slice(conjunct.start, conjunct.end), conjunct.start);
    const before = findings.at(-1);
    if (triggers.length === 0 && before && before.verb.end <= conjunct.start) {
      const gapped = gappedAct(text, conjunct, before, nouns, dates, publishedOn);
      if (gapped) findings.push(gapped);
      continue;
    }
    for (const trigger of triggers) {
      const verb = readVerb(text, sentence, trigger, sentence.terms);
      if (!verb.real) continue;
      const clause = clauseAround(text, conjunct, trigger);
      const noun = nearestNoun(nouns, trigger, clause);
      if (!noun || noun.plural) continue;
      const { parties, actedBefore } = partiesAround(text, clause, trigger);
      const clausePartyMentions = withoutComparedStates(
        text,
        clause,
        trigger,
        findParties(text.slice(clause.start, clause.end), clause.start),
      );
      const body = trigger.approval
        ? findBody(text.slice(clause.start, clause.end), clause.start, clausePartyMentions)
        : undefined;
      const stage = body ? findReading(text.slice(clause.start, clause.end)) : undefined;
      const ratifyWord = /^ratif/i.test(trigger.text);
      if (trigger.approval && !body && !ratifyWord) continue;
      const date = nearestDate(dates, clause, trigger, publishedOn, {
        past: verb.past,
        notAfterPublication: verb.past,
      });
      const anaphor = date ? undefined : anaphorOf(text, clause, conjunct);
      findings.push({
        type: trigger.type,
        needsBody: trigger.approval && !body,
        ...(trigger.consentType ? { consentType: trigger.consentType } : {}),
        verb: trigger,
        clause,
        parties,
        actedBefore: [...new Set(actedBefore.map((mention) => mention.code))],
        actors: actingStates(text, clause, trigger, parties),
        ...(body ? { body } : {}),
        ...(stage ? { stage } : {}),
        noun,
        ...(date ? { date } : {}),
        ...(anaphor ? { anaphor } : {}),
        present: verb.recent,
        gapped: false,
      });
    }
  }
  return findings;
}

/** "..., and in December, a security treaty with Belarus": its own date, treaty and party, the verb before. */
function gappedAct(
  text: string,
  conjunct: Span,
  before: ActFinding,
  nouns: readonly TreatyNoun[],
  dates: readonly DateMention[],
  publishedOn: string,
): ActFinding | undefined {
  const noun = nouns.find((candidate) => candidate.start >= conjunct.start && candidate.end <= conjunct.end);
  const parties = noun
    ? withoutComparedStates(text, conjunct, noun, findParties(text.slice(conjunct.start, conjunct.end), conjunct.start))
    : [];
  if (!noun || noun.plural || parties.length === 0) return undefined;
  const past = !before.present;
  const date = nearestDate(dates, conjunct, noun, publishedOn, { past, notAfterPublication: past });
  if (!date) return undefined;
  return { ...before, verb: noun, clause: conjunct, parties, actedBefore: [], noun, date, gapped: true };
}

/**
 * A phrase of the verb's clause that points back to an earlier event ("on the same day"). The clause ends at
 * "that", so "approved the treaty that day" would lose its phrase: one that starts where the clause ends counts.
 */
function anaphorOf(text: string, clause: Span, conjunct: Span): Anaphor | undefined {
  const anaphor = findAnaphor(text, { start: clause.start, end: conjunct.end });
  return anaphor && anaphor.start <= clause.end ? anaphor : undefined;
}

function nearestNoun(nouns: readonly TreatyNoun[], at: Span, clause: Span): TreatyNoun | undefined {
  const distance = (noun: TreatyNoun) =>
    Math.max(at.start - noun.end, noun.start - at.end, 0) +
    (noun.start >= clause.start && noun.end <= clause.end ? 0 : 1000);
  return [...nouns].sort((a, b) => distance(a) - distance(b))[0];
}

/**
 * The parties named in the verb's comma segment and the few before it (where a subject stands: "Pezeshkian of
 * Iran and his Russian counterpart, Vladimir V. Putin, signed"), never those after it ("Unlike a similar agreement
 * with North Korea ratified in October, the Iran treaty ..."), nor those named to compare the act with their own
 * ("Like Germany, France ratified the treaty with Italy"), those named as having acted first apart ("After France,
 * Italy ratified": `comparedStates`).
 */
function partiesAround(text: string, clause: Span, at: Span): ComparedStates {
  const segments = segmentsAround(text, clause, at).slice(0, MAX_PARTY_SEGMENTS);
  // Read in the whole clause, then kept by segment: a name the commas cut ("in Paris, Texas.") is read whole.
  const mentions = findParties(text.slice(clause.start, clause.end), clause.start).filter((mention) =>
    segments.some((segment) => segment.start <= mention.start && mention.start < segment.end),
  );
  return comparedStates(text, clause, at, mentions);
}

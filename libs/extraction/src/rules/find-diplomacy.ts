import { findAnaphor, type Anaphor } from '../dates/anaphoric-phrases';
import { findDates, type DateMention } from '../dates/date-parser';
import { nearestDate } from '../dates/nearest-date';
import type { ResolvedDate } from '../dates/resolve-date';
import { findParties, type PartyMention } from '../lexicon/countries';
import { outsideQuotedSpeech } from '../text/quoted-speech';
import type { Sentence, Term } from '../text/sentences';
import { findTreatyNouns, mentionsTreaty, type TreatyNoun } from '../treaties/treaty-nouns';
import type { Span } from './clauses';
import { withoutComparedStates } from './compared-states';
import { readVerb } from './verb-context';

/** A statement about a treaty, or talks: diplomacy shown in a treaty's timeline, never a legal act. */
export type DiplomacyFinding =
  | {
      readonly type: 'statement';
      readonly speaker: string;
      readonly speakerParty?: string;
      readonly verb: Span;
      readonly parties: readonly PartyMention[];
      /**
       * How the sentence names the treaty, outside the speaker's quoted words; undefined when only those name it
       * ("Putin called it a “breakthrough document”": the speaker's word for a treaty the article is on, not "a"
       * treaty other than it).
       */
      readonly noun: TreatyNoun | undefined;
      readonly date?: ResolvedDate;
      /** Without a date, a phrase that dates the words by an earlier event ("said at the time"). */
      readonly anaphor?: Anaphor;
    }
  | {
      readonly type: 'negotiations';
      readonly stage: 'announced' | 'held';
      readonly topic: string;
      readonly verb: Span;
      readonly parties: readonly PartyMention[];
      readonly noun: TreatyNoun | undefined;
      readonly date?: ResolvedDate;
      readonly anaphor?: Anaphor;
    };

const SAYING = /\b(?:said|says|stated|told|wrote|added|declared|called|referred\s+to)\b/gi;
const TALKS = /\b(?:talks|negotiations)\b/i;
const ANNOUNCED =
  /\b(?:announced|announces|will\s+hold|to\s+be\s+held|plans?\s+to\s+hold|agreed\s+to\s+hold|proposed)\b/i;
const HELD = /\b(?:held|holds|began|begins|opened|took\s+place|resumed|started)\b/i;
/** How far before a speaker's name a demonym or country still describes them ("Russian Deputy Foreign Minister"). */
const TITLE_REACH = 40;
/** Diplomacy is dated as chrono reads the words, and never after the publication. */
const UNSHIFTED = { past: false, notAfterPublication: true } as const;

export function findDiplomacy(text: string, sentence: Sentence, publishedOn: string): DiplomacyFinding[] {
  const saying = mentionsTreaty(sentence.text) && new RegExp(SAYING.source, 'i').test(sentence.text);
  if (!saying && !TALKS.test(sentence.text)) return [];
  const findings: DiplomacyFinding[] = [];
  const dates = findDates(sentence.text, sentence.start, publishedOn);
  const parties = findParties(sentence.text, sentence.start);
  const nouns = findTreatyNouns(sentence.text, sentence.start, sentence.terms).filter((noun) => !noun.plural);
  const talks = negotiations(text, sentence, parties, nouns, dates, publishedOn);
  if (talks) findings.push(talks);
  if (nouns.length === 0) return findings;
  const speech = outsideQuotedSpeech(sentence.text);
  for (const match of sentence.text.matchAll(SAYING)) {
    const verb = { start: sentence.start + match.index, end: sentence.start + match.index + match[0].length };
    if (!readVerb(text, sentence, verb, sentence.terms).real) continue;
    const speaker = nearestPerson(text, sentence.terms, parties, verb);
    // One statement per speaker and sentence: "X said ..., while Y said ..." is two, "X said ... and added" one.
    if (!speaker || findings.some((other) => other.type === 'statement' && other.speaker === speaker.text)) continue;
    // A state named to compare is no state concerned, nor the speaker's ("Like Germany, France said ...").
    const concerned = withoutComparedStates(text, sentence, verb, parties);
    const titled = concerned.filter((party) => party.end <= speaker.start && speaker.start - party.end <= TITLE_REACH);
    const own = concerned.find(
      (party) => party.kind === 'leader' && party.start >= speaker.start && party.end <= speaker.end,
    );
    const speakerParty = own?.code ?? titled.at(-1)?.code;
    // A weekday in a statement's sentence is as often another event's ("the inauguration on Monday"): only a
    // date that is not after the publication, as chrono reads it, dates the statement.
    const date = nearestDate(dates, sentence, verb, publishedOn, UNSHIFTED);
    const anaphor = date ? undefined : findAnaphor(text, sentence);
    findings.push({
      type: 'statement',
      speaker: speaker.text,
      ...(speakerParty ? { speakerParty } : {}),
      verb,
      parties: concerned,
      noun: nouns.find((noun) => !inQuotedSpeech(noun, sentence, speech)),
      ...(date ? { date } : {}),
      ...(anaphor ? { anaphor } : {}),
    });
  }
  return findings;
}

function negotiations(
  text: string,
  sentence: Sentence,
  parties: readonly PartyMention[],
  nouns: readonly TreatyNoun[],
  dates: readonly DateMention[],
  publishedOn: string,
): DiplomacyFinding | undefined {
  const talk = TALKS.exec(sentence.text);
  if (!talk) return undefined;
  const announced = ANNOUNCED.exec(sentence.text);
  const held = HELD.exec(sentence.text);
  const stageMatch = announced ?? held;
  if (!stageMatch) return undefined;
  const verb = {
    start: sentence.start + stageMatch.index,
    end: sentence.start + stageMatch.index + stageMatch[0].length,
  };
  const talkStart = sentence.start + talk.index;
  const modifiers = sentence.terms.filter((term) => term.end <= talkStart && talkStart - term.end < 40).reverse();
  const topicWords: Term[] = [];
  for (const term of modifiers) {
    if (!(term.tags.has('Adjective') || term.tags.has('Noun')) || term.tags.has('Verb') || /[,.;]$/.test(term.text))
      break;
    topicWords.unshift(term);
  }
  const topic = [...topicWords.map((term) => term.text), talk[0]].join(' ');
  // Talks announced for "this Saturday" are dated by the announcement, never by the talks ahead.
  const date = nearestDate(dates, sentence, verb, publishedOn, UNSHIFTED);
  const anaphor = date ? undefined : findAnaphor(text, sentence);
  return {
    type: 'negotiations',
    stage: announced ? 'announced' : 'held',
    topic,
    verb,
    // "Like Germany, France held talks with Italy": Germany is no side of the talks (decision 0113).
    parties: withoutComparedStates(text, sentence, verb, parties),
    noun: nouns[0],
    ...(date ? { date } : {}),
    ...(anaphor ? { anaphor } : {}),
  };
}

/** Whether a treaty noun is inside the speaker's quoted words (blanked in `speech`, the sentence outside them). */
function inQuotedSpeech(noun: TreatyNoun, sentence: Sentence, speech: string): boolean {
  return speech.slice(noun.start - sentence.start, noun.end - sentence.start).trim() === '';
}

/** Titles compromise counts as part of a name ("Minister Andrei Rudenko"), left out of the speaker. */
const TITLE_WORDS =
  /^(?:(?:Mr|Mrs|Ms|Dr|President|Prime|Deputy|Foreign|Minister|Speaker|Ambassador|Spokesman|Spokeswoman|Ayatollah|Supreme|Leader)\.?\s+)+/;

/**
 * The speaker: a run of words compromise tags as a person, or a leader the lexicon knows, nearest to the verb
 * (before it first), as the text spells it, without titles or dates.
 */
function nearestPerson(
  text: string,
  terms: readonly Term[],
  parties: readonly PartyMention[],
  verb: Span,
): (Span & { text: string }) | undefined {
  const runs: Span[] = parties.filter((party) => party.kind === 'leader');
  let run: Term[] = [];
  const close = () => {
    if (run.length > 0) runs.push({ start: run[0]!.start, end: run.at(-1)!.end });
    run = [];
  };
  for (const term of terms) {
    const name = term.tags.has('Person') && !term.tags.has('Pronoun') && !term.tags.has('Date');
    const previous = run.at(-1);
    // Punctuation between two words ends a name: "In January, Putin" is not a person called "January Putin".
    if (!name || (previous && /\S/.test(text.slice(previous.end, term.start).replace(/[.]/g, '')))) close();
    if (name) run.push(term);
  }
  close();
  const distance = (candidate: Span) =>
    candidate.end <= verb.start ? verb.start - candidate.end : candidate.start - verb.end + 20;
  // A possessive is not a speaker: "Putin called Mr Pezeshkian’s visit important and said ..." is Putin's.
  const possessive = (candidate: Span) =>
    /[’']s$/.test(text.slice(candidate.start, candidate.end)) ||
    /^[’']s\b/.test(text.slice(candidate.end, candidate.end + 3));
  const best = runs.filter((candidate) => !possessive(candidate)).sort((a, b) => distance(a) - distance(b))[0];
  if (!best) return undefined;
  const covering = runs.filter((other) => other.start <= best.end && best.start <= other.end);
  const start = Math.min(...covering.map((other) => other.start));
  const end = Math.max(...covering.map((other) => other.end));
  const name = text
    .slice(start, end)
    .replace(/[^\p{L}\p{N}.]+$/u, '')
    .replace(/\s+/g, ' ')
    .replace(TITLE_WORDS, '');
  return name.length > 0 ? { start, end, text: name } : undefined;
}

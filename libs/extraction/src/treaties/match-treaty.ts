import { openToStatesNotParties, partialDatesAgree } from '@timeline/treaty';
import type { KnownTreaty, ProposalType } from '../extraction.types';
import { namesTitle, titleScore, titleWords, wordsOf, type TitleWords } from './title-words';
import type { TreatyNoun } from './treaty-nouns';

/** What a sentence says about the treaty an act concerns. */
export interface TreatyClues {
  /** Parties named around the act's verb. */
  readonly parties: readonly string[];
  /**
   * States named as having done the act first ("After France, Italy ratified the treaty"): each counts for a treaty
   * it is a party of, as a party named would, and against none (decision 0113).
   */
  readonly actedBefore?: readonly string[];
  /** The act's clause: its distinctive words are compared with titles (common ones only in the treaty noun). */
  readonly text: string;
  readonly noun: TreatyNoun | undefined;
  /** The treaty the article has been talking about, if any. */
  readonly focus: string | undefined;
  readonly act: {
    readonly type: ProposalType;
    readonly consentType?: string;
    readonly party?: string;
    readonly body?: string;
    readonly occurredOn?: string;
  };
}

export interface TreatyMatch {
  readonly treaty: KnownTreaty;
  readonly parties: readonly string[];
  /**
   * How the match was made, for the confidence: by parties named, by the title alone (a state joining a treaty it
   * is not a party of), or only through the article's focus.
   */
  readonly by: 'parties' | 'title' | 'focus';
  readonly ambiguous: boolean;
}

/** Scores closer than this (a common title word) leave the choice to the editor, with a lower confidence. */
const AMBIGUOUS_MARGIN = 0.5;
const titleCache = new WeakMap<KnownTreaty, TitleWords>();

/**
 * The registered treaty an act is about. A candidate must have the parties named around the verb (all of them
 * when two or more are named, unless the title's own words point to it); a definite "the pact" with no party named
 * is the article's focus, an indefinite "an agreement" another treaty between the focus's parties. A treaty none of
 * whose parties is named is a candidate only for a state's act that the decider takes from a state not yet a party
 * (its accession, its chamber's approval of it: `openToStatesNotParties`), and only when the clause names the
 * treaty's title (`namesTitle`). Ties are broken by the title's distinctive words, the record (a signature on record
 * in 2025 is not one reported for 2001), and the focus.
 */
export function matchTreaty(clues: TreatyClues, known: readonly KnownTreaty[]): TreatyMatch | undefined {
  const focus = known.find((treaty) => treaty.id === clues.focus);
  const named = clues.parties;
  const actedBefore = (clues.actedBefore ?? []).filter((code) => !named.includes(code));
  let candidates: { treaty: KnownTreaty; score: number; by: TreatyMatch['by'] }[];
  if (named.length === 0) {
    if (!focus) return undefined;
    // "the pact" is the focus unless the record says otherwise; "an agreement" another between the same parties.
    const another = clues.noun?.determiner === 'indefinite';
    const sameSides = known.filter((treaty) => treaty !== focus && sameParties(treaty, focus));
    candidates = (another ? sameSides : [focus, ...sameSides]).map((treaty) => ({
      treaty,
      score: 0,
      by: 'focus' as const,
    }));
  } else {
    const clauseWords = new Set(wordsOf(clues.text));
    const nounWords = new Set(wordsOf(clues.noun?.phrase ?? ''));
    candidates = known
      .map((treaty) => {
        const shared = named.filter((code) => treaty.parties.includes(code)).length;
        const foreign = named.length - shared;
        const title = titleWordsOf(treaty);
        const words = titleScore(title, clauseWords, nounWords);
        if (shared === 0) {
          const joining = clues.act.party !== undefined && openToStatesNotParties(clues.act, treaty.kind);
          // Scored as a treaty the joining state were a party of (one shared, one foreign fewer), and one more for
          // naming its title: a treaty of the state's own whose title the clause names no more of does not outrank it.
          const asIfAParty = partyScore(1, foreign - 1, words);
          const score = joining && namesTitle(title, clauseWords) ? asIfAParty + 1 : -Infinity;
          return { treaty, score, by: 'title' as const };
        }
        // A state that acted first is this treaty's other party, or a party of its own treaty: for, never against.
        const alsoShared = shared + actedBefore.filter((code) => treaty.parties.includes(code)).length;
        const enough = alsoShared >= 2 || foreign === 0 || words >= 1;
        return { treaty, score: enough ? partyScore(alsoShared, foreign, words) : -Infinity, by: 'parties' as const };
      })
      .filter((candidate) => candidate.score > -Infinity);
  }
  for (const candidate of candidates) {
    candidate.score += recordFit(candidate.treaty, clues.act);
    if (candidate.treaty === focus && clues.noun?.determiner !== 'indefinite') candidate.score += 0.5;
  }
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (!best) return undefined;
  return {
    treaty: best.treaty,
    parties: best.treaty.parties.filter((code) => named.includes(code) || actedBefore.includes(code)),
    by: best.by,
    ambiguous: candidates.length > 1 && best.score - candidates[1]!.score < AMBIGUOUS_MARGIN,
  };
}

/** +1 when the record has this act at an agreeing date, -2 when it has it at another date. */
function recordFit(treaty: KnownTreaty, act: TreatyClues['act']): number {
  if (!act.occurredOn || !treaty.developments) return 0;
  const same = treaty.developments.filter(
    (development) =>
      development.type === act.type &&
      (act.party === undefined || !development.party || development.party === act.party) &&
      (act.body === undefined || !development.body || sameBody(development.body, act.body)),
  );
  if (same.length === 0) return 0;
  return same.some((development) => partialDatesAgree(development.occurredOn, act.occurredOn!)) ? 1 : -2;
}

export function sameBody(a: string, b: string): boolean {
  const normal = (body: string) => body.toLowerCase().replace(/\s+/g, '');
  return normal(a) === normal(b);
}

/** A candidate's score: its parties the clause names count twice, others named count against, title words for. */
function partyScore(shared: number, foreign: number, titleWords: number): number {
  return shared * 2 - foreign + titleWords;
}

function sameParties(a: KnownTreaty, b: KnownTreaty): boolean {
  return a.parties.length === b.parties.length && a.parties.every((code) => b.parties.includes(code));
}

function titleWordsOf(treaty: KnownTreaty): TitleWords {
  let words = titleCache.get(treaty);
  if (!words) {
    words = titleWords(treaty.title);
    titleCache.set(treaty, words);
  }
  return words;
}

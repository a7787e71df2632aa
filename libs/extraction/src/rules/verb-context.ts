import type { Term } from '../text/sentences';
import type { Span } from './clauses';

/**
 * Words just before a verb that make the act unreal, future or wished for: "cannot take effect", "to sign" ("agreed to
 * formally sign"). Not the "to" of a phrase of comparison (decision 0103): in "Similar to Germany, France ratified"
 * and "In contrast to Germany, ..." the verb is France's own (decision 0113).
 */
const UNREAL =
  /\b(?:cannot|can't|not|never|n't|will|would|could|may|might|must|should|shall|until|once|if)\s+(?:\S+\s+){0,2}$|(?<!\b(?:similar(?:ly)?|contrast)\s+)\bto\s+(?:\S+\s+){0,2}$/i;
const PERFECT_OR_PASSIVE = /\b(?:has|have|had|was|were|been|is|are|being)\s+$/i;

export interface VerbReading {
  /** The act is reported as having happened (not denied, not future, not conditional). */
  readonly real: boolean;
  /** Past tense or a participle: "signed", "has signed", "was ratified". Present: a headline's "sign". */
  readonly past: boolean;
  /** Present or present perfect ("sign", "has signed"): news of the day when no date is given. */
  readonly recent: boolean;
}

/** How a trigger verb is used, from the words before it and compromise's tags. */
export function readVerb(text: string, sentence: Span, trigger: Span, terms: readonly Term[]): VerbReading {
  const before = text.slice(sentence.start, trigger.start);
  const term = terms.find((candidate) => candidate.start <= trigger.start && trigger.start < candidate.end);
  const tags = term?.tags ?? new Set<string>();
  const noun = tags.has('Noun') && !tags.has('Verb');
  const perfect = PERFECT_OR_PASSIVE.test(before);
  const past =
    perfect || tags.has('PastTense') || tags.has('Participle') || /ed\b/i.test(text.slice(trigger.start, trigger.end));
  const recent = !past || /\b(?:has|have)\s+$/i.test(before);
  return { real: !noun && !UNREAL.test(before.slice(-40)), past, recent };
}

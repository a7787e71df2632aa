import { namesTitle, titleScore, titleWords, wordsOf } from './title-words';
import { treatyNounPlaces } from './treaty-nouns';

/** At most this many treaties are read for an article by title: the best named first. */
export const MOST_NAMED_BY_TITLE = 10;

/**
 * How far around a treaty noun a title's words are looked for, within its sentence: "the Treaty on the
 * Non-Proliferation of ...".
 */
const BEFORE_NOUN = 80;
const AFTER_NOUN = 120;
/** At most this many words to search titles for: an article names a few treaties, not hundreds. */
const MOST_SEARCH_WORDS = 200;

/**
 * The words to search the registry's titles for: those around the article's treaty nouns that can tell one title
 * from another (`titleWords`: no party names, function words or treaty nouns), in the article's order. A search
 * for them finds the candidates; `treatiesNamedByTitle` says which the article names.
 */
export function titleSearchWords(text: string): string[] {
  const words = new Set<string>();
  for (const place of treatyNounPlaces(text)) {
    const around = withinSentence(
      text.slice(Math.max(0, place - BEFORE_NOUN), place),
      text.slice(place, place + AFTER_NOUN),
    );
    for (const [word, weight] of titleWords(around)) {
      if (weight === 1) words.add(word);
      if (words.size === MOST_SEARCH_WORDS) return [...words];
    }
  }
  return [...words];
}

/** The text before and after a treaty noun, each cut at the sentence's end: a title never runs past it. */
function withinSentence(before: string, after: string): string {
  const start = before.search(/[.!?]\s(?!.*[.!?]\s)/su);
  const end = after.search(/[.!?](\s|$)/u);
  return `${start < 0 ? before : before.slice(start + 2)}${end < 0 ? after : after.slice(0, end)}`;
}

/**
 * Of `treaties`, those whose title the article names anywhere (two distinctive words of it, or all of a shorter
 * one: `namesTitle`), the best named first, at most MOST_NAMED_BY_TITLE. These are the candidates no party named
 * leads to: a state joining a convention it is not yet a party of ("Uzbekistan acceded to the Convention on ...")
 * names no party of it. Whether a sentence's act is such a joining is the matching's to say, clause by clause.
 */
export function treatiesNamedByTitle<Treaty extends { readonly title: string }>(
  text: string,
  treaties: readonly Treaty[],
): Treaty[] {
  const article = new Set(wordsOf(text));
  const none = new Set<string>();
  return treaties
    .map((treaty) => {
      const words = titleWords(treaty.title);
      return { treaty, score: namesTitle(words, article) ? titleScore(words, article, none) : 0 };
    })
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, MOST_NAMED_BY_TITLE)
    .map((candidate) => candidate.treaty);
}

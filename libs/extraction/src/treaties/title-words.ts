import { findParties } from '../lexicon/countries';

/**
 * The words of a treaty's title that can tell it from other treaties between the same parties: party names and
 * function words left out, and words that nearly every bilateral treaty's title has ("cooperation",
 * "partnership", "relations") weighing less than distinctive ones ("free trade", "security", "strategic").
 */
const FUNCTION_WORDS = new Set(
  'the a an of on and or between within its their in for to with by from other one part parts member states state'.split(
    ' ',
  ),
);
const TREATY_NOUNS = new Set(
  'treaty agreement pact deal accord convention protocol contract charter memorandum'.split(' '),
);
const COMMON = new Set(
  'cooperation partnership friendship relations mutual basis principles good neighbourliness'.split(' '),
);
const COMMON_WEIGHT = 0.25;

export type TitleWords = ReadonlyMap<string, number>;

export function titleWords(title: string): TitleWords {
  let rest = title;
  for (const mention of findParties(title).reverse())
    rest = rest.slice(0, mention.start) + ' ' + rest.slice(mention.end);
  const words = new Map<string, number>();
  for (const word of wordsOf(rest)) {
    if (
      FUNCTION_WORDS.has(word) ||
      TREATY_NOUNS.has(word) ||
      /^(russian|federation|islamic|republic|democratic|people'?s|kingdom|united)$/.test(word)
    )
      continue;
    words.set(word, COMMON.has(word) ? COMMON_WEIGHT : 1);
  }
  return words;
}

/**
 * How much of a title's vocabulary a clause uses, given the clause's words and its noun phrase's (`wordsOf`):
 * distinctive words anywhere in it, common ones only in the treaty's own noun phrase ("a cooperation treaty", not
 * "relations with Iran").
 */
export function titleScore(words: TitleWords, inClause: ReadonlySet<string>, inNoun: ReadonlySet<string>): number {
  let score = 0;
  for (const [word, weight] of words) {
    if (weight < 1 ? inNoun.has(word) : inClause.has(word)) score += weight;
  }
  return score;
}

/**
 * Whether a text (its words) names a title: two of its distinctive words, or every one of a title that has fewer
 * ("the Ramsar Convention"). A title of common words only ("Treaty of Friendship") names no treaty.
 */
export function namesTitle(title: TitleWords, inText: ReadonlySet<string>): boolean {
  let distinctive = 0;
  let named = 0;
  for (const [word, weight] of title) {
    if (weight < 1) continue;
    distinctive += 1;
    if (inText.has(word)) named += 1;
  }
  return distinctive > 0 && named >= Math.min(2, distinctive);
}

/** A text's words, lower case and without diacritics ("Genève" and "Geneve" are one word), as titles compare them. */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/'s$/, ''))
    .filter((word) => word.length > 1);
}

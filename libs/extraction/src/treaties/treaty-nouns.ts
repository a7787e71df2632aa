import type { Term } from '../text/sentences';

/** How a text refers to a treaty: "the comprehensive strategic cooperation agreement", "a similar pact", "it". */
export interface TreatyNoun {
  readonly start: number;
  readonly end: number;
  /** The modifiers and the noun, without the determiner: "comprehensive strategic cooperation agreement". */
  readonly phrase: string;
  readonly determiner: 'definite' | 'indefinite' | 'none';
  readonly plural: boolean;
}

const NOUN =
  /\b(treat(?:y|ies)|agreements?|pacts?|deals?|accords?|conventions?|protocols?|contracts?|charters?|memorand(?:um|a)|partnership|document)\b/giu;
const DEFINITE = /^(the|this|that|these|those|its|their|his|her|our)$/i;
const INDEFINITE = /^(a|an|another)$/i;
const MODIFIER_TAGS = ['Adjective', 'Noun', 'Value', 'Cardinal', 'Demonym', 'Place', 'ProperNoun', 'Possessive'];
const MAX_MODIFIERS = 5;

/**
 * "The Mazhilis approved the ratification law": where a sentence names no treaty, the law or bill that ratifies one
 * stands for it. Its phrase is "treaty": the words name no treaty of their own.
 */
const RATIFICATION_LAW =
  /\b(?:ratification\s+(?:law|bill)|(?:law|bill)\s+(?:on\s+(?:the\s+)?ratification|ratifying))\b/giu;

/** The ratification laws and bills of a text that names no treaty, each as the treaty it ratifies. */
export function ratificationLaws(text: string, offset: number): TreatyNoun[] {
  return [...text.matchAll(RATIFICATION_LAW)].map((match) => ({
    start: offset + match.index,
    end: offset + match.index + match[0].length,
    phrase: 'treaty',
    determiner: 'definite',
    plural: false,
  }));
}

/** Whether a text has a treaty noun at all: a test that needs no tagging. */
export function mentionsTreaty(text: string): boolean {
  return new RegExp(NOUN.source, 'iu').test(text);
}

/** Where a text's treaty nouns are, untagged: for cheap tests of what is near them. */
export function treatyNounPlaces(text: string): number[] {
  return [...text.matchAll(NOUN)].map((match) => match.index);
}

/** The treaty nouns of a stretch of text, with their modifiers and determiner read from compromise's tags. */
export function findTreatyNouns(text: string, offset: number, terms: readonly Term[]): TreatyNoun[] {
  const nouns: TreatyNoun[] = [];
  for (const match of text.matchAll(NOUN)) {
    const start = offset + match.index;
    const end = start + match[0].length;
    const after = text.slice(match.index + match[0].length);
    // "partnership treaty": the first noun modifies the second.
    if (/^\s+(treat|agreement|pact|deal|accord|contract|document)/i.test(after)) continue;
    const before = terms.filter((term) => term.end <= start).reverse();
    let phraseStart = start;
    let determiner: TreatyNoun['determiner'] = 'none';
    for (const term of before.slice(0, MAX_MODIFIERS + 1)) {
      const word = term.text.replace(/[^\p{L}\p{N}’'-]/gu, '');
      if (DEFINITE.test(word)) {
        determiner = 'definite';
        break;
      }
      if (INDEFINITE.test(word)) {
        determiner = 'indefinite';
        break;
      }
      const modifier = MODIFIER_TAGS.some((tag) => term.tags.has(tag)) && !term.tags.has('Verb');
      if (!modifier || /[,.;:]$/.test(term.text)) break;
      phraseStart = term.start;
    }
    nouns.push({
      start,
      end,
      phrase: `${sliceOf(text, offset, phraseStart, start)}${match[0]}`.replace(/\s+/g, ' '),
      determiner,
      plural: /(?:ies|s|memoranda)$/i.test(match[0]),
    });
  }
  return nouns;
}

function sliceOf(text: string, offset: number, from: number, to: number): string {
  return text.slice(from - offset, to - offset);
}

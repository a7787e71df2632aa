import type { PartyMention } from './countries';

/** Where a chamber's name stands, by offsets in the whole text. */
interface Place {
  readonly start: number;
  readonly end: number;
}

/** Capitalised words beside a chamber that are not its state: "Tuesday's Senate vote", "the Senate of the Republic". */
const NOT_STATES = new RegExp(
  '^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|' +
    'September|October|November|December|Republic|Parliament|Union|Assembly|Congress|Council|House|Senate|Chamber|' +
    'Federation|Government|Kingdom)$',
);

/**
 * The country a generic chamber word belongs to: the one named as its owner ("Italy's Senate", "the parliament of
 * Iran"); none when the owner is a name the lexicon does not know ("Ruritania's Senate"); else the country named
 * nearest to it, but never one named as the other side of a treaty ("approved the treaty with France"): a state makes
 * no treaty with itself. No country rather than a wrong one (decision 0081).
 */
export function ownerOf(
  text: string,
  offset: number,
  place: Place,
  parties: readonly PartyMention[],
): PartyMention | undefined {
  const countries = parties.filter((mention) => mention.kind === 'name');
  const owner = countries.find((mention) => owns(text, offset, mention, place));
  if (owner) return owner;
  if (ownedByAnUnknownName(text, offset, place, parties)) return undefined;
  const otherSides = otherSidesOfATreaty(text, offset, countries);
  return nearest(
    countries.filter((mention) => !otherSides.has(mention)),
    place,
  );
}

/** Whether the country is named as the owner of what stands at `place`: just before it, possessive, or after "of". */
export function owns(text: string, offset: number, mention: PartyMention, place: Place): boolean {
  if (mention.end <= place.start) return /^(?:['’]s)?\s+$/.test(text.slice(mention.end - offset, place.start - offset));
  return /^\s+of\s+(?:the\s+)?$/.test(text.slice(place.end - offset, mention.start - offset));
}

/** A proper name that no party mention covers owns the chamber: "Ruritania's Senate", "the Senate of Ruritania". */
function ownedByAnUnknownName(text: string, offset: number, place: Place, parties: readonly PartyMention[]): boolean {
  const unknown = (start: number, word: string) =>
    !NOT_STATES.test(word) &&
    !parties.some((mention) => mention.start < offset + start + word.length && offset + start < mention.end);
  const before = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}-]*)['’]s\s+$/u.exec(text.slice(0, place.start - offset));
  if (before && unknown(before.index, before[1]!)) return true;
  // One word: "the lower house of the National Assembly" names a parliament, not a state.
  const after = /^\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}-]*)(?![\p{L}-]|\s+\p{Lu})/u.exec(text.slice(place.end - offset));
  return after !== null && unknown(place.end - offset + after[0].length - after[1]!.length, after[1]!);
}

/** Countries named after "with", and the list it opens: "the treaty with France", "with Oman and Tajikistan". */
function otherSidesOfATreaty(text: string, offset: number, countries: readonly PartyMention[]): Set<PartyMention> {
  const sides = new Set<PartyMention>();
  let previous: PartyMention | undefined;
  for (const mention of countries) {
    const listed =
      previous !== undefined &&
      sides.has(previous) &&
      /^(?:,\s*|,?\s+(?:and|or)\s+)(?:the\s+)?$/.test(text.slice(previous.end - offset, mention.start - offset));
    if (listed || /\bwith\s+(?:the\s+)?$/i.test(text.slice(0, mention.start - offset))) sides.add(mention);
    previous = mention;
  }
  return sides;
}

function nearest(mentions: readonly PartyMention[], place: Place): PartyMention | undefined {
  const distance = (mention: PartyMention) => Math.max(place.start - mention.end, mention.start - place.end, 0);
  return [...mentions].sort((a, b) => distance(a) - distance(b))[0];
}

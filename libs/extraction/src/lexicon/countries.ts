import { COMMUNITY_NAMES, communityForms } from './community-names';
import { PLACE_NAMES } from './place-names';
import { STATE_NAMES } from './state-names';
import { US_PLACE } from './us-places';

/**
 * How news text names parties: states (`state-names.ts`) and the organisations that sign treaties. Longer names are
 * tried first, so that "North Korea" is never read as "Korea", and the names of places that hold a state's name
 * (`place-names.ts`) are read with them and name none: "the Gulf of Guinea" is no Guinea (decision 0088). So are
 * communities named by two words that are each a state's (`community-names.ts`): "Greek Cypriot" is Cyprus alone,
 * "Turkish Cypriot" no state (decision 0104). Codes are ISO 3166-1 alpha-2, organisations their usual acronym, except
 * the African Union's: AU is Australia's (AFU, decision 0080).
 */
const NAMES: Readonly<Record<string, readonly string[]>> = {
  ...STATE_NAMES,
  EAEU: ['Eurasian Economic Union', 'EAEU', 'EEU'],
  EU: ['European Union', 'EU', 'Brussels'],
  NATO: ['North Atlantic Treaty Organization', 'NATO'],
  CSTO: ['Collective Security Treaty Organization', 'CSTO'],
  ASEAN: ['Association of Southeast Asian Nations', 'ASEAN'],
  AFU: ['African Union'],
};

/** Heads of state and government a report may name instead of the country. */
const LEADERS: Readonly<Record<string, readonly string[]>> = {
  RU: ['Vladimir Putin', 'Putin', 'Mikhail Mishustin', 'Sergei Lavrov', 'Lavrov', 'Vyacheslav Volodin', 'Volodin'],
  IR: ['Masoud Pezeshkian', 'Pezeshkian', 'Abbas Araghchi', 'Araghchi', 'Khamenei', 'Khatami'],
  KP: ['Kim Jong Un', 'Kim Jong-un'],
  BY: ['Alexander Lukashenko', 'Lukashenko'],
  US: ['Donald Trump', 'Trump', 'Joe Biden', 'Biden'],
  CN: ['Xi Jinping'],
  UA: ['Volodymyr Zelensky', 'Zelensky', 'Zelenskyy'],
};

/** A party named in a text, and where. */
export interface PartyMention {
  readonly code: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: 'name' | 'leader';
}

interface Entry {
  readonly name: string;
  readonly code: string;
  /** A place, or a community of no state: its name holds a state's, and names no party. */
  readonly kind: PartyMention['kind'] | 'place' | 'community';
}

const ENTRIES: readonly Entry[] = [
  ...Object.entries(NAMES).flatMap(([code, names]) => names.map((name) => ({ name, code, kind: 'name' as const }))),
  ...Object.entries(LEADERS).flatMap(([code, names]) => names.map((name) => ({ name, code, kind: 'leader' as const }))),
  ...PLACE_NAMES.map((name) => ({ name, code: '', kind: 'place' as const })),
  ...Object.entries(COMMUNITY_NAMES).flatMap(([community, code]) =>
    communityForms(community).map((name) =>
      code ? { name, code, kind: 'name' as const } : { name, code: '', kind: 'community' as const },
    ),
  ),
].sort((a, b) => b.name.length - a.name.length);

/** An American town and its state come first at a place: "Paris, Texas" is no Paris, "Atlanta, Georgia" no Georgia. */
const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?<usPlace>${US_PLACE})|(${ENTRIES.map((entry) => escape(entry.name)).join('|')})(?![\\p{L}\\p{N}]))`,
  'gu',
);
const BY_NAME = new Map(ENTRIES.map((entry) => [entry.name, entry]));

/**
 * Every party a text names, in order, with offsets shifted by `offset`. Upper-case acronyms must match case. A place
 * named after a state takes its span whole, and no party: the longest name at a place wins, state or place.
 */
export function findParties(text: string, offset = 0): PartyMention[] {
  const mentions: PartyMention[] = [];
  for (const match of text.matchAll(PATTERN)) {
    if (match.groups?.usPlace) continue;
    const entry = BY_NAME.get(match[0]);
    if (!entry || entry.kind === 'place' || entry.kind === 'community') continue;
    mentions.push({
      code: entry.code,
      start: offset + match.index,
      end: offset + match.index + match[0].length,
      text: match[0],
      kind: entry.kind,
    });
  }
  return mentions;
}

export function uniqueCodes(mentions: readonly PartyMention[]): string[] {
  return [...new Set(mentions.map((mention) => mention.code))];
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How news text names parties: country names, demonyms, capitals and seats of government used for the state
 * ("Moscow", "the Kremlin", "Pyongyang"), and organisations that sign treaties. Longer names are tried first, so
 * that "North Korea" is never read as "Korea". Codes are ISO 3166-1 alpha-2, organisations their usual acronym.
 */
const NAMES: Readonly<Record<string, readonly string[]>> = {
  RU: ['Russian Federation', 'Russia', 'Russian', 'Russians', 'Moscow', 'Kremlin', 'Russian-led'],
  IR: ['Islamic Republic of Iran', 'Islamic Republic', 'Iran', 'Iranian', 'Iranians', 'Tehran', 'Persian'],
  KP: ["Democratic People's Republic of Korea", 'North Korea', 'North Korean', 'Pyongyang', 'DPRK'],
  KR: ['Republic of Korea', 'South Korea', 'South Korean', 'Seoul'],
  BY: ['Belarus', 'Belarusian', 'Minsk'],
  UA: ['Ukraine', 'Ukrainian', 'Kyiv', 'Kiev'],
  CN: ["People's Republic of China", 'China', 'Chinese', 'Beijing'],
  US: ['United States of America', 'United States', 'U.S.', 'US', 'USA', 'American', 'Washington', 'White House'],
  GB: ['United Kingdom', 'Britain', 'British', 'London'],
  FR: ['France', 'French', 'Paris', 'Élysée'],
  DE: ['Germany', 'German', 'Berlin'],
  IN: ['India', 'Indian', 'New Delhi'],
  TR: ['Türkiye', 'Turkey', 'Turkish', 'Ankara'],
  SY: ['Syria', 'Syrian', 'Damascus'],
  IL: ['Israel', 'Israeli', 'Jerusalem'],
  SA: ['Saudi Arabia', 'Saudi', 'Riyadh'],
  AE: ['United Arab Emirates', 'UAE', 'Emirati', 'Abu Dhabi'],
  AM: ['Armenia', 'Armenian', 'Yerevan'],
  AZ: ['Azerbaijan', 'Azerbaijani', 'Baku'],
  KZ: ['Kazakhstan', 'Kazakh', 'Astana'],
  KG: ['Kyrgyzstan', 'Kyrgyz', 'Bishkek'],
  TJ: ['Tajikistan', 'Tajik', 'Dushanbe'],
  UZ: ['Uzbekistan', 'Uzbek', 'Tashkent'],
  TM: ['Turkmenistan', 'Turkmen', 'Ashgabat'],
  GE: ['Georgia', 'Georgian', 'Tbilisi'],
  MV: ['Maldives', 'Maldivian', 'Malé'],
  OM: ['Oman', 'Omani', 'Muscat'],
  KW: ['Kuwait', 'Kuwaiti'],
  QA: ['Qatar', 'Qatari', 'Doha'],
  BH: ['Bahrain', 'Bahraini', 'Manama'],
  JP: ['Japan', 'Japanese', 'Tokyo'],
  PK: ['Pakistan', 'Pakistani', 'Islamabad'],
  AF: ['Afghanistan', 'Afghan', 'Kabul'],
  IQ: ['Iraq', 'Iraqi', 'Baghdad'],
  EG: ['Egypt', 'Egyptian', 'Cairo'],
  VE: ['Venezuela', 'Venezuelan', 'Caracas'],
  CU: ['Cuba', 'Cuban', 'Havana'],
  BR: ['Brazil', 'Brazilian', 'Brasília', 'Brasilia'],
  PL: ['Poland', 'Polish', 'Warsaw'],
  CA: ['Canada', 'Canadian', 'Ottawa'],
  EAEU: ['Eurasian Economic Union', 'EAEU', 'EEU'],
  EU: ['European Union', 'EU', 'Brussels'],
  NATO: ['North Atlantic Treaty Organization', 'NATO'],
  CSTO: ['Collective Security Treaty Organization', 'CSTO'],
  ASEAN: ['Association of Southeast Asian Nations', 'ASEAN'],
  AU: ['African Union'],
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
  readonly kind: PartyMention['kind'];
}

const ENTRIES: readonly Entry[] = [
  ...Object.entries(NAMES).flatMap(([code, names]) => names.map((name) => ({ name, code, kind: 'name' as const }))),
  ...Object.entries(LEADERS).flatMap(([code, names]) => names.map((name) => ({ name, code, kind: 'leader' as const }))),
].sort((a, b) => b.name.length - a.name.length);

const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(${ENTRIES.map((entry) => escape(entry.name)).join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);
const BY_NAME = new Map(ENTRIES.map((entry) => [entry.name, entry]));

/** Every party a text names, in order, with offsets shifted by `offset`. Upper-case acronyms must match case. */
export function findParties(text: string, offset = 0): PartyMention[] {
  const mentions: PartyMention[] = [];
  for (const match of text.matchAll(PATTERN)) {
    const entry = BY_NAME.get(match[0]);
    if (!entry) continue;
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

import { ownerOf, owns } from './chamber-owner';
import type { PartyMention } from './countries';

/**
 * Legislatures and the councils that approve treaties. compromise finds no organisations in news text, so the
 * names are listed here: a named chamber gives its country; a generic word ("parliament", "the lower house",
 * "lawmakers") takes the country it belongs to (`chamber-owner.ts`).
 */
const NAMED: readonly NamedBody[] = [
  { pattern: /\bState Duma\b|\bDuma\b/, party: 'RU', body: 'State Duma' },
  { pattern: /\bFederation Council\b/, party: 'RU', body: 'Federation Council' },
  { pattern: /\bFederal Assembly\b/, party: 'RU', body: 'Federal Assembly' },
  // Other countries' parliaments are Majlis too: named before Iran's, which must not take them. Any space between
  // the words (a no-break space from a web page): else Iran's Majlis would take them.
  { pattern: /\bOliy\s+Majlis\b/, party: 'UZ', body: 'Oliy Majlis' },
  { pattern: /\bMilli\s+Majlis\b/, party: 'AZ', body: 'Milli Majlis' },
  { pattern: /\bPeople['’]s\s+Majlis\b/, party: 'MV', body: "People's Majlis" },
  { pattern: /\bMajlisi\s+Oli\b/, party: 'TJ', body: 'Majlisi Oli' },
  { pattern: /\bMejlis\b/, party: 'TM', body: 'Mejlis' },
  // A Gulf state's consultative council ("Majlis al-Shura") is no Majlis of Iran's: the generic words take it.
  // "The Majlis" alone is Iran's, unless a country whose parliament is called so is named nearer to it.
  {
    pattern:
      /(?<!\b(?:Oliy|Milli|People['’]s)\s+)\bMajlis\b(?!\s+(?:al|ash|as|a)[-‑'’ ]?\s*Shura)|\bIslamic Consultative Assembly\b/,
    party: 'IR',
    body: 'Majlis',
    sharedWith: ['UZ', 'AZ', 'MV', 'TJ', 'OM', 'KW'],
  },
  { pattern: /\bGuardian Council\b/, party: 'IR', body: 'Guardian Council' },
  { pattern: /\bExpediency Council\b/, party: 'IR', body: 'Expediency Discernment Council' },
  { pattern: /\bSupreme People's Assembly\b/, party: 'KP', body: "Supreme People's Assembly" },
  { pattern: /\bNational People's Congress\b/, party: 'CN', body: "National People's Congress" },
  { pattern: /\bVerkhovna Rada\b|\bRada\b/, party: 'UA', body: 'Verkhovna Rada' },
  { pattern: /\bBundestag\b/, party: 'DE', body: 'Bundestag' },
  { pattern: /\bBundesrat\b/, party: 'DE', body: 'Bundesrat' },
  { pattern: /\bHouse of Commons\b/, party: 'GB', body: 'House of Commons' },
  { pattern: /\bHouse of Lords\b/, party: 'GB', body: 'House of Lords' },
  { pattern: /\bKnesset\b/, party: 'IL', body: 'Knesset' },
  { pattern: /\bSejm\b/, party: 'PL', body: 'Sejm' },
  { pattern: /\bGrand National Assembly\b/, party: 'TR', body: 'Grand National Assembly' },
  { pattern: /\bEuropean Parliament\b/, party: 'EU', body: 'European Parliament' },
  { pattern: /\bCouncil of the Republic\b/, party: 'BY', body: 'Council of the Republic' },
  // The other members of the Eurasian Economic Union, whose parliaments ratify its agreements.
  { pattern: /\bMazhilis\b|\bMajilis\b/, party: 'KZ', body: 'Mazhilis' },
  { pattern: /\bJogorku Kenesh\b/, party: 'KG', body: 'Jogorku Kenesh' },
];

interface NamedBody {
  readonly pattern: RegExp;
  readonly party: string;
  readonly body: string;
  /** Countries whose legislature goes by the same name: the nearest named of them and `party` takes it. */
  readonly sharedWith?: readonly string[];
}

type Chamber = 'lower' | 'upper' | 'whole';

/**
 * Generic words for a legislature, the most specific first. `asNamed`: a name several countries give a chamber
 * (France's lower house, the whole of Armenia's or Belarus's parliament), kept as it is, for the country nearest.
 */
const GENERIC: readonly { readonly pattern: RegExp; readonly chamber: Chamber; readonly asNamed?: string }[] = [
  { pattern: /\blower[- ]house\b|\blower chamber\b/i, chamber: 'lower' },
  { pattern: /\bupper[- ]house\b|\bupper chamber\b|\bSenate\b/i, chamber: 'upper' },
  { pattern: /\bHouse of Representatives\b/, chamber: 'lower' },
  // After the chambers: "the House of Representatives of the National Assembly" is that chamber (Belarus).
  { pattern: /\bNational Assembly\b/, chamber: 'whole', asNamed: 'National Assembly' },
  { pattern: /\bCongress\b/, chamber: 'whole' },
  {
    pattern: /\bMajlis\s+(?:al|ash|as|a)[-‑'’ ]?\s*Shura\b|\bShura Council\b|\bConsultative Council\b/i,
    chamber: 'whole',
    asNamed: 'Shura Council',
  },
  {
    pattern:
      /\bparliament\b|\blegislature\b|\blegislative branch\b|\blawmakers\b|\blegislators\b|\bMPs\b|\bdeputies\b/i,
    chamber: 'whole',
  },
];

const CHAMBERS: Readonly<Record<string, Partial<Record<Chamber, string>>>> = {
  RU: { lower: 'State Duma', upper: 'Federation Council', whole: 'Federal Assembly' },
  IR: { lower: 'Majlis', whole: 'Majlis' },
  KP: { whole: "Supreme People's Assembly" },
  CN: { whole: "National People's Congress" },
  BY: { lower: 'House of Representatives', upper: 'Council of the Republic', whole: 'National Assembly' },
  US: { lower: 'House of Representatives', upper: 'Senate', whole: 'Congress' },
  GB: { lower: 'House of Commons', upper: 'House of Lords', whole: 'Parliament' },
  DE: { lower: 'Bundestag', upper: 'Bundesrat' },
  FR: { lower: 'National Assembly', upper: 'Senate', whole: 'Parliament' },
  UA: { lower: 'Verkhovna Rada', whole: 'Verkhovna Rada' },
  TR: { lower: 'Grand National Assembly', whole: 'Grand National Assembly' },
  KZ: { lower: 'Mazhilis', upper: 'Senate', whole: 'Parliament' },
  KG: { lower: 'Jogorku Kenesh', whole: 'Jogorku Kenesh' },
  AM: { lower: 'National Assembly', whole: 'National Assembly' },
  UZ: { lower: 'Legislative Chamber', upper: 'Senate', whole: 'Oliy Majlis' },
  AZ: { lower: 'Milli Majlis', whole: 'Milli Majlis' },
  MV: { lower: "People's Majlis", whole: "People's Majlis" },
  TJ: { lower: 'Majlisi Namoyandagon', upper: 'Majlisi Milli', whole: 'Majlisi Oli' },
  OM: { lower: 'Majlis al-Shura', upper: 'State Council', whole: 'Majlis Oman' },
  KW: { lower: 'National Assembly', whole: 'National Assembly' },
};

export interface BodyMention {
  readonly body: string;
  readonly party: string | undefined;
  readonly start: number;
  readonly end: number;
  /** Named outright, rather than a generic word resolved through a nearby country. */
  readonly named: boolean;
}

/**
 * The legislature a stretch of text names, if any: a named chamber first, else the most specific generic word,
 * with its country (`ownerOf`).
 */
export function findBody(text: string, offset: number, parties: readonly PartyMention[]): BodyMention | undefined {
  for (const entry of NAMED) {
    const match = entry.pattern.exec(text);
    if (!match) continue;
    const place = at(match, offset);
    // Only a country named as its owner takes a shared name ("Uzbekistan's Majlis", "the Majlis of Uzbekistan"):
    // the country a treaty is made with is often named beside it ("the Majlis ratified the agreement with Oman").
    const sharer = entry.sharedWith
      ? parties.find(
          (mention) =>
            mention.kind === 'name' &&
            (mention.code === entry.party || entry.sharedWith!.includes(mention.code)) &&
            owns(text, offset, mention, place),
        )
      : undefined;
    if (!sharer || sharer.code === entry.party) return { ...place, body: entry.body, party: entry.party, named: true };
    return { ...place, body: CHAMBERS[sharer.code]?.whole ?? entry.body, party: sharer.code, named: true };
  }
  for (const entry of GENERIC) {
    const match = entry.pattern.exec(text);
    if (!match) continue;
    const place = at(match, offset);
    const country = ownerOf(text, offset, place, parties);
    const chambers = country ? CHAMBERS[country.code] : undefined;
    const body = entry.asNamed ?? chambers?.[entry.chamber] ?? capitalised(match[0], entry.chamber);
    return { ...place, body, party: country?.code, named: false };
  }
  return undefined;
}

/** The states whose chambers a text names outright ("the Bundestag": DE). */
export function statesOfNamedChambers(text: string): string[] {
  return NAMED.filter((entry) => entry.pattern.test(text)).map((entry) => entry.party);
}

function at(match: RegExpExecArray, offset: number): { start: number; end: number } {
  return { start: offset + match.index, end: offset + match.index + match[0].length };
}

function capitalised(word: string, chamber: Chamber): string {
  if (chamber === 'whole') return 'Parliament';
  return word.replace(/(^|\s|-)\p{Ll}/gu, (letter) => letter.toUpperCase()).replace('-', ' ');
}

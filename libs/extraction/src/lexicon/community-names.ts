/**
 * Names of a community made of two demonyms, or a place and a demonym, whose words the lexicon reads as states (one
 * or both): "Greek Cypriot" is one community of Cyprus, not Greece and Cyprus. Each names the state whose
 * government it forms and speaks for in treaty news (the Greek Cypriots the Republic of Cyprus, the Kosovo Albanians
 * Kosovo), or none (`null`) when it is a minority or an entity within a state that makes no treaty of its own (the
 * Turkish Cypriots, whose "Northern Cyprus" names no party either: decision 0088; the Bosnian Serbs and Croats,
 * Republika Srpska and the Federation being no state; the Kosovo Serbs; the Karabakh Armenians; the Iraqi and
 * Syrian Kurds, the Kurdistan Region and the north-east's administration being no state): no party rather
 * than a wrong one. Read with the states' names, longest first, so the compound takes the place of its words; each
 * is read singular or plural, with a space or a hyphen ("Greek Cypriots", "Greek-Cypriot"). An entry is listed only
 * if it holds a state's name and reads otherwise than its words do (the spec checks both; decision 0104).
 */
export const COMMUNITY_NAMES: Readonly<Record<string, string | null>> = {
  'Greek Cypriot': 'CY',
  'Turkish Cypriot': null,
  // Both communities together: the Greek Cypriots' state is the one that makes treaties.
  'Greek and Turkish Cypriot': 'CY',
  'Bosnian Serb': null,
  'Bosnian Croat': null,
  'Kosovo Albanian': 'XK',
  'Kosovar Albanian': 'XK',
  'Kosovo Serb': null,
  'Karabakh Armenian': null,
  // The Kurdistan Region's authorities, or the Kurds of a state: no state's government (decision 0114). An agreement
  // of the Kurdistan Regional Government is not Iraq's, nor is one of north-east Syria's Kurdish-led administration
  // Syria's.
  'Iraqi Kurdish': null,
  'Iraqi Kurd': null,
  'Syrian Kurdish': null,
  'Syrian Kurd': null,
};

/** The ways a text writes a community's name: singular or plural, its two words apart or hyphenated. */
export function communityForms(name: string): string[] {
  const spellings = /^\S+ \S+$/.test(name) ? [name, name.replace(' ', '-')] : [name];
  return spellings.flatMap((spelling) => [spelling, `${spelling}s`]);
}

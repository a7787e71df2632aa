import { describe, expect, it } from '@jest/globals';
import { COMMUNITY_NAMES, communityForms } from './community-names';
import { findParties } from './countries';
import { namedParties } from './named-parties';
import { STATE_NAMES } from './state-names';

const codesIn = (text: string) => findParties(text).map((mention) => mention.code);

describe('a community named by two states’ words (decision 0104)', () => {
  it.each([
    // One community, one state or none: not the two its words name.
    ['the Greek Cypriot government', ['CY']],
    ['Greek Cypriots and Greek-Cypriot officials', ['CY', 'CY']],
    ['the Turkish Cypriot leader', []],
    ['Turkish-Cypriot negotiators and Turkish Cypriots', []],
    ['Greek and Turkish Cypriot leaders', ['CY']],
    ['Bosnian Serb lawmakers and Bosnian Croats', []],
    ['Kosovo Albanian and Kosovar Albanian leaders', ['XK', 'XK']],
    ['the Kosovo Serbs', []],
    ['the Karabakh Armenian leadership', []],
    ['the Iraqi Kurdish government and Iraqi Kurds', []],
    ['Syrian Kurdish forces and Syrian-Kurdish officials', []],
  ])('reads "%s" as %j', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });

  it.each([
    // The states themselves, and their words apart, are still theirs.
    ['Greece and Cyprus', ['GR', 'CY']],
    ['Greek and Cypriot ministers', ['GR', 'CY']],
    ['Turkey and the Turkish Cypriot side', ['TR']],
    ['Serbia, Bosnia and the Bosnian Serbs', ['RS', 'BA']],
    ['Albania and Kosovo', ['AL', 'XK']],
    ['the Albanian prime minister and the Kosovo Serbs', ['AL']],
    ['Armenia and the Karabakh Armenian leaders', ['AM']],
    ['Iraq and the Iraqi Kurdish region', ['IQ']],
    ['Iraqi and Kurdish officials', ['IQ']],
  ])('still reads "%s" as %j', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });

  it('gives the service only the treaties of the state a community names', () => {
    expect(namedParties('Greek Cypriot and Turkish Cypriot leaders met in Nicosia.')).toEqual(['CY']);
  });

  it('writes each name singular or plural, apart or hyphenated', () => {
    expect(communityForms('Greek Cypriot')).toEqual([
      'Greek Cypriot',
      'Greek Cypriots',
      'Greek-Cypriot',
      'Greek-Cypriots',
    ]);
  });

  const stateNames = Object.entries(STATE_NAMES).flatMap(([code, names]) => names.map((name) => ({ name, code })));
  it.each(Object.entries(COMMUNITY_NAMES))(
    'lists "%s" (%s), which holds a state’s name and reads otherwise than its words',
    (community, code) => {
      const words = stateNames.filter(({ name }) =>
        new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])`, 'u').test(community),
      );
      expect(words).not.toEqual([]);
      expect([...new Set(words.map((word) => word.code))].sort()).not.toEqual(code ? [code] : []);
    },
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

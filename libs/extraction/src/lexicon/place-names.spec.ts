import { describe, expect, it } from '@jest/globals';
import { findParties } from './countries';
import { namedParties } from './named-parties';
import { PLACE_NAMES } from './place-names';
import { STATE_NAMES } from './state-names';

const codesIn = (text: string) => findParties(text).map((mention) => mention.code);

describe('places named after a state (decision 0088)', () => {
  it.each([
    // A place that holds a state's name is no state; the longest name at a place wins.
    ['the Gulf of Guinea', []],
    ['Guinea-Bissau and Guinea patrol the Gulf of Guinea', ['GW', 'GN']],
    ['Papua New Guinea, on New Guinea', ['PG']],
    ['China and Vietnam in the South China Sea and the East China Sea', ['CN', 'VN']],
    ['Iran and Oman on the Persian Gulf and the Gulf of Oman', ['IR', 'OM']],
    ['Japan and Russia in the Sea of Japan', ['JP', 'RU']],
    ['Nigeria in the Niger Delta, on the Niger River', ['NG']],
    ['Mexico, the Gulf of Mexico, New Mexico and Mexico City', ['MX']],
    ['India in the Indian Ocean', ['IN']],
    ['Latin American, Central American and Inter-American states', []],
    ['the U.S. state of Georgia', []],
    ['Jordan and Israel in the Jordan Valley', ['JO', 'IL']],
    ['Turkey and the Turkish Republic of Northern Cyprus', ['TR']],
    ['the Irish Sea, the Philippine Sea, Lake Chad, Lake Malawi and American Samoa', []],
  ])('reads "%s" as %j', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });

  it.each([
    // Names that hold no state's name need no entry.
    ['the Caspian Sea and its littoral states', []],
    ['the Horn of Africa, West Africa and Central Asia', []],
    ['the Congo Basin and the Korean Peninsula', []],
    // A name several states share is none of them; each state's own name is its.
    ['Dominica, the Dominican Republic and Dominican officials', ['DM', 'DO']],
    [
      'Russia, Iran, Kazakhstan, Azerbaijan and Turkmenistan, the five Caspian Sea states',
      ['RU', 'IR', 'KZ', 'AZ', 'TM'],
    ],
    // A name that may be either stays the state's: in treaty news it is most often the state.
    ['Georgia', ['GE']],
    ['Niger', ['NE']],
  ])('still reads "%s" as %j', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });

  it('gives the service no treaties of a state a place is named after', () => {
    expect(namedParties('Ghana and Nigeria signed a maritime security agreement for the Gulf of Guinea.')).toEqual([
      'GH',
      'NG',
    ]);
  });

  const stateNames = Object.values(STATE_NAMES).flat();
  it.each(PLACE_NAMES)('lists "%s", which holds a state’s name and is none', (place) => {
    const holds = stateNames.filter((name) => new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])`, 'u').test(place));
    expect(holds).not.toEqual([]);
    expect(stateNames).not.toContain(place);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

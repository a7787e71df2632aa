import { describe, expect, it } from '@jest/globals';
import { findParties } from './countries';
import { namedParties } from './named-parties';

const codesIn = (text: string) => findParties(text).map((mention) => mention.code);

describe('an American town written with its state (decision 0104)', () => {
  it.each([
    // The American state tells: the town and its state name no party.
    ['in Atlanta, Georgia, on Tuesday', []],
    ['Savannah, Georgia; Macon, Georgia; Sea Island, Georgia', []],
    ['ATLANTA, Ga. (AP) —', []],
    ['in Paris, Texas, on Tuesday', []],
    ['Lebanon, Pennsylvania, and Lebanon, Pa.', []],
    ['Jordan, Minnesota', []],
    ['Moscow, Idaho, and Peru, Indiana', []],
    ['Mexico, Missouri. The town', []],
    ['Lebanon, Pa. The town', []],
    // A postal code where it closes the clause or comes before a ZIP code, and the towns of Georgia news names.
    ['in Paris, TX, on Tuesday', []],
    ['Lebanon, TN 37087', []],
    ['Moscow, ID.', []],
    ['Plains, Georgia, and Stone Mountain, Georgia.', []],
    ['in Dahlonega, Georgia, on Tuesday', []],
    // Beside the states a sentence names.
    ['France and the United States met in Paris, Texas.', ['FR', 'US']],
    ['Jordan and Lebanon signed in Jordan, Minnesota', ['JO', 'LB']],
  ])('reads "%s" as %j', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });

  it.each([
    // Georgia the state, its capital and its neighbours, and lists of states and capitals.
    ['Tbilisi, Georgia', ['GE', 'GE']],
    ['Ukraine, Georgia and Moldova', ['UA', 'GE', 'MD']],
    ['In Vilnius, Georgia and Moldova initialled the agreements', ['GE', 'MD']],
    ['On Tuesday, Georgia ratified the treaty', ['GE']],
    ['the U.S. state of Georgia', []],
    ['London, Washington and Paris', ['GB', 'US', 'FR']],
    ['Washington, D.C.', ['US']],
    // A state's name first in a list of American states, or before a title, is no town's.
    ['Mexico, Texas and California share the river', ['MX']],
    ['Mexico, Texas, New Mexico and Arizona', ['MX']],
    ['In Mexico, Texas Governor Greg Abbott signed', ['MX']],
    // Georgia after a European capital is the country; a state's name after a country's, before a verb, a party.
    ['In Rome, Georgia signed an agreement with Italy', ['GE', 'IT']],
    ['In Athens, Georgia and Greece signed a treaty', ['GE', 'GR']],
    ['Mexico, California sign a climate pact', ['MX']],
    ['Canada, Michigan agree on the lakes', ['CA']],
    // Two capitals that do not close the clause, and "PA" after a state: the Palestinian Authority.
    ['Jordan, ME and Lebanon', ['JO', 'LB']],
    ['Israel, PA, and Egypt', ['IL', 'EG']],
    ['In Israel, PA, and Egypt', ['IL', 'EG']],
    ['Washington, DC, and Paris', ['US', 'FR']],
    // Towns of Georgia named as places abroad are left to them.
    ['In Vienna, Georgia and Austria signed a treaty', ['GE', 'AT']],
    // Bremen, Brunswick (Braunschweig), Smyrna (İzmir), Woodstock, Richmond Hill (Ontario), Clarkston, Royston.
    ['In Bremen, Georgia and Moldova signed the treaty on Monday.', ['GE', 'MD']],
    ['In Brunswick, Georgia and Germany signed a treaty', ['GE', 'DE']],
    ['In Smyrna, Georgia and Turkey signed a treaty', ['GE', 'TR']],
    ['In Woodstock, Georgia and the United Kingdom signed a treaty', ['GE', 'GB']],
    ['In Richmond Hill, Georgia and Canada signed a treaty', ['GE', 'CA']],
    ['In Clarkston, Georgia and the United Kingdom signed a treaty', ['GE', 'GB']],
    ['In Royston, Georgia and the United Kingdom signed a treaty', ['GE', 'GB']],
  ])('still reads "%s" as %j', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });

  it('leaves Georgia a party of an act done in a town abroad that bears the name of one of its towns', () => {
    // Given "In Bremen," opening the sentence: Bremen is the German city, not the town of the state of Georgia.
    expect(namedParties('In Bremen, Georgia and Moldova signed the treaty on Monday.')).toEqual(['GE', 'MD']);
  });

  it('gives the service no treaties of the states American towns are named after', () => {
    expect(namedParties('In Atlanta, Georgia, the United States signed the agreement with Lebanon, Pa.')).toEqual([
      'US',
    ]);
  });
});

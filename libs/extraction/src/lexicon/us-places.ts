import { STATE_NAMES } from './state-names';

/**
 * Towns of the United States written as news writes them, "Town, State": the town may bear the name of a state or
 * its capital ("Paris, Texas", "Lebanon, Pennsylvania", "Jordan, Minnesota", "Moscow, Idaho"), and the state may
 * bear one ("Atlanta, Georgia"). Read with the states' names and before them, a town and its state take their span
 * whole and name no party, like the places of `place-names.ts` (decisions 0088, 0104). The American state is what
 * tells: any of the fifty by name, or as AP abbreviates it ("Lebanon, Pa."). Not by a name that is also a city's, as
 * in a list of capitals ("London, Washington and Paris", "Moscow, New York"): those by abbreviation only. Not
 * Georgia, which is a state's name too ("Ukraine, Georgia and Moldova", "In Vilnius, Georgia initialled ..."): "Town,
 * Georgia" is American only for the towns of the American state listed here, and "Tbilisi, Georgia" stays Georgia's.
 */
const US_STATES = (
  'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|' +
  'Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|' +
  'Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|' +
  'Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|' +
  'West Virginia|Wisconsin|Wyoming|Georgia'
).split('|');
/** The states a "Town, State" is read by: names that are a city's or a country's too are not. */
const TELLING_STATES = US_STATES.filter((name) => !['Washington', 'New York', 'Georgia'].includes(name));

/** AP style's abbreviations of the states' names after a town (it spells out the other eight). */
const AP_ABBREVIATIONS = (
  'Ala.|Ariz.|Ark.|Calif.|Colo.|Conn.|Del.|Fla.|Ga.|Ill.|Ind.|Kan.|Ky.|La.|Md.|Mass.|Mich.|Minn.|Miss.|Mo.|Mont.|' +
  'Neb.|Nev.|N.H.|N.J.|N.M.|N.Y.|N.C.|N.D.|Okla.|Ore.|Pa.|R.I.|S.C.|S.D.|Tenn.|Vt.|Va.|Wash.|W.Va.|Wis.|Wyo.'
).split('|');

/**
 * The postal codes of the states (USPS), as addresses and datelines write them: "Paris, TX". Two capitals are often
 * something else ("IN", "OR", "ME"), so a code is read only where it closes the clause, or before a ZIP code:
 * "in Paris, TX, on Tuesday", "Lebanon, TN 37087" (decision 0114). Not DC: "Washington, DC" is the capital.
 */
const POSTAL_CODES = (
  'AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|' +
  'PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY'
).split('|');
/** After a state's name, "PA" is as often the Palestinian Authority: "Israel, PA, and Egypt" names Israel. */
const POSTAL_CODES_AFTER_A_STATE = POSTAL_CODES.filter((code) => code !== 'PA');

/**
 * Towns of the American state of Georgia that news names with it: "Atlanta, Georgia", "Plains, Georgia". Its cities
 * and the towns news names (decision 0114), less those whose name is a city or town abroad, where treaties may be
 * signed, or a state's ("In Athens, Georgia and Greece signed", "In Bremen, Georgia and Moldova signed": Athens,
 * Rome, Vienna, Dublin, Cairo, Milan, Berlin, Lyons, Damascus, Bethlehem, Manchester, Canton, Washington, Bremen,
 * Brunswick, Smyrna, Woodstock, Richmond Hill, Clarkston, Royston). Augusta, Macon and Albany stay: the state's
 * cities, named with it far more often than Augusta in Sicily, Albany in Western Australia or Mâcon (so written) are
 * named at all. Left off too are those that are as often a person's name or a common word before a comma (Madison,
 * Monroe, Perry, Helen, Jefferson, Commerce, ...). A town not here, written with "Georgia" in full, still reads as
 * the state: "Ga." or "GA" after it tells.
 */
const TOWNS_OF_GEORGIA = (
  'Atlanta|Savannah|Augusta|Macon|Columbus|Albany|Marietta|Decatur|Sea Island|Jekyll Island|' +
  'St. Simons Island|Valdosta|Kings Bay|Fort Benning|Fort Moore|Fort Stewart|Warner Robins|Dalton|' +
  'Gainesville|Roswell|Sandy Springs|' +
  'Acworth|Adel|Alma|Alpharetta|Americus|Ashburn|Bainbridge|Barnesville|Baxley|Blairsville|Blakely|Blue Ridge|' +
  'Braselton|Brookhaven|Buford|Calhoun|Camilla|Carrollton|Cartersville|Cedartown|Chamblee|Chatsworth|' +
  'Clarkesville|Claxton|College Park|Conyers|Cordele|Cornelia|Covington|Cumming|Cuthbert|Dahlonega|' +
  'Dawsonville|Doraville|Douglasville|Duluth|Dunwoody|East Point|Eastman|Eatonton|Elberton|Ellijay|Fairburn|' +
  'Fayetteville|Fitzgerald|Folkston|Forest Park|Fort Eisenhower|Fort Gordon|Fort Oglethorpe|Fort Valley|Griffin|' +
  'Grovetown|Hapeville|Hartwell|Hawkinsville|Hazlehurst|Hinesville|Homerville|Jesup|Johns Creek|Jonesboro|' +
  'Kennesaw|Kingsland|LaGrange|Lawrenceville|Lilburn|Lithonia|Loganville|Lumpkin|Mableton|McDonough|Metter|' +
  'Milledgeville|Montezuma|Morrow|Moultrie|Newnan|Norcross|Ocilla|Peachtree City|Peachtree Corners|Pelham|Plains|' +
  'Pooler|Powder Springs|Quitman|Reidsville|Rincon|Riverdale|Rockmart|St. Marys|' +
  'Sandersville|Snellville|South Fulton|Statesboro|Stockbridge|Stone Mountain|Stonecrest|Sugar Hill|' +
  'Summerville|Suwanee|Swainsboro|Sylvania|Sylvester|Thomaston|Thomasville|Tifton|Toccoa|Tucker|Tybee Island|' +
  'Vidalia|Villa Rica|Warm Springs|Waycross|Waynesboro|West Point|Winder|Wrens|Zebulon'
).split('|');

const either = (names: readonly string[]) =>
  [...names]
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.]/g, '\\.'))
    .join('|');

/** One to three capitalised words: a town's name ("Paris", "St. Paul", "Oak Ridge"). */
const TOWN = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}`;
/**
 * Not a town when its state is the first of a list of states ("Mexico, Texas and California"), nor when the state's
 * name stands before a capitalised word, as before a title or a name ("In Mexico, Texas Governor Abbott signed");
 * after an abbreviation's full stop, a capital opens the next sentence.
 */
const NOT_A_TOWN = String.raw`(?![\p{L}\p{N}])(?:(?<=\.)|(?!\s+\p{Lu}))(?!(?:,\s*|,?\s+(?:and|or)\s+)(?:${either(US_STATES)})(?![\p{L}]))`;

/**
 * A town that bears a state's name or its capital's ("Lebanon", "Jordan", "Moscow", "Paris") is one only where the
 * state's name closes the clause, as AP style writes it ("in Lebanon, Pa., on Tuesday", "Jordan, Minnesota."): a
 * list of two parties before a verb ("Mexico, California sign a climate pact") is no town.
 */
const STATE_WORDS = either(Object.values(STATE_NAMES).flat());
const CLOSES_THE_CLAUSE = String.raw`(?:(?<=\.)|(?=[,;:!?)]|\.(?![\p{L}\p{N}])|\s*$))`;

/** A postal code closes the clause, as an abbreviation's full stop may, or comes before a ZIP code. */
const POSTAL_CLOSES = String.raw`(?![\p{L}\p{N}])(?:${CLOSES_THE_CLAUSE}|(?=\s+\d{5}(?!\d)))`;

/**
 * A town by postal code does not end with a state's name ("In Israel, PA, and Egypt" is no town "In Israel"): those
 * are read by the branch after it, which leaves out "PA".
 */
const NOT_A_STATE_BEFORE = String.raw`(?<!(?<![\p{L}\p{N}])(?:${STATE_WORDS}))`;

/** "Town, State" as a source for the lexicon's one pattern (flag `u`), one group. */
export const US_PLACE =
  String.raw`(?:(?!(?:${STATE_WORDS}),)(?:${TOWN}),\s+(?:${either([...TELLING_STATES, ...AP_ABBREVIATIONS])})${NOT_A_TOWN}` +
  String.raw`|(?:${STATE_WORDS}),\s+(?:${either([...TELLING_STATES, ...AP_ABBREVIATIONS])})${NOT_A_TOWN}${CLOSES_THE_CLAUSE}` +
  String.raw`|(?!(?:${STATE_WORDS}),)(?:${TOWN})(?=,\s+(?:${either(POSTAL_CODES)})${POSTAL_CLOSES})${NOT_A_STATE_BEFORE},\s+\p{Lu}{2}` +
  String.raw`|(?:${STATE_WORDS}),\s+(?:${either(POSTAL_CODES_AFTER_A_STATE)})${POSTAL_CLOSES}` +
  String.raw`|(?:${either(TOWNS_OF_GEORGIA)}),\s+Georgia${NOT_A_TOWN})`;

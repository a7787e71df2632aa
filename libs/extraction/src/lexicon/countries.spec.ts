import { describe, expect, it } from '@jest/globals';
import { findParties } from './countries';

const codesIn = (text: string) => findParties(text).map((mention) => mention.code);

/** The 193 member states of the United Nations, by the short name the UN gives them, with ISO 3166-1 alpha-2. */
const UN_MEMBERS =
  `AF Afghanistan|AL Albania|DZ Algeria|AD Andorra|AO Angola|AG Antigua and Barbuda|AR Argentina|AM Armenia|
AU Australia|AT Austria|AZ Azerbaijan|BS Bahamas|BH Bahrain|BD Bangladesh|BB Barbados|BY Belarus|BE Belgium|BZ Belize|
BJ Benin|BT Bhutan|BO Bolivia|BA Bosnia and Herzegovina|BW Botswana|BR Brazil|BN Brunei Darussalam|BG Bulgaria|
BF Burkina Faso|BI Burundi|CV Cabo Verde|KH Cambodia|CM Cameroon|CA Canada|CF Central African Republic|TD Chad|CL Chile|
CN China|CO Colombia|KM Comoros|CG Congo-Brazzaville|CR Costa Rica|CI Côte d’Ivoire|HR Croatia|CU Cuba|CY Cyprus|CZ Czechia|
KP Democratic People's Republic of Korea|CD Democratic Republic of the Congo|DK Denmark|DJ Djibouti|DM Dominica|
DO Dominican Republic|EC Ecuador|EG Egypt|SV El Salvador|GQ Equatorial Guinea|ER Eritrea|EE Estonia|SZ Eswatini|
ET Ethiopia|FJ Fiji|FI Finland|FR France|GA Gabon|GM Gambia|GE Georgia|DE Germany|GH Ghana|GR Greece|GD Grenada|
GT Guatemala|GN Guinea|GW Guinea-Bissau|GY Guyana|HT Haiti|HN Honduras|HU Hungary|IS Iceland|IN India|ID Indonesia|IR Iran|
IQ Iraq|IE Ireland|IL Israel|IT Italy|JM Jamaica|JP Japan|JO Jordan|KZ Kazakhstan|KE Kenya|KI Kiribati|KW Kuwait|
KG Kyrgyzstan|LA Lao People's Democratic Republic|LV Latvia|LB Lebanon|LS Lesotho|LR Liberia|LY Libya|LI Liechtenstein|
LT Lithuania|LU Luxembourg|MG Madagascar|MW Malawi|MY Malaysia|MV Maldives|ML Mali|MT Malta|MH Marshall Islands|
MR Mauritania|MU Mauritius|MX Mexico|FM Micronesia|MC Monaco|MN Mongolia|ME Montenegro|MA Morocco|MZ Mozambique|
MM Myanmar|NA Namibia|NR Nauru|NP Nepal|NL Netherlands|NZ New Zealand|NI Nicaragua|NE Niger|NG Nigeria|MK North Macedonia|
NO Norway|OM Oman|PK Pakistan|PW Palau|PA Panama|PG Papua New Guinea|PY Paraguay|PE Peru|PH Philippines|PL Poland|
PT Portugal|QA Qatar|KR Republic of Korea|MD Republic of Moldova|RO Romania|RU Russian Federation|RW Rwanda|
KN Saint Kitts and Nevis|LC Saint Lucia|VC Saint Vincent and the Grenadines|WS Samoa|SM San Marino|
ST Sao Tome and Principe|SA Saudi Arabia|SN Senegal|RS Serbia|SC Seychelles|SL Sierra Leone|SG Singapore|SK Slovakia|
SI Slovenia|SB Solomon Islands|SO Somalia|ZA South Africa|SS South Sudan|ES Spain|LK Sri Lanka|SD Sudan|SR Suriname|
SE Sweden|CH Switzerland|SY Syrian Arab Republic|TJ Tajikistan|TH Thailand|TL Timor-Leste|TG Togo|TO Tonga|
TT Trinidad and Tobago|TN Tunisia|TR Türkiye|TM Turkmenistan|TV Tuvalu|UG Uganda|UA Ukraine|AE United Arab Emirates|
GB United Kingdom|TZ United Republic of Tanzania|US United States of America|UY Uruguay|UZ Uzbekistan|VU Vanuatu|
VE Venezuela|VN Viet Nam|YE Yemen|ZM Zambia|ZW Zimbabwe`
    .split(/\|\n?/)
    .map((entry) => [entry.slice(3), entry.slice(0, 2)] as const);

/** The two observer states, and others that make treaties under a code of their own. */
const OBSERVERS_AND_OTHERS = [
  ['Holy See', 'VA'],
  ['State of Palestine', 'PS'],
  ['Kosovo', 'XK'],
  ['Taiwan', 'TW'],
  ['Cook Islands', 'CK'],
  ['Niue', 'NU'],
  ['Hong Kong', 'HK'],
  ['Macao', 'MO'],
] as const;

describe('the parties a text names', () => {
  it('has all 193 members of the United Nations', () => {
    expect(new Set(UN_MEMBERS.map(([, code]) => code)).size).toBe(193);
  });

  it.each([...UN_MEMBERS, ...OBSERVERS_AND_OTHERS])('knows %s as %s', (name, code) => {
    expect(codesIn(`${name}'s parliament approved the treaty.`)).toEqual([code]);
  });

  it.each([
    ['the Italian Senate', 'IT'],
    ['Spanish lawmakers', 'ES'],
    ['the Dutch government', 'NL'],
    ['Swiss voters', 'CH'],
    ['the UK', 'GB'],
    ['Czech deputies', 'CZ'],
    ['Burma', 'MM'],
    ['Ivory Coast', 'CI'],
    ['Cote d’Ivoire', 'CI'],
    ["Côte d'Ivoire", 'CI'],
    ['Cape Verde', 'CV'],
    ['Swaziland', 'SZ'],
    ['East Timor', 'TL'],
    ['Vietnam', 'VN'],
    ['Laos', 'LA'],
    ['Moldova', 'MD'],
    ['Tanzania', 'TZ'],
    ['the Vatican', 'VA'],
    ['DR Congo', 'CD'],
    ['Palestinian', 'PS'],
    ['St. Lucia', 'LC'],
    ['Filipino', 'PH'],
    ['Nigerien', 'NE'],
    ['Nigerian', 'NG'],
  ])('knows "%s" as %s', (text, code) => {
    expect(codesIn(text)).toEqual([code]);
  });

  it.each([
    // A longer name is never read as the shorter one inside it.
    ['Papua New Guinea and Equatorial Guinea and Guinea-Bissau', ['PG', 'GQ', 'GW']],
    ['South Sudan and Sudan', ['SS', 'SD']],
    ['the Dominican Republic and Dominica', ['DO', 'DM']],
    ['Nigeria and Niger', ['NG', 'NE']],
    ['the Democratic Republic of the Congo and the Republic of the Congo', ['CD', 'CG']],
    ['the Islamic Republic of Pakistan', ['PK']],
    ['North Korea and South Korea', ['KP', 'KR']],
    ['Northern Ireland and Ireland', ['GB', 'IE']],
    // A name several states share is none of them: "Congo" alone, "Korean", "Dominican" or "Guinean".
    ['Congo, Korean, Dominican and Guinean', []],
  ])('reads "%s" as %j', (text, codes) => {
    expect(codesIn(text)).toEqual(codes);
  });
});

/**
 * Names of places that hold a state's name or adjective but stand for no state: seas and gulfs, rivers and lakes,
 * regions, another country's states and provinces, capitals of states that no capital names (decision 0080). They
 * are read with the states' names, the longest name first at each place in the text, and name no party: "the Gulf
 * of Guinea" is not Guinea, while "Guinea-Bissau" (longer than "Guinea") and "Papua New Guinea" (longer than "New
 * Guinea") are states. A place whose name holds no state's ("the Caspian Sea", "the Horn of Africa", "West Africa",
 * "the Congo Basin", "the Korean Peninsula") needs no entry: nothing in it is read as a state. Each entry shadows a
 * state's name (the spec checks it); a name that may stand for either ("Georgia", "Macedonia", "the Niger") is left
 * to the state: treaty news means the state far more often (decision 0088). An American town written with its
 * state ("Paris, Texas", "Atlanta, Georgia") is read by `us-places.ts` (decision 0104).
 */
export const PLACE_NAMES: readonly string[] = [
  // Seas, gulfs, oceans.
  'Gulf of Guinea',
  'Gulf of Oman',
  'Sea of Oman',
  'Gulf of Mexico',
  'Gulf of Thailand',
  'Gulf of Finland',
  'Gulf of Honduras',
  'Gulf of Panama',
  'Gulf of Venezuela',
  'Sea of Japan',
  'South China Sea',
  'East China Sea',
  'Philippine Sea',
  'Persian Gulf',
  'Irish Sea',
  'Norwegian Sea',
  'Indian Ocean',
  // Rivers, lakes, deltas, valleys and plateaus.
  'Niger Delta',
  'Niger River',
  'Senegal River',
  'Gambia River',
  'Jordan River',
  'Jordan Valley',
  'Lake Chad',
  'Lake Malawi',
  'Iranian Plateau',
  // Islands and regions.
  'New Guinea',
  'British Isles',
  'Indian subcontinent',
  'Northern Cyprus',
  'Turkish Republic of Northern Cyprus',
  'American Samoa',
  // Regions whose adjective holds "American" or "Indian": not the United States, not India.
  'Latin American',
  'South American',
  'Central American',
  'North American',
  'Inter-American',
  'Pan-American',
  'Pan American',
  'West Indian',
  // Another country's states and provinces.
  'New Mexico',
  'U.S. state of Georgia',
  'US state of Georgia',
  'British Columbia',
  // Capitals named after their state, which stand for it no more than other capitals do (decision 0080).
  'Mexico City',
  'Guatemala City',
  'Panama City',
  'Kuwait City',
  'Belize City',
  'Djibouti City',
];

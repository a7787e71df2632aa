import { statesOfNamedChambers } from './bodies';
import { findParties, uniqueCodes } from './countries';

/**
 * The codes of every party a text names, by name or by a chamber of its own ("the Bundestag"). A proposal is matched
 * only to a treaty with a party named in the text (directly, or through the article's focus, itself matched so), so
 * a caller with a large registry can hand the extraction just the treaties of these parties.
 */
export function namedParties(text: string): string[] {
  return [...new Set([...uniqueCodes(findParties(text)), ...statesOfNamedChambers(text)])];
}

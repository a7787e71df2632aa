import { partyOf } from '../development';
import type { TreatyHistory } from './treaty-history';

/**
 * The parties a listing by party may ever have shown the treaty under: its original parties, and the party of each
 * signature or consent in any version of its report (as reported, as corrected), retracted or not. Those of the
 * treaty now are among them; one that is not any more (its joining retracted, or corrected to another party) may be
 * held by a client following that party, who must be told the treaty left (decision 0055).
 *
 * A superset, never a subset: a party named too many costs a client a message about a treaty it does not hold; one
 * missed would leave the treaty in its list for ever. Read from the whole history, not from one batch's events, so a
 * rebuild that folds a joining and its retraction together names the party as two live writes did.
 */
export function partiesOnceNamed(history: TreatyHistory): string[] {
  const named = new Set(history.parties);
  for (const development of history.developments) {
    // By type, not by what each version adds: a correction may have changed what made it add a party (a consent's
    // type) in a version between the first and the last, and one named too many is harmless (module comment).
    if (development.current.type !== 'signed' && development.current.type !== 'consent-to-be-bound') continue;
    for (const party of [
      partyOf(development.reported),
      ...development.corrections.map(({ changes }) => changes.party),
      partyOf(development.current),
    ]) {
      if (party !== undefined) named.add(party);
    }
  }
  return [...named];
}

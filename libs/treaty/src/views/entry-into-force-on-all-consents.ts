import { countInstruments, earliestPossibleEntryIntoForce } from './entry-into-force';
import { establishedIn } from './established-consent';
import { instrumentsToCount } from './instruments-on-record';
import { consentOf, type PartyConsent } from './party-status';
import type { DevelopmentHistory, TreatyHistory } from './treaty-history';

/**
 * Without a clause, the day the treaty entered into force among its negotiating states (VCLT art. 24(2): "as soon as
 * consent to be bound by the treaty has been established for all the negotiating States", decision 0079): the first
 * day on which every original party's consent stands, counted as a clause of as many instruments as there are
 * original parties, in force the day the last is given (`countInstruments`: an instrument withdrawn before then does
 * not count, a state that consents again counts from its new one, a date known only to its month or year among them
 * computes nothing). Established: a consent to be bound (dated by its deposit, exchange or notification), or a
 * ratification completed at home and then exchanged (`establishedIn`); a ratification completed with no exchange on
 * record says the state is ready, not that its consent is established.
 *
 * Null for a treaty registered with fewer than two original parties, and where the entry into force of the treaty or
 * of an original party is reported (also after `asOf`, in `wholeRecord`): the record then says when, and the treaty
 * may have had a clause the registration lacks (so many days after the last consent). The computation fills only the
 * gap; a later state's report of its own date says nothing of it.
 *
 * `at: 'earliest'` asks instead for the earliest day it may have come to when a consent known only to its month or
 * year keeps the count from a date (`earliestPossibleEntryIntoForce`): what a termination is measured against
 * (decision 0111).
 */
export function entryIntoForceOnAllConsents(
  history: Pick<TreatyHistory, 'parties'>,
  consents: ReadonlyMap<string, PartyConsent | null>,
  { onRecord, wholeRecord }: { onRecord: readonly DevelopmentHistory[]; wholeRecord: readonly DevelopmentHistory[] },
  at: 'exact' | 'earliest' = 'exact',
): string | null {
  const originals = history.parties;
  if (originals.length < 2 || !originals.every((party) => consents.get(party))) return null;
  const reported = wholeRecord.some(
    ({ current }) =>
      current.type === 'entered-into-force' && (current.party === undefined || originals.includes(current.party)),
  );
  if (reported) return null;
  const established = establishedIn(onRecord);
  const everyConsentEstablished = originals.every(
    (party) => established(consents.get(party)) && established(consentOf(onRecord, party, 'first')),
  );
  if (!everyConsentEstablished) return null;
  const allOfThem = { instrumentsRequired: originals.length, daysAfter: 0 };
  const instruments = instrumentsToCount(onRecord, originals, consents);
  return at === 'exact'
    ? countInstruments(allOfThem, instruments).on
    : earliestPossibleEntryIntoForce(allOfThem, instruments);
}

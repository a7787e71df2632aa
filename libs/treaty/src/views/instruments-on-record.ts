import { comparePartialDates } from '../partial-date';
import type { Instrument } from './entry-into-force';
import { establishedIn } from './established-consent';
import { consentOf, type PartyConsent } from './party-status';
import type { DevelopmentHistory } from './treaty-history';

/** The parties' instruments of consent as the record holds them, withdrawals and consents given again included. */

/**
 * Each party's first instrument, what counts towards the treaty's entry into force, not one it gave on rejoining.
 * Only a party that withdrew can have rejoined, so only for those is the record searched again.
 */
export function firstInstruments(
  onRecord: readonly DevelopmentHistory[],
  parties: readonly string[],
  consents: ReadonlyMap<string, PartyConsent | null>,
): { party: string; on: string }[] {
  const withdrew = withdrawalsByParty(onRecord);
  return parties.flatMap((party) => {
    const first = withdrew.has(party) ? consentOf(onRecord, party, 'first') : consents.get(party);
    return first ? [{ party, on: first.on }] : [];
  });
}

/**
 * The instruments the clause counts (`countInstruments`): each party's first, with the date of the withdrawal that
 * followed it (its notice, or the report that it took effect: a state that has not become a party withdraws its
 * instrument on notifying it), and the party's latest when it consented again after that withdrawal. Only consents
 * established internationally are instruments (`establishedIn`): a ratification completed at home is one from the
 * exchange that follows it, and none before.
 */
export function instrumentsToCount(
  onRecord: readonly DevelopmentHistory[],
  parties: readonly string[],
  consents: ReadonlyMap<string, PartyConsent | null>,
): Instrument[] {
  const withdrawals = withdrawalsByParty(onRecord);
  const established = establishedIn(onRecord);
  return parties.flatMap((party): Instrument[] => {
    const dates = withdrawals.get(party);
    if (dates === undefined) {
      const consent = consents.get(party);
      return consent && established(consent) ? [{ party, on: consent.on }] : [];
    }
    const withdrawalAfter = (on: string) => dates.find((date) => comparePartialDates(date, on) >= 0) ?? null;
    const first = consentOf(onRecord, party, 'first');
    if (first === null) return [];
    const firstWithdrawnOn = withdrawalAfter(first.on);
    const latest = consents.get(party);
    const again =
      latest && established(latest) && firstWithdrawnOn !== null && comparePartialDates(latest.on, firstWithdrawnOn) > 0
        ? [{ party, on: latest.on, withdrawnOn: withdrawalAfter(latest.on) }]
        : [];
    return [...(established(first) ? [{ party, on: first.on, withdrawnOn: firstWithdrawnOn }] : []), ...again];
  });
}

/**
 * The party's instrument that a notice of `date` withdraws: the latest it had deposited by then, not one it deposits
 * when it rejoins after, which withdraws nothing that came before it (decision 0105).
 */
export function instrumentStandingOn(
  instruments: readonly Instrument[],
  party: string,
  date: string,
): Instrument | undefined {
  return instruments
    .filter((instrument) => instrument.party === party && comparePartialDates(instrument.on, date) <= 0)
    .at(-1);
}

/** The dates of each party's withdrawals on record (notices and reported effects), in valid-time order. */
export function withdrawalsByParty(onRecord: readonly DevelopmentHistory[]): Map<string, string[]> {
  const withdrawals = new Map<string, string[]>();
  for (const { current } of onRecord) {
    if (current.type !== 'withdrawn' && current.type !== 'withdrawal-notified') continue;
    withdrawals.set(current.party, [...(withdrawals.get(current.party) ?? []), current.occurredOn]);
  }
  return withdrawals;
}

import { occurrencesOf } from '../law/rejoining';
import { addDays, startOfPeriod } from '../partial-date';
import { reportsOf } from './party-status';
import { representativeOf, type DevelopmentHistory } from './treaty-history';

/** One of a party's entries into force before the one its entry shows (`inForceOn`). */
export type EarlierEntryIntoForce = {
  readonly inForceOn: string;
  /** Computed from the clause (or the consents), no report having confirmed it, as `inForceOnComputed`. */
  readonly inForceOnComputed: boolean;
};

/**
 * A party's entries into force before its latest: a state that left the treaty and consented again was in force
 * from each of its instruments (the United States of the Paris Agreement: in force 2016-11-04, gone 2020-11-04, in
 * force again 2021-02-19). The party's entry shows the latest; each earlier one is the party's `inForceOn` as the view
 * read it on the day before its next consent (`inForceOnBefore`), from the record as it stood then, so a later deposit
 * does not take it back (decision 0106). An instrument that never brought the treaty into force for its state (one
 * withdrawn before the clause counted it, decision 0038) gives none. Consents are told apart by the rejoining rule
 * (law/rejoining.ts): a withdrawal that took effect lies between them (`leftBetween`).
 */
export function earlierEntriesIntoForce(
  onRecord: readonly DevelopmentHistory[],
  party: string,
  inForceOnBefore: (day: string) => { readonly inForceOn: string | null; readonly inForceOnComputed: boolean },
  leftBetween: (from: string, to: string) => boolean,
): EarlierEntryIntoForce[] {
  const consents = reportsOf(onRecord, 'consent-to-be-bound', party);
  // Most parties consented once: no view of the past to read for them.
  if (consents.length < 2) return [];
  const dates = occurrencesOf(consents, onRecord).flatMap(
    (reports) => representativeOf(reports)?.current.occurredOn ?? [],
  );
  // A consent that revoked a notice before it took effect (decision 0022) continues the party's period: the state
  // never left, so the consent before it began no earlier one.
  return dates
    .filter((on, index) => index > 0 && leftBetween(dates[index - 1]!, on))
    .flatMap((on) => {
      const { inForceOn, inForceOnComputed } = inForceOnBefore(addDays(startOfPeriod(on), -1));
      return inForceOn === null ? [] : [{ inForceOn, inForceOnComputed }];
    });
}

import { comparePartialDates, partialDatesAgree } from '../partial-date';
import { DatesComeBy } from './dates-come-by';
import {
  allConsentsPartyEntryIntoForce,
  computedDate,
  laterConsentEntryIntoForce,
  partyEntryIntoForce,
  successorEntryIntoForce,
  undatedSuccessorEntryIntoForce,
  type ComputedDate,
} from './entry-into-force';
import type { PartyConsent } from './party-status';
import type { TreatyHistory } from './treaty-history';
import { beforeEnd, reportedAfterAsOf, type PartyStanding, type StandingForEntryIntoForce } from './treaty-standing';

/**
 * A party's entry into force as its entry in the status shows it (`inForceOn`, `inForceOnComputed`,
 * `inForceOnExpected`), from where the treaty and the party stand on the view's day: the status view's, and the one
 * its earlier entries into force are read with on the day before a later consent (decision 0106), so that the two
 * cannot differ. `established` says whether a consent is an instrument the clause counts (`establishedIn`).
 */
export function partyInForceOf(
  history: TreatyHistory,
  standing: StandingForEntryIntoForce,
  party: string,
  partyStanding: PartyStanding,
  {
    asOf,
    dates,
    established,
  }: {
    readonly asOf: string | null;
    readonly dates: DatesComeBy;
    readonly established: (consent: PartyConsent) => boolean;
  },
): { readonly inForce: ComputedDate; readonly inForceOnComputed: boolean } {
  // The consent that began the party's current period: one that revoked a notice continued it (decision 0116).
  const { periodConsent: consent, reportedInForceOn, consentAfterInForce, instrumentWithdrawn } = partyStanding;
  const { treatyInForce } = standing;
  const clause = history.entryIntoForce;
  // The date the record gives the party: a successor whose report dates the succession of States is bound from it
  // (not from its notification), one whose report does not from the treaty's entry into force if it notified by then
  // (else on a day the record lacks); any other party by the clause, when there is one; without one, a party
  // consenting after the treaty entered into force from its consent (VCLT art. 24(3)).
  // A party of a bilateral treaty consenting after the date a report says it was bound by gets no date from its
  // consent: the reports contradict each other, and the view shows the reported date and the disagreement.
  const successionOn = consent?.successionOn ?? null;
  // Under a clause, the treaty's date counts for the parties it counts while it is still ahead as well: the states
  // whose instruments bring it into force are expected in force on it, as a later state is on its own date. A
  // successor's date is a report's (its succession, the treaty's entry into force), not one set ahead.
  const treatyDate = clause ? (treatyInForce.on ?? treatyInForce.expectedOn) : treatyInForce.on;
  // The clause counts the party's instrument: a ratification completed at home is one once exchanged, not before
  // (decision 0101). A reported entry into force of the treaty says the instruments it came by were given, whether
  // or not the record holds their exchange: a party that ratified by then is in force on it, as before.
  const instrument = consent !== null && established(consent) ? consent : undefined;
  const ratifiedByReportedDate =
    instrument === undefined &&
    consent !== null &&
    treatyInForce.reportedOn !== null &&
    comparePartialDates(consent.on, treatyInForce.reportedOn) <= 0;
  // An instrument withdrawn before it counted binds the party to nothing (decision 0038).
  const computed =
    consentAfterInForce !== null || instrumentWithdrawn
      ? null
      : successionOn !== null
        ? successorEntryIntoForce(successionOn, treatyInForce.on)
        : clause
          ? consent?.type === 'succession'
            ? undatedSuccessorEntryIntoForce(treatyInForce.on, consent)
            : ratifiedByReportedDate
              ? treatyInForce.reportedOn
              : partyEntryIntoForce(clause, treatyDate, instrument, standing.countedThrough)
          : (laterConsentEntryIntoForce(treatyDate, consent ?? undefined) ??
            allConsentsPartyEntryIntoForce(treatyInForce, consent));
  // A consent given after a bilateral treaty ended (a party "rejoining" it) binds to nothing; nor does a consent
  // whose date by the clause falls on or after a reported termination (the treaty ended before it bound the state).
  const computedInForce = beforeEnd(beforeEnd(computed, standing.bilateralEnding?.on ?? null), standing.reportedEndOn);
  // Otherwise, the date a report gives the party (`reportedInForceOn`); without a clause, also the treaty's for a
  // party whose consent came by it (art. 24(2)).
  const treatyReported = treatyInForce.reportedOn;
  const followsTreaty =
    treatyReported !== null && consent !== null && comparePartialDates(consent.on, treatyReported) <= 0;
  // In the present, only the clause's count from the party's own instrument is a date set ahead: the others are a
  // report's (a consent, a date of succession, the treaty's reported entry into force) or the treaty's date that
  // has come, and every report on record counts (a month's too, before the month is out). `asOf` reads them all. A
  // date the party's own report agrees with changes nothing when it comes: it is not one the present waits for.
  const reportAgrees =
    reportedInForceOn !== null && computedInForce !== null && partialDatesAgree(reportedInForceOn, computedInForce);
  const setAhead =
    asOf !== null ||
    (clause !== undefined && successionOn === null && computedInForce !== treatyInForce.on && !reportAgrees);
  const inForce =
    clause || computedInForce !== null
      ? computedDate(
          reportedInForceOn,
          computedInForce,
          setAhead ? dates : DatesComeBy.always(),
          reportedAfterAsOf(standing, 'entered-into-force', party, computedInForce),
        )
      : computedDate(reportedInForceOn ?? (followsTreaty ? treatyReported : null), null, dates);
  // A computed party date that equals a reported treaty-wide date is not computed: the report says it.
  const inForceOnComputed =
    inForce.computed && !(treatyInForce.reportedOn !== null && inForce.on === treatyInForce.reportedOn);
  return { inForce, inForceOnComputed };
}

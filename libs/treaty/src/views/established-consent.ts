import type { PartyConsent } from './party-status';
import type { DevelopmentHistory } from './treaty-history';

/**
 * Whether a party's consent is established internationally (VCLT art. 16), on the exchange of instruments, their
 * deposit or a notification: a `consent-to-be-bound` (the international act itself, dated by it), or a ratification
 * completed at home once an exchange followed it (`consentOf` then dates the consent by the exchange). A ratification
 * completed with no exchange on record says the state is ready to bind itself, not that it is bound: no clause counts
 * it, and without a clause the treaty does not enter into force on it (decisions 0079 and 0101).
 *
 * Built once for the record: a consent is told by the development that dates it.
 */
export function establishedIn(
  onRecord: readonly DevelopmentHistory[],
): (consent: PartyConsent | null | undefined) => boolean {
  const completedAtHome = new Set(
    onRecord.flatMap(({ current, developmentId }) =>
      current.type === 'ratification-completed' ? [developmentId] : [],
    ),
  );
  return (consent) => consent != null && !completedAtHome.has(consent.developmentId);
}

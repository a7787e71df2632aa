import { partyOf } from '../development';
import { comparePartialDates } from '../partial-date';
import type { DevelopmentHistory } from './treaty-history';

/**
 * Acts the record holds as a source reported them but that treaty law does not expect (decision 0038). The log keeps
 * what was reported, and the decider accepts it; the status view flags it, as it lists reports that disagree, so that
 * a reader learns the record says something unusual and an editor can check the source.
 */
export type RecordWarning = {
  readonly code: RecordWarningCode;
  readonly party: string;
  /** The flagged report first, then those it is measured against (the consent, the reported entry into force). */
  readonly developmentIds: readonly string[];
};

export type RecordWarningCode =
  /** A reservation dated after the state's consent to be bound (VCLT art. 19: formulated when signing or consenting). */
  | 'LATE_RESERVATION'
  /**
   * A reservation to a treaty registered bilateral: between two states a "reservation" is a proposal to amend the
   * treaty, not a reservation (ILC Guide to Practice on Reservations to Treaties, 2011, guideline 1.6.1).
   */
  | 'RESERVATION_TO_BILATERAL_TREATY'
  /** Provisional application started after the treaty entered into force for the state (art. 25: pending it). */
  | 'PROVISIONAL_APPLICATION_AFTER_ENTRY_INTO_FORCE';

export const RECORD_WARNING_CODES: readonly RecordWarningCode[] = [
  'LATE_RESERVATION',
  'RESERVATION_TO_BILATERAL_TREATY',
  'PROVISIONAL_APPLICATION_AFTER_ENTRY_INTO_FORCE',
];

/**
 * The warnings of the developments on record (by `asOf`), in valid-time order of the flagged report. `inForceOn` is
 * each party's entry into force as the view shows it (reported or computed). Dates compare at the coarser precision:
 * an act known only to the month of the date it is measured against may have come with it, and is not flagged.
 */
export function recordWarnings(
  onRecord: readonly DevelopmentHistory[],
  bilateral: boolean,
  inForceOn: (party: string) => string | null,
): RecordWarning[] {
  const warnings: RecordWarning[] = [];
  for (const report of onRecord) {
    const { current } = report;
    if (current.type === 'reservation') {
      if (bilateral) {
        warnings.push({
          code: 'RESERVATION_TO_BILATERAL_TREATY',
          party: current.party,
          developmentIds: [report.developmentId],
        });
      }
      const consents = onRecord.filter(
        ({ current: other }) =>
          (other.type === 'consent-to-be-bound' || other.type === 'ratification-completed') &&
          partyOf(other) === current.party,
      );
      const order = (other: DevelopmentHistory) => comparePartialDates(other.current.occurredOn, current.occurredOn);
      // Made on a consent of its own date (a state rejoining reserves on its new instrument) is not late.
      const before = consents.filter((consent) => order(consent) < 0);
      const entry = inForceOn(current.party);
      const afterEntry = entry !== null && comparePartialDates(entry, current.occurredOn) < 0;
      if (!consents.some((consent) => order(consent) === 0) && (before.length > 0 || afterEntry)) {
        warnings.push({
          code: 'LATE_RESERVATION',
          party: current.party,
          developmentIds: [report.developmentId, ...before.slice(-1).map((consent) => consent.developmentId)],
        });
      }
    }
    if (current.type === 'provisional-application-started') {
      const entry = inForceOn(current.party);
      if (entry !== null && comparePartialDates(entry, current.occurredOn) < 0) {
        const reports = onRecord.filter(
          ({ current: other }) =>
            other.type === 'entered-into-force' &&
            (partyOf(other) ?? current.party) === current.party &&
            other.occurredOn === entry,
        );
        warnings.push({
          code: 'PROVISIONAL_APPLICATION_AFTER_ENTRY_INTO_FORCE',
          party: current.party,
          developmentIds: [report.developmentId, ...reports.map((other) => other.developmentId)],
        });
      }
    }
  }
  return warnings;
}

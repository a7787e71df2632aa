import { partyOf } from '../development';
import { comparePartialDates } from '../partial-date';
import { endWithoutProvisionalApplication } from './provisional-application-end';
import { resumptionFault } from './resumption';
import { operatingOn } from './suspension';
import type { DevelopmentHistory } from './treaty-history';

/**
 * Acts the record holds as a source reported them but that treaty law does not expect (decision 0038). The log keeps
 * what was reported, and the decider accepts it; the status view flags it, as it lists reports that disagree, so that
 * a reader learns the record says something unusual and an editor can check the source.
 */
export type RecordWarning =
  | {
      readonly code: PartyRecordWarningCode;
      readonly party: string;
      /** The flagged report first, then those it is measured against (the consent, the reported entry into force). */
      readonly developmentIds: readonly string[];
    }
  | {
      readonly code: OperationRecordWarningCode;
      /** The party whose act it is; null for an act of the whole treaty (decision 0085). */
      readonly party: string | null;
      /** The flagged act, then the reports it is measured against, if any (see each code). */
      readonly developmentIds: readonly string[];
    };

export type RecordWarningCode = PartyRecordWarningCode | OperationRecordWarningCode;

/** Warnings about the operation of the treaty, which the whole treaty (no party) or one party can be the scope of. */
type OperationRecordWarningCode =
  /**
   * A suspension (of the whole treaty, or by one party) dated before the treaty entered into force (for that
   * party: on the party's date on record, else, for a party of a multilateral treaty none of whose consent is on
   * record, on the treaty's), while no state (nor that party) applied it provisionally. Suspension concerns the
   * operation of a treaty in force or provisionally applied (VCLT art. 57-58, 72, 25): this one suspended
   * nothing, and the status does not read it as a suspension (decision 0085). Then the reports of the entry into
   * force it came before, if any.
   */
  | 'SUSPENSION_BEFORE_ENTRY_INTO_FORCE'
  /**
   * A resumption dated before the treaty entered into force (for its party, as for a suspension), while no state
   * (nor that party) applied it provisionally, and no suspension of its stood: there was no operation to resume
   * (decision 0098). Then the reports of the entry into force it came before, if any.
   */
  | 'RESUMPTION_BEFORE_ENTRY_INTO_FORCE'
  /**
   * A resumption of a treaty that operated, while nothing of its scope stood suspended: no suspension on record
   * before it, or only ones that suspended nothing or that an earlier resumption ended (decision 0098). Then the
   * latest suspension of its scope before it, and the resumption that ended that one, where the record has them.
   */
  | 'RESUMPTION_WITHOUT_SUSPENSION'
  /**
   * A termination dated before the treaty entered into force (for any state), while no state applied it
   * provisionally: termination (VCLT Part V) ends a treaty in force, so this one ended nothing in force. The treaty
   * was abandoned before it bound anyone, and the status says `will-not-enter-into-force` (decision 0099). Always of
   * the whole treaty (party null).
   */
  | 'TERMINATION_BEFORE_ENTRY_INTO_FORCE';

/** Warnings about one party's act: they always name the party. */
type PartyRecordWarningCode =
  /** A reservation dated after the state's consent to be bound (VCLT art. 19: formulated when signing or consenting). */
  | 'LATE_RESERVATION'
  /**
   * A reservation to a treaty registered bilateral: between two states a "reservation" is a proposal to amend the
   * treaty, not a reservation (ILC Guide to Practice on Reservations to Treaties, 2011, guideline 1.6.1).
   */
  | 'RESERVATION_TO_BILATERAL_TREATY'
  /** Provisional application started after the treaty entered into force for the state (art. 25: pending it). */
  | 'PROVISIONAL_APPLICATION_AFTER_ENTRY_INTO_FORCE'
  /**
   * An end of the state's provisional application while it applied none: no start of its on record before it, or
   * only one that an earlier end had already closed (art. 25; decision 0110). Then that start and that end, where the
   * record has them.
   */
  | 'PROVISIONAL_APPLICATION_END_WITHOUT_START'
  /**
   * An objection to a reservation by a state that is not an original party and has no signature or consent on record
   * by its date: any state entitled to become a party may object, but its objection has effect only once it consents
   * (ILC Guide to Practice on Reservations to Treaties, 2011, guideline 2.6.5(b)); or the report names the wrong state
   * (decision 0112).
   */
  | 'OBJECTION_BY_STATE_NOT_ON_RECORD';

export const RECORD_WARNING_CODES: readonly RecordWarningCode[] = [
  'LATE_RESERVATION',
  'RESERVATION_TO_BILATERAL_TREATY',
  'PROVISIONAL_APPLICATION_AFTER_ENTRY_INTO_FORCE',
  'PROVISIONAL_APPLICATION_END_WITHOUT_START',
  'OBJECTION_BY_STATE_NOT_ON_RECORD',
  'SUSPENSION_BEFORE_ENTRY_INTO_FORCE',
  'RESUMPTION_BEFORE_ENTRY_INTO_FORCE',
  'RESUMPTION_WITHOUT_SUSPENSION',
  'TERMINATION_BEFORE_ENTRY_INTO_FORCE',
];

/** What the developments are measured against, as the status view shows it. */
export type WarningMeasures = {
  /** Each party's entry into force as the view shows it (reported or computed), or null. */
  readonly inForceOn: (party: string) => string | null;
  /**
   * The day the treaty is in force from for the whole treaty (null) or a party, expected days included, or null:
   * what a suspension is measured against (`operatingOn`).
   */
  readonly inForceFrom: (party: string | null) => string | null;
  /** The day the treaty is in force from as if no termination were on record: what a termination is measured against. */
  readonly inForceUnlessEnded: string | null;
  /** Whether the record shows the state a party (an original one, or by a signature or consent) by the day given. */
  readonly partyBy: (party: string, on: string) => boolean;
};

/**
 * The warnings of the developments on record (by `asOf`), in valid-time order of the flagged report, measured against
 * the entries into force the view shows (`measures`). Dates compare at the coarser precision: an act known only to
 * the month of the date it is measured against may have come with it, and is not flagged.
 */
export function recordWarnings(
  onRecord: readonly DevelopmentHistory[],
  bilateral: boolean,
  { inForceOn, inForceFrom, inForceUnlessEnded, partyBy }: WarningMeasures,
): RecordWarning[] {
  const warnings: RecordWarning[] = [];
  for (const report of onRecord) {
    const { current } = report;
    if (current.type === 'suspended') {
      const party = current.party ?? null;
      const entry = inForceFrom(party);
      if (!operatingOn(onRecord, party, entry, current.occurredOn)) {
        warnings.push({
          code: 'SUSPENSION_BEFORE_ENTRY_INTO_FORCE',
          party,
          developmentIds: [report.developmentId, ...entryIntoForceReports(onRecord, party, entry)],
        });
      }
    }
    if (current.type === 'resumed') {
      const party = current.party ?? null;
      const entry = inForceFrom(party);
      const fault = resumptionFault(
        onRecord,
        report,
        ({ current: suspension }) => {
          const scope = partyOf(suspension) ?? null;
          return operatingOn(onRecord, scope, inForceFrom(scope), suspension.occurredOn);
        },
        operatingOn(onRecord, party, entry, current.occurredOn),
      );
      if (fault !== null) {
        warnings.push({
          code: fault.code,
          party,
          developmentIds: [
            report.developmentId,
            ...(fault.code === 'RESUMPTION_BEFORE_ENTRY_INTO_FORCE'
              ? entryIntoForceReports(onRecord, party, entry)
              : fault.measuredAgainst),
          ],
        });
      }
    }
    if (current.type === 'terminated' && !operatingOn(onRecord, null, inForceUnlessEnded, current.occurredOn)) {
      warnings.push({
        code: 'TERMINATION_BEFORE_ENTRY_INTO_FORCE',
        party: null,
        developmentIds: [report.developmentId],
      });
    }
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
        warnings.push({
          code: 'PROVISIONAL_APPLICATION_AFTER_ENTRY_INTO_FORCE',
          party: current.party,
          developmentIds: [report.developmentId, ...entryIntoForceReports(onRecord, current.party, entry)],
        });
      }
    }
    if (current.type === 'objection' && !partyBy(current.party, current.occurredOn)) {
      warnings.push({
        code: 'OBJECTION_BY_STATE_NOT_ON_RECORD',
        party: current.party,
        developmentIds: [report.developmentId],
      });
    }
    if (current.type === 'provisional-application-ended') {
      const measuredAgainst = endWithoutProvisionalApplication(onRecord, report);
      if (measuredAgainst !== null) {
        warnings.push({
          code: 'PROVISIONAL_APPLICATION_END_WITHOUT_START',
          party: current.party,
          developmentIds: [report.developmentId, ...measuredAgainst],
        });
      }
    }
  }
  return warnings;
}

/**
 * The reports of the entry into force of date `on` that a flagged act is measured against: the party's own or the
 * treaty's (for the treaty as a whole, `party` null: any).
 */
function entryIntoForceReports(
  onRecord: readonly DevelopmentHistory[],
  party: string | null,
  on: string | null,
): string[] {
  return onRecord
    .filter(
      ({ current }) =>
        current.type === 'entered-into-force' &&
        (party === null || (partyOf(current) ?? party) === party) &&
        current.occurredOn === on,
    )
    .map((report) => report.developmentId);
}

import type {
  EntryIntoForceClause,
  TreatyIdentifiers,
  TreatyKind,
  WithdrawalNotice,
} from '../law/treaty-law.vocabulary';
import type { DatePrecision } from '../partial-date';
import type { TreatyCategory } from '../treaty.events';
import type { EarlierEntryIntoForce } from './earlier-entries-into-force';
import type { EarlierWithdrawal } from './earlier-withdrawals';
import type {
  DaysBetween,
  PartyConsent,
  PartyObjection,
  PartyReservation,
  ProvisionalApplication,
} from './party-status';
import type { RecordWarning } from './record-warnings';
import type { RecordedTwice } from './recorded-twice';
import type { Disagreement, RatificationStep } from './status-parts';
import type { TreatyNotOnRecord } from './treaties-not-on-record';
import type { ViewRelation } from './treaty-links';

/** The shape of the status view (see `treatyStatusView`). */

/**
 * `will-not-enter-into-force`: a treaty that needs every original state's consent (a bilateral treaty, and any without
 * an entry-into-force clause, VCLT art. 24(2)) one of whose original states withdrew (a signatory saying it will not
 * become a party, art. 18, or a state withdrawing its instrument) before it entered into force; it never bound anyone,
 * so it is not `terminated` (decisions 0038, 0102). So is a treaty reported terminated before it entered into force,
 * while no state applied it provisionally: its states abandoned it (decision 0099).
 */
export type TreatyStatus =
  | 'registered'
  | 'signed'
  | 'ratification-in-progress'
  | 'ratified'
  | 'in-force'
  | 'suspended'
  | 'terminated'
  | 'will-not-enter-into-force';

export type PartyRatificationStatus = 'pending' | 'in-progress' | 'completed';

/** One party's entry: its path to being bound, and what treaty law records of it. */
export type PartyRatification = {
  readonly status: PartyRatificationStatus;
  readonly completedOn: string | null;
  readonly completedOnPrecision: DatePrecision | null;
  /**
   * True when the party is bound by an entry into force on record and no act of consent (nor a completed
   * ratification) is: its status is `completed`, with no `completedOn`.
   */
  readonly consentImplied: boolean;
  readonly withdrawn: boolean;
  readonly withdrewOn: string | null;
  readonly withdrewOnPrecision: DatePrecision | null;
  readonly steps: readonly RatificationStep[];
  /** One of the parties named at registration (the others joined by signature, accession or succession). */
  readonly original: boolean;
  /** Its own signature, or the treaty's for an original party. */
  readonly signedOn: string | null;
  readonly consent: PartyConsent | null;
  readonly inForceOn: string | null;
  /** True when `inForceOn` is computed from the treaty's clause, no report having confirmed it. */
  readonly inForceOnComputed: boolean;
  /** The day the clause puts it in force for this party while that day is still ahead (then `inForceOn` is null). */
  readonly inForceOnExpected: string | null;
  /**
   * Its entries into force before `inForceOn`, earliest first: a state that left the treaty and consented again was
   * in force from each of its instruments (decision 0106). Empty for a state bound once.
   */
  readonly earlierEntriesIntoForce: readonly EarlierEntryIntoForce[];
  readonly reservations: readonly PartyReservation[];
  readonly declarations: readonly PartyReservation[];
  /** The objections this party made to others' reservations. */
  readonly objections: readonly PartyObjection[];
  readonly withdrawalNotifiedOn: string | null;
  readonly withdrawalEffectiveOn: string | null;
  readonly withdrawalEffectiveOnComputed: boolean;
  /**
   * The first and last days the withdrawal may take effect on, when not one day (a notice known only to its month or
   * year): `withdrawalEffectiveOn` shows the period they share, or nothing when they fall in different years; the
   * party is `withdrawn` once the last has come (decision 0115). Null when the effect is known to the day or unknown,
   * and for a party of a bilateral treaty whose possible days fall in different years: no effect (0115, amended).
   */
  readonly withdrawalEffectiveBetween: DaysBetween | null;
  /**
   * Its withdrawals that took effect before the one shown (its latest notice, `withdrawalNotifiedOn`, else its latest
   * withdrawal while `withdrewOn` shows it; with no notice on record and a consent after its latest withdrawal, every
   * one), earliest first: a state that left, consented again and left again (decision 0116). Empty for a state that
   * withdrew once, or never.
   */
  readonly earlierWithdrawals: readonly EarlierWithdrawal[];
  readonly provisionalApplication: ProvisionalApplication | null;
  readonly suspended: boolean;
  readonly suspendedOn: string | null;
};

export type TreatyStatusView = {
  readonly id: string;
  readonly title: string;
  /** Every party: the original ones, then those who joined, in the order they were recorded. */
  readonly parties: readonly string[];
  readonly originalParties: readonly string[];
  readonly category: TreatyCategory;
  readonly kind: TreatyKind | null;
  readonly depositary: string | null;
  readonly entryIntoForceClause: EntryIntoForceClause | null;
  /** The notice of withdrawal when the registration gives it in days (`withdrawalNoticeDays`); null otherwise. */
  readonly withdrawalNoticeDays: number | null;
  /**
   * The notice of withdrawal however the registration gives it: `{ days }` for `withdrawalNoticeDays`, else in months
   * or years, perhaps to the first day of the following month (decision 0063); null when it gives none.
   */
  readonly withdrawalNotice: WithdrawalNotice | null;
  readonly identifiers: TreatyIdentifiers;
  /** Relations this treaty states, and those other treaties state about it. */
  readonly relations: readonly ViewRelation[];
  /**
   * The treaties this one names (its relations, its statements, negotiations and context on record) that the record
   * does not hold: not registered (yet), or deleted for good. Links to them lead nowhere.
   */
  readonly treatiesNotOnRecord: readonly TreatyNotOnRecord[];
  readonly status: TreatyStatus;
  readonly signedOn: string | null;
  readonly signedOnPrecision: DatePrecision | null;
  readonly instrumentsExchangedOn: string | null;
  readonly instrumentsExchangedOnPrecision: DatePrecision | null;
  readonly enteredIntoForceOn: string | null;
  readonly enteredIntoForceOnPrecision: DatePrecision | null;
  /** True when `enteredIntoForceOn` is computed from the treaty's clause, no report having confirmed it. */
  readonly enteredIntoForceOnComputed: boolean;
  /** The date the clause gives, whatever was reported (null without a clause, or too few instruments yet). */
  readonly enteredIntoForceOnByClause: string | null;
  /** The day the clause puts the treaty in force while that day is still ahead (then `enteredIntoForceOn` is null). */
  readonly enteredIntoForceOnExpected: string | null;
  readonly suspendedOn: string | null;
  readonly suspendedOnPrecision: DatePrecision | null;
  readonly resumedOn: string | null;
  readonly resumedOnPrecision: DatePrecision | null;
  readonly terminatedOn: string | null;
  readonly terminatedOnPrecision: DatePrecision | null;
  /**
   * True when `terminatedOn` is computed, no termination having been reported: a bilateral treaty ends on the day
   * one party's withdrawal takes effect.
   */
  readonly terminatedOnComputed: boolean;
  /** The day a bilateral treaty ends, a party's withdrawal taking effect, while that day is still ahead. */
  readonly terminatedOnExpected: string | null;
  readonly ratification: Readonly<Record<string, PartyRatification>>;
  /**
   * The steps on record of states that are not parties, by state: a chamber's approval of joining before the state's
   * consent (decision 0070), or what is left of a state's path once its joining was retracted.
   */
  readonly joining: Readonly<Record<string, readonly RatificationStep[]>>;
  readonly disagreements: readonly Disagreement[];
  /**
   * Acts on record, as reported, that treaty law does not expect (a reservation after consent or to a bilateral
   * treaty, provisional application after entry into force): flagged for a reader and an editor, not refused.
   */
  readonly warnings: readonly RecordWarning[];
  /**
   * Acts the record holds as two developments or more (a correction made before decision 0042 could do it): listed
   * so that an editor retracts the one recorded in error. Empty on any record the decider made since.
   */
  readonly recordedTwice: readonly RecordedTwice[];
  readonly asOf: string | null;
  readonly knownAt: Date | null;
  /**
   * The present's only (no `asOf`): the first day after today on which a date the record sets ahead comes (an entry
   * into force by the clause, a withdrawal's effect, a bilateral treaty's end), and so changes this status without
   * any new report; null when none lies ahead.
   */
  readonly nextChangeOn: string | null;
  /** Of the last event folded (the last one known at `knownAt`). */
  readonly revision: bigint;
  readonly position: bigint;
};

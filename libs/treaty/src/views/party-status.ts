import { partyOf, type Development } from '../development';
import { firstOccurrence, latestOccurrence } from '../law/rejoining';
import { unnamedActConcerns } from '../law/reservation-withdrawal';
import type { ClausePeriod } from '../law/clause-period';
import { exchangeAfter } from '../law/established-consent';
import { objectionPeriodEndsNotBefore } from '../law/objection-period';
import { noticeEffect } from '../law/withdrawal-revocation';
import type { ConsentType, TreatyKind } from '../law/treaty-law.vocabulary';
import { comparePartialDates, precisionOf, type DatePrecision } from '../partial-date';
import type { DevelopmentHistory } from './treaty-history';
import { representativeOf } from './treaty-history';

/** The treaty-law parts of a party's entry in the status: consent, reservations, objections, withdrawal, ... */

export type PartyConsent = {
  readonly type: ConsentType;
  /** The date of deposit, exchange or notification. */
  readonly on: string;
  readonly precision: DatePrecision;
  readonly developmentId: string;
  /**
   * A notification of succession: the date of the succession of States, from which the successor is a party (or
   * from the treaty's entry into force, if later). Null when not reported: the party's date is then computed from
   * the notification, as for any other instrument.
   */
  readonly successionOn: string | null;
};

export type PartyReservation = {
  readonly developmentId: string;
  readonly text: string | null;
  /**
   * For a reservation confirmed on consent (VCLT art. 23(2)), the date of its confirmation. Null for one that is
   * `unconfirmed`: formulated at signature, it is considered made only when confirmed (decision 0100).
   */
  readonly madeOn: string | null;
  readonly madeOnPrecision: DatePrecision | null;
  /** Reservations confirmed on consent, or `unconfirmed`, only: the date it was formulated (at signature). */
  readonly formulatedOn?: string;
  /** Reservations confirmed on consent only: the date of the confirmation, from which it counts as made. */
  readonly confirmedOn?: string;
  /** Reservations confirmed on consent only: the developmentId of the confirmation. */
  readonly confirmationId?: string;
  /**
   * Present (true) for a reservation formulated before the party's consent to be bound (or while none is on record:
   * at signature), which the record does not show confirmed: VCLT art. 23(2) requires it to be confirmed on consent,
   * and it is considered made only then. Listed, with `formulatedOn` and no `madeOn`, but not to be taken as made:
   * before the party's consent, it awaits its confirmation; after it, none is on record (decision 0100).
   */
  readonly unconfirmed?: true;
  /**
   * Reservations made (confirmed on consent, or made with a consent of the party's of the same day; not late ones,
   * nor declarations, nor those of a treaty registered bilateral, where a reservation is an offer to renegotiate):
   * the earliest day the twelve months end in which other states may object, after which one that has consented and
   * not objected is taken to accept it (VCLT art. 20(5)). This is the article's residual rule, which holds unless the
   * treaty provides otherwise (a period of its own, reservations it expressly authorises), clauses the record does
   * not hold. Counted from `madeOn`: the depositary's notification, from which the article counts, comes on or after
   * it and is not on record, so the period ends on this day or later; at `madeOn`'s precision. Kept once withdrawn.
   */
  readonly objectionPeriodEndsNotBefore?: string;
  /** Reservations only: when it was withdrawn, or null. */
  readonly withdrawnOn: string | null;
  /**
   * Reservations only: the parties whose objection to it stands (not withdrawn by the objecting state), with when they
   * objected; kept once the reservation is withdrawn, as who objected to it, though the objections then have no effect.
   */
  readonly objectedToBy: readonly { readonly party: string; readonly on: string; readonly developmentId: string }[];
};

export type PartyObjection = {
  readonly developmentId: string;
  /** When the objecting party withdrew it, or null while it stands. */
  readonly withdrawnOn: string | null;
  readonly againstParty: string;
  readonly reservationId: string | null;
  readonly text: string | null;
  readonly madeOn: string;
  readonly madeOnPrecision: DatePrecision;
  /**
   * Present only for an objection left with nothing to object to: the day the last of the reservations it concerns
   * was withdrawn (or the objection's own date, if made after that). It has no effect from then (VCLT art. 22(3)(a)),
   * though its state did not withdraw it, so `withdrawnOn` stays null. Absent while a reservation it concerns stands,
   * and for an objection its state withdrew first.
   */
  readonly mootOn?: string;
};

export type PartyWithdrawal = {
  readonly notifiedOn: string | null;
  readonly effectiveOn: string | null;
  /** True when `effectiveOn` is the notification plus the treaty's notice period, no report having given it. */
  readonly effectiveOnComputed: boolean;
  /**
   * The last day the effect may fall on (`YYYY-MM-DD`): once it has come, so has the effect, whatever `effectiveOn`
   * shows (a notice of March 2022 under 180 days shows "2022" but has taken effect by 2022-09-27, decision 0105).
   */
  readonly effectiveBy: string | null;
  /**
   * The first and last days the effect may fall on, when they are not one day (a notice known only to its month or
   * year, or an effect reported to the month): what `effectiveOn` shows at its certain precision, or cannot show when
   * the two ends fall in different years (decision 0115). Null when the effect is known to the day, or not computed.
   */
  readonly effectiveBetween: DaysBetween | null;
};

/** The first and last days (`YYYY-MM-DD` both) a date known to less than the day may fall on. */
export type DaysBetween = { readonly earliest: string; readonly latest: string };

export type ProvisionalApplication = {
  readonly startedOn: string | null;
  readonly endedOn: string | null;
  /**
   * No end is on record: `endedOn` is the party's entry into force, or the day its withdrawal took effect, whichever
   * came first: either ends provisional application.
   */
  readonly endedOnComputed: boolean;
};

export type Of<T extends Development['type']> = DevelopmentHistory & {
  readonly current: Development & { readonly type: T };
};

export function reportsOf<T extends Development['type']>(
  onRecord: readonly DevelopmentHistory[],
  type: T,
  party: string,
): Of<T>[] {
  return onRecord.filter(
    (report): report is Of<T> => report.current.type === type && partyOf(report.current) === party,
  );
}

/**
 * The party's standing consent: the latest act (a state that withdrew may consent again), or a ratification-completed.
 * `first` asks for its first instrument instead, the one that counted towards the treaty's entry into force.
 */
export function consentOf(
  onRecord: readonly DevelopmentHistory[],
  party: string,
  which: 'latest' | 'first' = 'latest',
): PartyConsent | null {
  const occurrence = which === 'latest' ? latestOccurrence : firstOccurrence;
  const acts = reportsOf(onRecord, 'consent-to-be-bound', party);
  const consentType = (which === 'latest' ? acts.at(-1) : acts[0])?.current.consentType;
  const act = representativeOf(
    occurrence(
      acts.filter((candidate) => candidate.current.consentType === consentType),
      onRecord,
    ),
  );
  if (act !== undefined) return consentFrom(act);
  const ratification = representativeOf(occurrence(reportsOf(onRecord, 'ratification-completed', party), onRecord));
  if (ratification === undefined) return null;
  // A ratification completed at home is established as consent by the exchange of instruments that follows it: that
  // date counts, not the day the law was signed (TREATY-LAW.md; decision 0079). A consent-to-be-bound is the
  // international act itself, dated by its deposit, exchange or notification, and is taken as reported.
  const exchange = exchangeAfter(onRecord, ratification.current.occurredOn);
  const established = exchange ?? ratification;
  return {
    type: 'ratification',
    on: established.current.occurredOn,
    precision: precisionOf(established.current.occurredOn),
    developmentId: established.developmentId,
    successionOn: null,
  };
}

/** The party's consent as one report of its act of consent gives it. */
export function consentFrom(act: Of<'consent-to-be-bound'>): PartyConsent {
  const { occurredOn } = act.current;
  return {
    type: act.current.consentType,
    on: occurredOn,
    precision: precisionOf(occurredOn),
    developmentId: act.developmentId,
    successionOn: act.current.successionOn ?? null,
  };
}

/** Which of a party's acts `reservationsOf` reads, and what it needs to know of the party and the treaty. */
export interface ReservationsOptions {
  readonly type: 'reservation' | 'declaration';
  /**
   * The party's consent on record (default: none): a reservation dated before it, or while there is none, and not
   * confirmed is `unconfirmed` (decision 0100).
   */
  readonly consent?: PartyConsent | null;
  /** The treaty's kind (default: unknown): a reservation to a bilateral treaty has no objection period. */
  readonly kind?: TreatyKind;
  /**
   * The party is bound by a reported entry into force with no consent on record (default: false): whether it
   * confirmed is not known, and none of its reservations reads as unconfirmed.
   */
  readonly consentImplied?: boolean;
}

/**
 * The party's reservations (or declarations), each with the objections that stand against it and its withdrawal. A
 * reservation formulated at signature is made on the date the party confirms it on consenting (VCLT art. 23(2)): its
 * confirmation (a reservation naming it by `confirmsReservationId`) is shown on it, not as another reservation, and
 * an objection or withdrawal naming the confirmation concerns it. Without a confirmation by the time `consent` is on
 * record, it is marked `unconfirmed`. An objection made before the confirmation still counts (art. 23(3)).
 */
export function reservationsOf(
  onRecord: readonly DevelopmentHistory[],
  party: string,
  { type, consent = null, kind, consentImplied = false }: ReservationsOptions,
): PartyReservation[] {
  // The objections that stand: made against this party and not withdrawn since by the objecting party.
  const objections = onRecord
    .filter(
      (report): report is Of<'objection'> =>
        report.current.type === 'objection' && report.current.againstParty === party,
    )
    .filter(
      (report) =>
        !onRecord.some(
          (other) =>
            other.current.type === 'objection-withdrawn' && withdrawsObjection(other.current, report, onRecord),
        ),
    );
  const { formulated, confirmations, concerns, withdrawalOf } = reservationsMadeBy(onRecord, party, type);
  return formulated.map((report) => {
    const withdrawal = withdrawalOf(report);
    const confirmation = representativeOf(confirmations.get(report.developmentId) ?? []);
    // Not made until confirmed (art. 23(2)): no date of making, but the date it was formulated.
    const unconfirmed =
      type === 'reservation' && !confirmation && !consentImplied && formulatedBefore(report, consent, onRecord);
    const madeOn = unconfirmed ? null : (confirmation?.current.occurredOn ?? report.current.occurredOn);
    return {
      developmentId: report.developmentId,
      text: report.current.text ?? confirmation?.current.text ?? null,
      madeOn,
      madeOnPrecision: madeOn === null ? null : precisionOf(madeOn),
      ...(confirmation || unconfirmed ? { formulatedOn: report.current.occurredOn } : {}),
      ...(confirmation
        ? { confirmedOn: confirmation.current.occurredOn, confirmationId: confirmation.developmentId }
        : {}),
      // Unconfirmed, never made; made (confirmed, or with a consent of its day), open to objection.
      ...(unconfirmed
        ? { unconfirmed: true as const }
        : madeOn !== null &&
            type === 'reservation' &&
            (confirmation || madeWithConsent(report, onRecord)) &&
            kind !== 'bilateral'
          ? { objectionPeriodEndsNotBefore: objectionPeriodEndsNotBefore(madeOn) }
          : {}),
      withdrawnOn: withdrawal?.current.occurredOn ?? null,
      objectedToBy: earliestOfEachParty(objections.filter((objection) => concerns(objection, report))).map(
        (objection) => ({
          party: objection.current.party,
          on: objection.current.occurredOn,
          developmentId: objection.developmentId,
        }),
      ),
    };
  });
}

/**
 * A party's reservations (or declarations) as the acts about them read them: each one formulated (a confirmation on
 * consent is the reservation it confirms, not another), its confirmations, whether a withdrawal or an objection
 * concerns it, and its withdrawal.
 */
function reservationsMadeBy(
  onRecord: readonly DevelopmentHistory[],
  party: string,
  type: 'reservation' | 'declaration',
): {
  formulated: Of<'reservation' | 'declaration'>[];
  confirmations: Map<string, Of<'reservation'>[]>;
  concerns: (
    act: Of<'reservation-withdrawn'> | Of<'objection'>,
    reservation: Of<'reservation' | 'declaration'>,
  ) => boolean;
  withdrawalOf: (reservation: Of<'reservation' | 'declaration'>) => Of<'reservation-withdrawn'> | undefined;
} {
  const reports = reportsOf(onRecord, type, party);
  const confirmations = confirmationsAmong(reports);
  // What an objection or a withdrawal names: the confirmation of a reservation stands for the reservation.
  const confirmedIdOf = new Map<string, string>();
  for (const [confirmedId, reportsOfConfirmation] of confirmations) {
    for (const confirmation of reportsOfConfirmation) confirmedIdOf.set(confirmation.developmentId, confirmedId);
  }
  const formulated = reports.filter((report) => !confirmedIdOf.has(report.developmentId));
  const formulatedOnDates = formulated.map((report) => report.current.occurredOn);
  // One that names no reservation concerns those the party had made by then, not one it made later.
  const concerns = (
    { current }: Of<'reservation-withdrawn'> | Of<'objection'>,
    reservation: Of<'reservation' | 'declaration'>,
  ) =>
    type === 'reservation' &&
    (current.reservationId === undefined
      ? unnamedActConcerns(current.occurredOn, reservation.current.occurredOn, formulatedOnDates)
      : (confirmedIdOf.get(current.reservationId) ?? current.reservationId) === reservation.developmentId);
  const withdrawals = reportsOf(onRecord, 'reservation-withdrawn', party);
  const withdrawalOf = (reservation: Of<'reservation' | 'declaration'>) =>
    withdrawals.find((withdrawal) => concerns(withdrawal, reservation));
  return { formulated, confirmations, concerns, withdrawalOf };
}

/**
 * One objection a party: a state that objects to a reservation twice (naming it once and its confirmation once, or
 * naming it once and not at all) objected once, when it first did; the order of the first objections is kept.
 */
function earliestOfEachParty(objections: readonly Of<'objection'>[]): Of<'objection'>[] {
  const earliest = new Map<string, Of<'objection'>>();
  for (const objection of objections) {
    const seen = earliest.get(objection.current.party);
    if (!seen || comparePartialDates(objection.current.occurredOn, seen.current.occurredOn) < 0) {
      earliest.set(objection.current.party, objection);
    }
  }
  return objections.filter((objection) => earliest.get(objection.current.party) === objection);
}

/**
 * The confirmations on record of each reservation among `reports` (by its developmentId). A confirmation whose
 * reservation is not among them (retracted since) is left out: it stands as a reservation of its own, made on consent.
 */
function confirmationsAmong(reports: readonly Of<'reservation' | 'declaration'>[]): Map<string, Of<'reservation'>[]> {
  const confirmations = new Map<string, Of<'reservation'>[]>();
  const ids = new Set(reports.map((report) => report.developmentId));
  for (const report of reports) {
    const { current } = report;
    if (current.type !== 'reservation' || current.confirmsReservationId === undefined) continue;
    if (!ids.has(current.confirmsReservationId)) continue;
    const confirmation = report as Of<'reservation'>;
    const same = confirmations.get(current.confirmsReservationId);
    if (same) same.push(confirmation);
    else confirmations.set(current.confirmsReservationId, [confirmation]);
  }
  return confirmations;
}

/**
 * Whether a reservation was made with a consent of the party's of its own day (art. 19: a state reserves when it signs
 * or consents): one dated after every consent on record is late (the status's `LATE_RESERVATION`), where a single
 * objection, not the art. 20(5) period, decides (ILC Guide to Practice, guideline 2.3.1); one with no consent on
 * record yet awaits it.
 */
function madeWithConsent(report: Of<'reservation' | 'declaration'>, onRecord: readonly DevelopmentHistory[]): boolean {
  return onRecord.some(
    ({ current }) =>
      (current.type === 'consent-to-be-bound' || current.type === 'ratification-completed') &&
      current.party === report.current.party &&
      comparePartialDates(current.occurredOn, report.current.occurredOn) === 0,
  );
}

/**
 * A reservation dated before the party's consent, or while no consent of the party's is on record: formulated at
 * signature, so to be confirmed on consent (decision 0100). Not asked of a party bound by a reported entry into force
 * with no consent on record (`consentImplied`): when it consented, and so whether it confirmed, is not known, and
 * the reservation reads as made on its date, as a source reporting a party bound with its reservations means it. Not one made with a consent act of its own day: a
 * ratification that an exchange later established (decision 0079) carried it.
 */
function formulatedBefore(
  report: Of<'reservation' | 'declaration'>,
  consent: PartyConsent | null,
  onRecord: readonly DevelopmentHistory[],
): boolean {
  return (
    report.current.type === 'reservation' &&
    report.current.confirmsReservationId === undefined &&
    (consent === null || comparePartialDates(report.current.occurredOn, consent.on) < 0) &&
    !madeWithConsent(report, onRecord)
  );
}

/**
 * Whether a withdrawal of objections (which names the reserving party, not an objection) concerns `objection`: one of
 * the same two parties known to have been made by its date; one of its own period only when none is known to come
 * before it (`unnamedActConcerns`), so that a withdrawal "in December" leaves an objection made on 20 December.
 */
function withdrawsObjection(
  withdrawal: Extract<Development, { type: 'objection-withdrawn' }>,
  objection: Of<'objection'>,
  onRecord: readonly DevelopmentHistory[],
): boolean {
  const { party, againstParty } = objection.current;
  if (withdrawal.party !== party || withdrawal.againstParty !== againstParty) return false;
  const madeOnDates = reportsOf(onRecord, 'objection', party)
    .filter((other) => other.current.againstParty === againstParty)
    .map((other) => other.current.occurredOn);
  return unnamedActConcerns(withdrawal.occurredOn, objection.current.occurredOn, madeOnDates);
}

export function objectionsOf(onRecord: readonly DevelopmentHistory[], party: string): PartyObjection[] {
  const withdrawals = reportsOf(onRecord, 'objection-withdrawn', party);
  return reportsOf(onRecord, 'objection', party).map((objection) => {
    const { developmentId, current } = objection;
    const withdrawnOn =
      withdrawals.find((withdrawal) => withdrawsObjection(withdrawal.current, objection, onRecord))?.current
        .occurredOn ?? null;
    const mootOn = objectionMootOn(objection, onRecord);
    return {
      developmentId,
      withdrawnOn,
      againstParty: current.againstParty,
      reservationId: current.reservationId ?? null,
      text: current.text ?? null,
      madeOn: current.occurredOn,
      madeOnPrecision: precisionOf(current.occurredOn),
      // An objection its state withdrew before the reservations went was not left without an object: it ended.
      ...(mootOn !== null && (withdrawnOn === null || comparePartialDates(withdrawnOn, mootOn) > 0) ? { mootOn } : {}),
    };
  });
}

/**
 * The date from which an objection has nothing left to object to: every reservation it concerns (the one it names,
 * or those of the reserving party made by its date) withdrawn by then; null while one stands, or when it concerns
 * none on record. A withdrawn reservation no longer modifies the treaty between the reserving state and any other,
 * objecting or not (VCLT art. 22(3)(a); ILC Guide to Practice on Reservations to Treaties, 2011, guideline 2.5.7),
 * so the objection has no effect left, though its state never withdrew it (art. 22(2)), which it may still do. The
 * later of the last withdrawal and the objection itself: one made after the withdrawal was moot when made.
 */
function objectionMootOn(objection: Of<'objection'>, onRecord: readonly DevelopmentHistory[]): string | null {
  const { formulated, concerns, withdrawalOf } = reservationsMadeBy(
    onRecord,
    objection.current.againstParty,
    'reservation',
  );
  const withdrawnOn = formulated
    .filter((reservation) => concerns(objection, reservation))
    .map((reservation) => withdrawalOf(reservation)?.current.occurredOn ?? null);
  if (withdrawnOn.length === 0 || withdrawnOn.includes(null)) return null;
  return [...(withdrawnOn as string[]), objection.current.occurredOn].reduce((latest, on) =>
    comparePartialDates(on, latest) > 0 ? on : latest,
  );
}

/**
 * A notified withdrawal takes effect on the date the report gives, else after the treaty's notice period (when the
 * registration states one; from a notification known only to the month or year, as far as that determines it:
 * `noticeEffectiveOn`, decision 0105). `boundBy` says whether the party was bound
 * by a date: a state that was not (it only signed) notifies that it will not become a party, effective when notified.
 */
export function withdrawalOf(
  onRecord: readonly DevelopmentHistory[],
  party: string,
  noticePeriod: ClausePeriod | undefined,
  boundBy: (date: string) => boolean,
): PartyWithdrawal {
  const notice = representativeOf(latestOccurrence(reportsOf(onRecord, 'withdrawal-notified', party), onRecord));
  if (!notice) return NO_WITHDRAWAL;
  return noticeWithdrawal(notice.current, noticePeriod, boundBy);
}

const NO_WITHDRAWAL: PartyWithdrawal = {
  notifiedOn: null,
  effectiveOn: null,
  effectiveOnComputed: false,
  effectiveBy: null,
  effectiveBetween: null,
};

/** What one notice says of the withdrawal (`withdrawalOf`). */
export function noticeWithdrawal(
  notice: { readonly occurredOn: string; readonly effectiveOn?: string },
  noticePeriod: ClausePeriod | undefined,
  boundBy: (date: string) => boolean,
): PartyWithdrawal {
  const { occurredOn, effectiveOn } = notice;
  const effect = noticeEffect(notice, noticePeriod, boundBy(occurredOn));
  const effectiveBy = effect?.latest ?? null;
  const effectiveBetween =
    effect === null || effect.earliest === effect.latest ? null : { earliest: effect.earliest, latest: effect.latest };
  if (effectiveOn !== undefined)
    return { notifiedOn: occurredOn, effectiveOn, effectiveOnComputed: false, effectiveBy, effectiveBetween };
  const computed = effect?.on ?? null;
  return {
    notifiedOn: occurredOn,
    effectiveOn: computed,
    effectiveOnComputed: computed !== null,
    effectiveBy,
    effectiveBetween,
  };
}

/**
 * Whether a state's consent binds it by `date`, so that a notice it gives then runs the treaty's notice period. Under
 * a clause, the count decides: an instrument withdrawn before the count took it never bound (decision 0038), which
 * `instrumentWithdrawn` says of the instrument standing on `date`, not of one deposited later (decision 0105). Without
 * one there is no count: a consent binds once the treaty is in force (`inForceSince`: a bilateral treaty's or a
 * convention's entry into force, or a party's), and before that a notice is the state saying it will not become a
 * party, effective when given (VCLT art. 18), not a party leaving a treaty that binds it (decision 0043).
 */
export function consentBindsBy(
  date: string,
  treaty: { readonly hasClause: boolean; readonly inForceSince: string | null; readonly instrumentWithdrawn: boolean },
): boolean {
  if (treaty.hasClause) return !treaty.instrumentWithdrawn;
  return treaty.inForceSince !== null && comparePartialDates(treaty.inForceSince, date) <= 0;
}

/**
 * The party's last period of provisional application. It lasts until the treaty enters into force for the party, or
 * until the party makes clear it will not become a party (VCLT art. 25: applied provisionally "pending its entry into
 * force", ended by a notification "of its intention not to become a party"). Without an end on record, the earlier of
 * `inForceOn` and `withdrewOn` (the day the party's withdrawal took effect, as its standing reads it) ends it, once on
 * or after the start: a state shown as withdrawn is not still applying the treaty.
 */
export function provisionalApplicationOf(
  onRecord: readonly DevelopmentHistory[],
  party: string,
  inForceOn: string | null,
  withdrewOn: string | null,
): ProvisionalApplication | null {
  const started = reportsOf(onRecord, 'provisional-application-started', party).at(-1);
  const ended = reportsOf(onRecord, 'provisional-application-ended', party).at(-1);
  if (!started && !ended) return null;
  const reportedEnd =
    ended && (!started || comparePartialDates(ended.current.occurredOn, started.current.occurredOn) >= 0)
      ? ended.current.occurredOn
      : null;
  const computedEnd =
    reportedEnd === null && started !== undefined
      ? ([inForceOn, withdrewOn]
          .filter((on): on is string => on !== null && comparePartialDates(on, started.current.occurredOn) >= 0)
          .sort((a, b) => comparePartialDates(a, b))[0] ?? null)
      : null;
  return {
    startedOn: started?.current.occurredOn ?? null,
    endedOn: computedEnd ?? reportedEnd,
    endedOnComputed: computedEnd !== null,
  };
}

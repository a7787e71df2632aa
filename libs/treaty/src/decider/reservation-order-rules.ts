import type { Development } from '../development';
import { formulatedReservationDates } from '../law/reservation-withdrawal';
import { comparePartialDates } from '../partial-date';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import type { DevelopmentOnRecord } from './treaty.state';

/**
 * An objection to a reservation, and its withdrawal, come after the reservation is formulated: a state objects to a
 * reservation it has been notified of (VCLT art. 20(5), 23(1)), and a state withdraws a reservation it made (art.
 * 22(1)). One that names a reservation dated after it is refused (`ACT_BEFORE_RESERVATION`), as a confirmation before
 * the reservation it confirms is (`CONFIRMATION_BEFORE_RESERVATION`). One naming the confirmation on consent (art.
 * 23(2)) is measured against the reservation as formulated: an objection made before the confirmation counts (art.
 * 23(3)). Dates compare at the coarser precision, so an act of the reservation's month or day passes. An act that names
 * no reservation concerns those made by its date (law/reservation-withdrawal.ts): it is refused when every reservation
 * of the party on record comes after it, as it would concern none.
 */
export function assertNotBeforeNamedReservation(
  development: Development,
  others: readonly DevelopmentOnRecord[],
  prefix = '',
): void {
  if (development.type !== 'objection' && development.type !== 'reservation-withdrawn') return;
  const { reservationId } = development;
  if (reservationId === undefined) return assertSomeReservationBefore(development, others, prefix);
  const named = others.find((other) => other.developmentId === reservationId && other.current.type === 'reservation');
  if (named === undefined || named.current.type !== 'reservation') return;
  const { confirmsReservationId } = named.current;
  const formulated =
    confirmsReservationId === undefined
      ? named
      : (others.find((other) => other.developmentId === confirmsReservationId) ?? named);
  if (comparePartialDates(development.occurredOn, formulated.current.occurredOn) >= 0) return;
  throw new TreatyRuleViolation(
    'ACT_BEFORE_RESERVATION',
    `${prefix}occurredOn ${development.occurredOn} is before the reservation it names was formulated (${formulated.current.occurredOn}, development ${formulated.developmentId}); correct the date of one of the two`,
    `${prefix}occurredOn`,
  );
}

/**
 * A reservation moved by a correction stays on or before the objections and withdrawals that name it or its
 * confirmations (`assertNotBeforeNamedReservation` from the other side). `others` is the record without it.
 */
export function assertNamedActsStillFollow(
  developmentId: string,
  corrected: Development,
  others: readonly DevelopmentOnRecord[],
  prefix = '',
): void {
  if (corrected.type !== 'reservation' || corrected.confirmsReservationId !== undefined) return;
  const names = new Set([
    developmentId,
    ...others.flatMap(({ developmentId: id, current }) =>
      current.type === 'reservation' && current.confirmsReservationId === developmentId ? [id] : [],
    ),
  ]);
  const act = others.find(
    ({ current }) =>
      (current.type === 'objection' || current.type === 'reservation-withdrawn') &&
      current.reservationId !== undefined &&
      names.has(current.reservationId) &&
      comparePartialDates(current.occurredOn, corrected.occurredOn) < 0,
  );
  if (act !== undefined) {
    throw new TreatyRuleViolation(
      'ACT_BEFORE_RESERVATION',
      `${prefix}occurredOn ${corrected.occurredOn} is after the ${act.current.type} that names this reservation (${act.current.occurredOn}, development ${act.developmentId}); correct or retract that one first`,
      `${prefix}occurredOn`,
    );
  }
  // An act naming none must still find a reservation of the party made by its date, the corrected one included.
  const formulatedOn = formulatedReservationDates(corrected.party, [...others, { developmentId, current: corrected }]);
  const orphaned = others.find(
    ({ current }) =>
      (current.type === 'objection' || current.type === 'reservation-withdrawn') &&
      current.reservationId === undefined &&
      reservingPartyOf(current) === corrected.party &&
      formulatedOn.every((on) => comparePartialDates(current.occurredOn, on) < 0),
  );
  if (orphaned !== undefined) {
    throw new TreatyRuleViolation(
      'ACT_BEFORE_RESERVATION',
      `${prefix}occurredOn ${corrected.occurredOn} would leave the ${orphaned.current.type} of ${orphaned.current.occurredOn} (development ${orphaned.developmentId}) before every reservation of ${corrected.party}; correct or retract that one first`,
      `${prefix}occurredOn`,
    );
  }
}

/** The reserving party of an objection or a withdrawal of reservations. */
function reservingPartyOf(act: Extract<Development, { type: 'objection' | 'reservation-withdrawn' }>): string {
  return act.type === 'objection' ? act.againstParty : act.party;
}

/**
 * An act naming no reservation concerns the reservations made by its date: one dated before all of the reserving
 * party's reservations on record concerns none. (With none on record at all, `RESERVATION_NOT_FOUND` answers first.)
 */
function assertSomeReservationBefore(
  act: Extract<Development, { type: 'objection' | 'reservation-withdrawn' }>,
  others: readonly DevelopmentOnRecord[],
  prefix: string,
): void {
  const formulatedOn = formulatedReservationDates(reservingPartyOf(act), others);
  if (formulatedOn.length === 0) return;
  if (formulatedOn.some((on) => comparePartialDates(act.occurredOn, on) >= 0)) return;
  throw new TreatyRuleViolation(
    'ACT_BEFORE_RESERVATION',
    `${prefix}occurredOn ${act.occurredOn} is before every reservation of ${reservingPartyOf(act)} on record (the first formulated on ${[...formulatedOn].sort()[0]}): it would concern none; correct the date of one of them`,
    `${prefix}occurredOn`,
  );
}

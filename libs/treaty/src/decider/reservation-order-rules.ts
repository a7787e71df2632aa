import type { Development } from '../development';
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
 * no reservation concerns those made by its date and needs no check.
 */
export function assertNotBeforeNamedReservation(
  development: Development,
  others: readonly DevelopmentOnRecord[],
  prefix = '',
): void {
  if (development.type !== 'objection' && development.type !== 'reservation-withdrawn') return;
  const { reservationId } = development;
  if (reservationId === undefined) return;
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
  if (act === undefined) return;
  throw new TreatyRuleViolation(
    'ACT_BEFORE_RESERVATION',
    `${prefix}occurredOn ${corrected.occurredOn} is after the ${act.current.type} that names this reservation (${act.current.occurredOn}, development ${act.developmentId}); correct or retract that one first`,
    `${prefix}occurredOn`,
  );
}

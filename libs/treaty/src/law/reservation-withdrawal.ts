import type { Development } from '../development';
import { comparePartialDates, endOfPeriod, startOfPeriod } from '../partial-date';

type OnRecord = { readonly developmentId: string; readonly current: Development };
type Withdrawal = Extract<Development, { type: 'reservation-withdrawn' }>;

/**
 * Whether an act that names no reservation (a withdrawal of "its reservation", an objection to "the reservations" of a
 * party) concerns one formulated on `formulatedOn`, given the dates on which each of the party's reservations was
 * formulated (`formulatedOnDates`, this one among them). It concerns those known to have been made by its date. One
 * made in the act's own period (a withdrawal known only to the month, a reservation of a day in it) may have come
 * after it: it is concerned only when no reservation is known to come before the act, the record then having nothing
 * else for the act to concern. Comparing at the coarser precision alone would let a withdrawal "in 2025" withdraw a
 * reservation made on 31 December 2025.
 */
export function unnamedActConcerns(actOn: string, formulatedOn: string, formulatedOnDates: readonly string[]): boolean {
  const knownBy = (madeOn: string) => endOfPeriod(madeOn) <= startOfPeriod(actOn);
  if (knownBy(formulatedOn)) return true;
  if (comparePartialDates(actOn, formulatedOn) < 0) return false;
  return !formulatedOnDates.some(knownBy);
}

/**
 * Whether a withdrawal concerns a reservation formulated by its party (VCLT art. 22): one naming it, or naming its
 * confirmation on consent (art. 23(2)), or one naming no reservation made by then (`unnamedActConcerns`). This is how
 * the party's status reads withdrawals (views/party-status.ts).
 */
export function withdrawsReservation(
  withdrawal: Withdrawal,
  reservation: OnRecord,
  onRecord: readonly OnRecord[],
): boolean {
  if (reservation.current.type !== 'reservation' || withdrawal.party !== reservation.current.party) return false;
  const { reservationId } = withdrawal;
  if (reservationId === undefined) {
    return unnamedActConcerns(
      withdrawal.occurredOn,
      reservation.current.occurredOn,
      formulatedReservationDates(withdrawal.party, onRecord),
    );
  }
  if (reservationId === reservation.developmentId) return true;
  return onRecord.some(
    ({ developmentId, current }) =>
      developmentId === reservationId &&
      current.type === 'reservation' &&
      current.confirmsReservationId === reservation.developmentId,
  );
}

/**
 * A withdrawal on record of the reservation known to come before `confirmedOn` (at the coarser precision: one of the
 * same day or period may come after it): a reservation so withdrawn can no longer be confirmed.
 */
export function withdrawalBeforeConfirmation(
  reservation: OnRecord,
  confirmedOn: string,
  onRecord: readonly OnRecord[],
): (OnRecord & { readonly current: Withdrawal }) | undefined {
  return onRecord.find(
    (other): other is OnRecord & { readonly current: Withdrawal } =>
      other.current.type === 'reservation-withdrawn' &&
      comparePartialDates(other.current.occurredOn, confirmedOn) < 0 &&
      withdrawsReservation(other.current, reservation, onRecord),
  );
}

/**
 * When each reservation of `party` on record was formulated: its confirmations on consent (art. 23(2)) are the same
 * reservation, unless the one they confirm is no longer on record (then they stand as reservations of their own).
 */
export function formulatedReservationDates(party: string, onRecord: readonly OnRecord[]): string[] {
  const ids = new Set(onRecord.map(({ developmentId }) => developmentId));
  return onRecord.flatMap(({ current }) =>
    current.type === 'reservation' &&
    current.party === party &&
    (current.confirmsReservationId === undefined || !ids.has(current.confirmsReservationId))
      ? [current.occurredOn]
      : [],
  );
}

import type { Development } from '../development';
import { comparePartialDates } from '../partial-date';

type OnRecord = { readonly developmentId: string; readonly current: Development };
type Withdrawal = Extract<Development, { type: 'reservation-withdrawn' }>;

/**
 * Whether a withdrawal concerns a reservation formulated by its party (VCLT art. 22): one naming it, or naming its
 * confirmation on consent (art. 23(2)), or one naming no reservation, made on or after it was formulated. This is how
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
    return comparePartialDates(withdrawal.occurredOn, reservation.current.occurredOn) >= 0;
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

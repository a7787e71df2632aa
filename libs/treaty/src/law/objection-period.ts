import { addMonths, parsePartialDate } from '../partial-date';

/**
 * VCLT art. 20(5): a state that has raised no objection to a reservation by the end of twelve months after it was
 * notified of it, or by the date it consented to be bound, whichever is later, is taken to have accepted it.
 */
export const OBJECTION_PERIOD_MONTHS = 12;

/**
 * The earliest the twelve months to object to a reservation made on `madeOn` can end, at that date's precision:
 * 2025-09-01 gives 2026-09-01 (the corresponding day, `addMonths`), 2025-09 gives 2026-09, 2025 gives 2026. Art.
 * 20(5) counts from the depositary's notification of the reservation, which comes on or after the day it was made
 * and which the record does not hold: the period ends on this day or later, and for a state that consents later
 * still, on its consent. An objection by this day is in time, whenever the notification came.
 */
export function objectionPeriodEndsNotBefore(madeOn: string): string {
  const date = parsePartialDate(madeOn);
  if (!date) throw new RangeError(`"${madeOn}" is not a date`);
  if (date.precision === 'day') return addMonths(madeOn, OBJECTION_PERIOD_MONTHS);
  return `${String(date.year + OBJECTION_PERIOD_MONTHS / 12).padStart(4, '0')}${madeOn.slice(4)}`;
}

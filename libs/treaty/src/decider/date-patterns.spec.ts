import { describe, expect, it } from '@jest/globals';
import { isCalendarDate, isPartialDate } from '../partial-date';
import { CALENDAR_DATE_PATTERN, PARTIAL_DATE_PATTERN } from './input-validation';

/** The patterns the DTOs and the OpenAPI document state, against the dates the domain takes. */
describe('the date patterns', () => {
  it.each(['2025', '2025-04', '2025-04-08', '2024-02-29', '0001-01-01'])(
    'admit %s, a date the domain takes',
    (date) => {
      expect(PARTIAL_DATE_PATTERN.test(date)).toBe(isPartialDate(date));
      expect(CALENDAR_DATE_PATTERN.test(date)).toBe(isCalendarDate(date));
    },
  );

  it.each(['25', '2025-4', '2025-04-8', '2025-13', '2025-04-32', '2025-00', '2025/04/08', ' 2025', '2025-04-08T00:00'])(
    'refuse %s, as the domain does',
    (date) => {
      expect(PARTIAL_DATE_PATTERN.test(date)).toBe(false);
      expect(isPartialDate(date)).toBe(false);
      expect(CALENDAR_DATE_PATTERN.test(date)).toBe(false);
    },
  );

  it('leave the calendar to the domain: a day the month does not have, or year 0, is written right', () => {
    for (const date of ['2025-02-30', '2025-04-31', '0000']) {
      expect(PARTIAL_DATE_PATTERN.test(date)).toBe(true);
      expect(isPartialDate(date)).toBe(false);
    }
  });
});

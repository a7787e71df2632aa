import { describe, expect, it } from '@jest/globals';
import { objectionPeriodEndsNotBefore } from './objection-period';

describe('the twelve months to object to a reservation (VCLT art. 20(5))', () => {
  it('end no sooner than twelve months after the reservation, on the corresponding day, at its precision', () => {
    expect(objectionPeriodEndsNotBefore('2025-09-01')).toBe('2026-09-01');
    expect(objectionPeriodEndsNotBefore('2024-02-29')).toBe('2025-02-28');
    expect(objectionPeriodEndsNotBefore('2025-01-31')).toBe('2026-01-31');
    expect(objectionPeriodEndsNotBefore('2025-09')).toBe('2026-09');
    expect(objectionPeriodEndsNotBefore('2025')).toBe('2026');
    expect(objectionPeriodEndsNotBefore('0999-12')).toBe('1000-12');
    expect(() => objectionPeriodEndsNotBefore('soon')).toThrow(RangeError);
  });
});

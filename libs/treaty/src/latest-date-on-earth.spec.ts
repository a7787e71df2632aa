import { describe, expect, it } from '@jest/globals';
import { latestDateOnEarth } from './latest-date-on-earth';

describe('latestDateOnEarth', () => {
  it('is the UTC date while it is before 10:00 UTC, when the day ahead has begun nowhere', () => {
    expect(latestDateOnEarth(new Date('2025-06-01T09:59:59.999Z'))).toBe('2025-06-01');
  });

  it('is the next day from 10:00 UTC, when it is midnight at UTC+14', () => {
    expect(latestDateOnEarth(new Date('2025-06-01T10:00:00.000Z'))).toBe('2025-06-02');
    // 01:00 in Moscow (UTC+3) on 2 June is still 1 June in UTC: a report dated that day must pass.
    expect(latestDateOnEarth(new Date('2025-06-01T22:00:00.000Z'))).toBe('2025-06-02');
  });

  it('rolls over months and years', () => {
    expect(latestDateOnEarth(new Date('2025-12-31T12:00:00.000Z'))).toBe('2026-01-01');
  });
});

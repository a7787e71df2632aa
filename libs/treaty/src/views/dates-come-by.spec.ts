import { describe, expect, it } from '@jest/globals';
import { DatesComeBy } from './dates-come-by';

describe('DatesComeBy', () => {
  it('without a day, every date on record has come, and nothing lies ahead', () => {
    const dates = DatesComeBy.always();
    expect(dates.hasCome('2099-01-01')).toBe(true);
    expect(dates.nextChangeOn).toBeNull();
  });

  it('a date has come on its own day, not the day before', () => {
    expect(DatesComeBy.by('2026-12-02').hasCome('2026-12-02')).toBe(true);
    expect(DatesComeBy.by('2026-12-01').hasCome('2026-12-02')).toBe(false);
  });

  it('a month or a year has come on its last day', () => {
    expect(DatesComeBy.by('2026-12-30').hasCome('2026-12')).toBe(false);
    expect(DatesComeBy.by('2026-12-31').hasCome('2026-12')).toBe(true);
    expect(DatesComeBy.by('2026-06-30').hasCome('2026')).toBe(false);
  });

  it('no date is none that comes', () => {
    const dates = DatesComeBy.by('2026-12-02');
    expect(dates.hasCome(null)).toBe(false);
    expect(dates.nextChangeOn).toBeNull();
  });

  it('the next change is the first day on which a date it was asked about and that had not come comes', () => {
    const dates = DatesComeBy.by('2026-12-02');
    for (const date of ['2027-03-01', '2025-01-01', '2027-01', '2026-12-02', '2026-12-20']) dates.hasCome(date);
    expect(dates.nextChangeOn).toBe('2026-12-20');
    // A month ahead comes on its last day.
    const months = DatesComeBy.by('2026-12-02');
    months.hasCome('2027-01');
    expect(months.nextChangeOn).toBe('2027-01-31');
  });
});

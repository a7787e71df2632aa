import { describe, expect, it } from '@jest/globals';
import { shiftedDate } from './date-offset';

describe('a date moved by what a phrase counts', () => {
  it.each([
    ['2025-01-17', { amount: 1, unit: 'day' }, '2025-01-18', 'day'],
    ['2025-02-27', { amount: 2, unit: 'day' }, '2025-03-01', 'day'],
    ['2025-03-01', { amount: -1, unit: 'day' }, '2025-02-28', 'day'],
    ['2024-12-28', { amount: 1, unit: 'week' }, '2025-01-04', 'day'],
    ['2025-01-31', { amount: 1, unit: 'month' }, '2025-02', 'month'],
    ['2025-12', { amount: 1, unit: 'month' }, '2026-01', 'month'],
    ['2025-01', { amount: -2, unit: 'month' }, '2024-11', 'month'],
    ['2025-05-06', { amount: 1, unit: 'year' }, '2026', 'year'],
    ['2025', { amount: -1, unit: 'year' }, '2024', 'year'],
  ] as const)('%s moved by %j is %s (%s)', (from, offset, occurredOn, precision) => {
    expect(shiftedDate(from, offset)).toEqual({ occurredOn, precision });
  });

  it.each([
    ['2025-01', { amount: 1, unit: 'day' }],
    ['2025-01', { amount: 1, unit: 'week' }],
    ['2025', { amount: 1, unit: 'month' }],
  ] as const)('gives no date when %s is too coarse to count %j from', (from, offset) => {
    expect(shiftedDate(from, offset)).toBeUndefined();
  });
});

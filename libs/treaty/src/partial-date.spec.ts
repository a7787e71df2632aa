import { describe, expect, it } from '@jest/globals';
import {
  coarserPrecision,
  commonPeriod,
  comparePartialDates,
  endOfPeriod,
  formatPartialDate,
  isCalendarDate,
  isInFuture,
  isPartialDate,
  parsePartialDate,
  partialDatesAgree,
  precisionOf,
  startOfPeriod,
  truncatePartialDate,
  utcCalendarDate,
} from './partial-date';

describe('PartialDate', () => {
  describe('parse', () => {
    it.each([
      ['2025', { precision: 'year', year: 2025 }],
      ['2025-04', { precision: 'month', year: 2025, month: 4 }],
      ['2025-04-08', { precision: 'day', year: 2025, month: 4, day: 8 }],
      ['2024-02-29', { precision: 'day', year: 2024, month: 2, day: 29 }],
      ['2000-02-29', { precision: 'day', year: 2000, month: 2, day: 29 }],
    ])('reads %s with its precision', (text, expected) => {
      expect(parsePartialDate(text)).toEqual(expected);
    });

    it.each([
      '2025-02-29',
      '1900-02-29',
      '2025-04-31',
      '2025-13',
      '2025-00',
      '2025-04-00',
      '0000',
      '25',
      '2025-4-8',
      '2025-04-08T00:00:00Z',
      ' 2025',
      '',
      'April 2025',
    ])('refuses %j', (text) => {
      expect(parsePartialDate(text)).toBeUndefined();
      expect(isPartialDate(text)).toBe(false);
    });

    it('refuses what is not a string', () => {
      expect(parsePartialDate(2025)).toBeUndefined();
      expect(parsePartialDate(null)).toBeUndefined();
    });

    it('tells full calendar dates from partial ones', () => {
      expect(isCalendarDate('2025-04-08')).toBe(true);
      expect(isCalendarDate('2025-04')).toBe(false);
      expect(isCalendarDate('2025-02-30')).toBe(false);
    });

    it('formats what it parsed back to the same text', () => {
      for (const text of ['0988', '2025', '2025-04', '2025-04-08']) {
        const date = parsePartialDate(text);
        expect(date && formatPartialDate(date)).toBe(text);
      }
    });
  });

  describe('precision', () => {
    it('is the precision the date was written with', () => {
      expect(precisionOf('2025')).toBe('year');
      expect(precisionOf('2025-04')).toBe('month');
      expect(precisionOf('2025-04-08')).toBe('day');
    });

    it('the coarser of two precisions', () => {
      expect(coarserPrecision('day', 'month')).toBe('month');
      expect(coarserPrecision('year', 'day')).toBe('year');
      expect(coarserPrecision('day', 'day')).toBe('day');
    });

    it('truncates to a coarser precision but never invents a finer one', () => {
      const day = parsePartialDate('2025-04-08');
      const year = parsePartialDate('2025');
      expect(day && formatPartialDate(truncatePartialDate(day, 'month'))).toBe('2025-04');
      expect(year && formatPartialDate(truncatePartialDate(year, 'day'))).toBe('2025');
    });

    it('throws on an invalid date given to a precision query', () => {
      expect(() => precisionOf('2025-02-30')).toThrow(RangeError);
    });
  });

  describe('compare at the coarser precision', () => {
    it.each([
      ['2025-04-08', '2025-04-09', -1],
      ['2025-04-09', '2025-04-08', 1],
      ['2025-04', '2025-04-08', 0],
      ['2025-04-30', '2025-04', 0],
      ['2025', '2025-12-31', 0],
      ['2025-03', '2025-04-01', -1],
      ['2024', '2025-01', -1],
      ['2026-01', '2025', 1],
    ] as const)('%s against %s is %d', (a, b, expected) => {
      expect(comparePartialDates(a, b)).toBe(expected);
    });

    it('agrees when neither contradicts the other', () => {
      expect(partialDatesAgree('2025-04', '2025-04-08')).toBe(true);
      expect(partialDatesAgree('2025', '2025-04')).toBe(true);
      expect(partialDatesAgree('2025-04-08', '2025-04-08')).toBe(true);
      expect(partialDatesAgree('2025-04-08', '2025-04-09')).toBe(false);
      expect(partialDatesAgree('2025-03', '2025-04-08')).toBe(false);
    });
  });

  describe('periods', () => {
    it.each([
      ['2025', '2025-01-01', '2025-12-31'],
      ['2025-02', '2025-02-01', '2025-02-28'],
      ['2024-02', '2024-02-01', '2024-02-29'],
      ['2025-04', '2025-04-01', '2025-04-30'],
      ['2025-12', '2025-12-01', '2025-12-31'],
      ['2025-04-08', '2025-04-08', '2025-04-08'],
    ])('%s runs from %s to %s', (text, start, end) => {
      expect(startOfPeriod(text)).toBe(start);
      expect(endOfPeriod(text)).toBe(end);
    });

    it('is in the future only when it starts after today', () => {
      expect(isInFuture('2025-04-09', '2025-04-08')).toBe(true);
      expect(isInFuture('2025-04-08', '2025-04-08')).toBe(false);
      expect(isInFuture('2025-04', '2025-04-08')).toBe(false);
      expect(isInFuture('2025-05', '2025-04-30')).toBe(true);
      expect(isInFuture('2025', '2025-01-01')).toBe(false);
      expect(isInFuture('2026', '2025-12-31')).toBe(true);
    });
  });

  it('gives the finest period two calendar days share: the day, their month, their year, or none', () => {
    expect(commonPeriod('2023-04-01', '2023-04-01')).toBe('2023-04-01');
    expect(commonPeriod('2023-03-01', '2023-03-31')).toBe('2023-03');
    expect(commonPeriod('2022-03-31', '2022-04-30')).toBe('2022');
    expect(commonPeriod('2022-12-31', '2023-01-01')).toBeNull();
  });

  it('gives the UTC calendar day of an instant', () => {
    expect(utcCalendarDate(new Date('2025-04-08T23:30:00-02:00'))).toBe('2025-04-09');
  });
});

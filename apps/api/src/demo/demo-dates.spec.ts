import { describe, expect, it } from '@jest/globals';
import { resolveDate, spanning, type DateEvidence } from './demo-dates';

const noRefs = (ref: string): string => {
  throw new Error(`unexpected ref ${ref}`);
};
const resolve = (evidence: DateEvidence, publishedOn: string, dateOf = noRefs): string =>
  resolveDate(evidence, publishedOn, dateOf);

describe('resolveDate', () => {
  it('takes a weekday as that day of the publication week or the one before, the same day included', () => {
    expect(resolve({ rule: 'weekday', phrase: 'voted Tuesday' }, '2025-04-08')).toBe('2025-04-08');
    expect(resolve({ rule: 'weekday', phrase: 'On Monday' }, '2025-04-08')).toBe('2025-04-07');
    expect(resolve({ rule: 'weekday', phrase: 'on Friday' }, '2025-04-08')).toBe('2025-04-04');
    expect(() => resolve({ rule: 'weekday', phrase: 'recently' }, '2025-04-08')).toThrow();
  });

  it('gives a month or day without a year the latest year that is not after the publication', () => {
    expect(resolve({ rule: 'stated', phrase: 'In June' }, '2025-01-17')).toBe('2024-06');
    expect(resolve({ rule: 'stated', phrase: 'in January' }, '2025-04-08')).toBe('2025-01');
    expect(resolve({ rule: 'stated', phrase: 'On January 17' }, '2025-05-21')).toBe('2025-01-17');
    expect(resolve({ rule: 'stated', phrase: 'On January 18' }, '2025-01-17')).toBe('2024-01-18');
    expect(resolve({ rule: 'stated', phrase: 'in February 2022' }, '2025-01-17')).toBe('2022-02');
    expect(resolve({ rule: 'stated', phrase: 'in 2001' }, '2025-01-17')).toBe('2001');
    expect(() => resolve({ rule: 'stated', phrase: 'recently' }, '2025-01-17')).toThrow();
  });

  it('keeps "last week" a week: its month when the week lies in one month, else only its year', () => {
    expect(resolve({ rule: 'last-week', phrase: 'took effect last week' }, '2025-05-21')).toBe('2025-05');
    expect(resolve({ rule: 'last-week', phrase: 'said last week' }, '2025-04-08')).toBe('2025');
    expect(() => resolve({ rule: 'last-week', phrase: 'last month' }, '2025-05-21')).toThrow();
  });

  it('resolves "last year", "almost N years ago" and "N days before" a fact', () => {
    expect(resolve({ rule: 'last-year', phrase: 'last year' }, '2025-01-17')).toBe('2024');
    expect(resolve({ rule: 'almost-years-ago', phrase: 'almost three years ago' }, '2025-01-17')).toBe('2022');
    expect(() => resolve({ rule: 'almost-years-ago', phrase: 'almost three years ago' }, '2025-09-01')).toThrow();
    expect(
      resolve(
        { rule: 'days-before', phrase: 'just three days before', anchor: { fact: 'trump-took-office' } },
        '2025-04-08',
      ),
    ).toBe('2025-01-17');
  });

  it('bounds an undated development by what it follows and the publication, at the precision that holds both', () => {
    const dateOf = (ref: string): string => ({ a: '2025-01', b: '2025-04-07' })[ref]!;
    expect(resolve({ rule: 'between', after: { ref: 'a' } }, '2025-04-08', dateOf)).toBe('2025');
    expect(resolve({ rule: 'between', after: { ref: 'b' } }, '2025-04-08', dateOf)).toBe('2025-04');
    expect(resolve({ rule: 'same-as', phrase: 'at the time', ref: 'a' }, '2025-04-08', dateOf)).toBe('2025-01');
    expect(() => resolve({ rule: 'between', after: { ref: 'a' } }, '2026-02-01', dateOf)).toThrow();
  });
});

describe('spanning', () => {
  it('is the day, the month or the year both days share', () => {
    expect(spanning('2025-04-08', '2025-04-08')).toBe('2025-04-08');
    expect(spanning('2025-04-07', '2025-04-08')).toBe('2025-04');
    expect(spanning('2025-03-31', '2025-04-06')).toBe('2025');
    expect(() => spanning('2024-12-31', '2025-01-01')).toThrow();
    expect(() => spanning('2025-01-02', '2025-01-01')).toThrow();
  });
});

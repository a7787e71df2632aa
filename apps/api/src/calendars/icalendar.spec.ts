import { describe, expect, it } from '@jest/globals';
import { allDaySpan, fold, renderCalendar, text } from './icalendar';

describe('iCalendar formatting', () => {
  it('spans a day, a month or a year, with an exclusive end', () => {
    expect(allDaySpan('2025-04-08')).toEqual({ start: '20250408', end: '20250409' });
    expect(allDaySpan('2024-02')).toEqual({ start: '20240201', end: '20240301' });
    expect(allDaySpan('2025-12')).toEqual({ start: '20251201', end: '20260101' });
    expect(allDaySpan('2025-12-31')).toEqual({ start: '20251231', end: '20260101' });
    expect(allDaySpan('2025')).toEqual({ start: '20250101', end: '20260101' });
  });

  it('writes a carriage return alone as a line break, never as a raw CR that ends the content line', () => {
    expect(text('line one\rline two\r\nthree\nfour')).toBe('line one\\nline two\\nthree\\nfour');
    const calendar = renderCalendar('Quote\rsplit', [['BEGIN:VEVENT', `DESCRIPTION:${text('a\rb')}`, 'END:VEVENT']]);
    expect(calendar).not.toMatch(/\r(?!\n)/);
  });

  it('drops the control characters TEXT cannot hold, keeping tabs', () => {
    expect(text('a\u0000b\u0007c\u001bd\u007fe\tf')).toBe('abcde\tf');
  });

  it('escapes TEXT and folds at 75 octets without splitting a character', () => {
    expect(text('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = fold(`DESCRIPTION:${'й'.repeat(80)}`);
    const lines = folded.split('\r\n');
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(lines.slice(1).every((line) => line.startsWith(' '))).toBe(true);
    expect(lines.map((line, index) => (index === 0 ? line : line.slice(1))).join('')).toBe(
      `DESCRIPTION:${'й'.repeat(80)}`,
    );
  });
});

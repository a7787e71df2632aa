import { describe, expect, it } from '@jest/globals';
import type { DevelopmentRecord } from '../feeds/development-records';
import { allDaySpan, calendarText, developmentEvents, fold, NO_EVENTS, renderCalendar, text } from './icalendar';
import { revokedNotices } from './revoked-notices';

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

describe('a calendar with no event', () => {
  /** The names of the VCALENDAR's components, in order: what `component = 1*(...)` (RFC 5545, 3.6) counts. */
  const components = (calendar: string) =>
    [...calendar.matchAll(/^BEGIN:(.+)$/gm)].map((match) => match[1]!.trim()).filter((name) => name !== 'VCALENDAR');
  const event = ['BEGIN:VEVENT', 'UID:a@treaty-timeline', 'END:VEVENT'];

  it('holds one component that clients ignore, and no event, as RFC 5545 wants at least one', () => {
    const calendar = renderCalendar('A treaty with no development', []);
    expect(components(calendar)).toEqual(['X-TREATY-TIMELINE-NO-EVENTS']);
    expect(calendar).toContain(`\r\n${NO_EVENTS.map(fold).join('\r\n')}\r\nEND:VCALENDAR\r\n`);
    // An experimental name (x-name, 3.1): what applications MUST ignore when they do not know it.
    expect(components(calendar).every((name) => /^X-[A-Z0-9-]+$/.test(name))).toBe(true);
  });

  it("is what a party's calendar holds while its treaties have no event, and goes once one has", () => {
    expect(components([...calendarText('Treaties of LI', [[], []])].join(''))).toEqual(['X-TREATY-TIMELINE-NO-EVENTS']);
    expect(components([...calendarText('Treaties of LI', [[], [event]])].join(''))).toEqual(['VEVENT']);
  });
});

describe("a development's events", () => {
  const notice: DevelopmentRecord = {
    treatyId: 'ru-ir',
    treatyTitle: 'A treaty',
    treatyParties: ['RU', 'IR'],
    developmentId: '0b8a1d36-3f0e-4a51-9d52-1c2b0f6c8e13',
    type: 'withdrawal-notified',
    occurredOn: '2025-03-04',
    precision: 'day',
    party: 'IR',
    sources: [],
    recordedAt: '2025-03-05T08:00:00.000Z',
    updatedAt: '2025-03-05T08:00:00.000Z',
    position: '9',
    corrections: [],
    retraction: null,
  };
  const field = (event: string[], name: string) =>
    event.find((line) => line.startsWith(`${name}:`))?.slice(name.length + 1);

  it('puts the day a notified withdrawal takes effect, as its notification gives it, on the calendar too', () => {
    const [notified, effect, ...rest] = developmentEvents({ ...notice, effectiveOn: '2026-03' }, 'http://t.example');
    expect(rest).toEqual([]);
    expect(field(notified!, 'DTSTART;VALUE=DATE')).toBe('20250304');
    expect(field(effect!, 'UID')).toBe(`${notice.developmentId}.effect@treaty-timeline`);
    expect(field(effect!, 'DTSTART;VALUE=DATE')).toBe('20260301');
    expect(field(effect!, 'DTEND;VALUE=DATE')).toBe('20260401');
    expect(field(effect!, 'SUMMARY')).toBe('Withdrawal takes effect (IR): A treaty (month)');
    expect(field(effect!, 'STATUS')).toBe('CONFIRMED');
    expect(field(effect!, 'CATEGORIES')).toBe('withdrawn');
    expect(field(effect!, 'X-TREATY-TIMELINE-PRECISION')).toBe('month');
    expect(field(effect!, 'DESCRIPTION')).toBe('Notified on: 2025-03-04\\nTakes effect on: 2026-03');
    const retracted = {
      ...notice,
      effectiveOn: '2026-03-04',
      retraction: {
        eventId: 'x',
        reason: 'r',
        recordedAt: notice.recordedAt,
        position: '9',
        source: { publisher: 'p', publishedOn: '2025-03-06' },
      },
    };
    expect(developmentEvents(retracted, 'http://t.example').map((event) => field(event, 'STATUS'))).toEqual([
      'CANCELLED',
      'CANCELLED',
    ]);
  });

  it('gives a notification that names no effective date one event, and the computed date stays tentative', () => {
    expect(developmentEvents(notice, 'http://t.example')).toHaveLength(1);
  });

  it('cancels the day of effect of a notice revoked before it (VCLT art. 68), keeping the notice itself', () => {
    const withEffect = { ...notice, effectiveOn: '2026-03-04' };
    const revocation: DevelopmentRecord = {
      ...notice,
      developmentId: '0b8a1d36-3f0e-4a51-9d52-1c2b0f6c8e14',
      type: 'withdrawal-revoked',
      occurredOn: '2025-09-01',
    };
    const revoked = revokedNotices([withEffect, revocation]);
    expect([...revoked]).toEqual([[notice.developmentId, '2025-09-01']]);
    const [notified, effect] = developmentEvents(withEffect, 'http://t.example', revoked.get(notice.developmentId));
    expect(field(notified!, 'STATUS')).toBe('CONFIRMED');
    expect(field(effect!, 'STATUS')).toBe('CANCELLED');
    expect(field(effect!, 'SEQUENCE')).toBe('1');
    expect(field(effect!, 'DESCRIPTION')).toBe(
      'Notified on: 2025-03-04\\nTakes effect on: 2026-03-04\\nNotice revoked on: 2025-09-01',
    );
    // A revocation retracted revokes nothing.
    const retraction = {
      eventId: 'x',
      reason: 'r',
      recordedAt: notice.recordedAt,
      position: '10',
      source: { publisher: 'p', publishedOn: '2025-09-06' },
    };
    expect(revokedNotices([withEffect, { ...revocation, retraction }]).size).toBe(0);
  });
});

import { describe, expect, it } from '@jest/globals';
import type { ViewsMoment } from '../feeds/development-reads.service';
import { calendarEtag } from './calendar-etag';

const MOMENT: ViewsMoment = {
  treaties: [
    ['a-convention', 12n],
    ['b-agreement', 40n],
  ],
  projectionVersion: 15,
  today: '2026-12-03',
};
const VARIANT = 'https://timeline.example\nparty LI';

describe("a calendar's ETag, known before it is rendered", () => {
  it('is weak, and the same for the same moment and variant', () => {
    expect(calendarEtag(MOMENT, VARIANT)).toMatch(/^W\/"2-[A-Za-z0-9_-]{22}"$/);
    expect(calendarEtag({ ...MOMENT, treaties: [...MOMENT.treaties] }, VARIANT)).toBe(calendarEtag(MOMENT, VARIANT));
  });

  it.each<[string, ViewsMoment, string]>([
    [
      'a treaty shown changes',
      {
        ...MOMENT,
        treaties: [
          ['a-convention', 12n],
          ['b-agreement', 41n],
        ],
      },
      VARIANT,
    ],
    ['a treaty joins', { ...MOMENT, treaties: [...MOMENT.treaties, ['c-pact', 3n]] }, VARIANT],
    ['a treaty leaves', { ...MOMENT, treaties: [['b-agreement', 40n]] }, VARIANT],
    [
      'one leaves as another joins at its position',
      {
        ...MOMENT,
        treaties: [
          ['a-convention', 12n],
          ['c-pact', 40n],
        ],
      },
      VARIANT,
    ],
    ['the day turns', { ...MOMENT, today: '2026-12-04' }, VARIANT],
    ['the views are rendered by another version', { ...MOMENT, projectionVersion: 16 }, VARIANT],
    ['the links name another address', MOMENT, 'http://localhost:3000\nparty LI'],
    ['the calendar is another party', MOMENT, 'https://timeline.example\nparty SM'],
  ])('moves when %s', (_what, moment, variant) => {
    expect(calendarEtag(moment, variant)).not.toBe(calendarEtag(MOMENT, VARIANT));
  });
});

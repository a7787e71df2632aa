import { describe, expect, it } from '@jest/globals';
import { findDates } from './date-parser';
import { resolveDate } from './resolve-date';

/** The first date expression of `text`, resolved as a past act's date against `publishedOn`. */
function resolve(text: string, publishedOn: string, past = true) {
  const [mention] = findDates(text, 0, publishedOn);
  return mention && resolveDate(mention, publishedOn, past);
}

describe('dates relative to the publication date', () => {
  it.each([
    ['voted Tuesday', '2025-04-08', '2025-04-08', 'the same day'],
    ['On Wednesday, the parliament ratified', '2025-05-21', '2025-05-21', 'the same day'],
    ['signed on Friday', '2025-01-18', '2025-01-17', '2025-01-17 (Friday)'],
    ['last Friday', '2025-01-18', '2025-01-17', '2025-01-17 (Friday)'],
    ['On Monday, the chamber approved', '2025-04-08', '2025-04-07', '2025-04-07 (Monday)'],
    // chrono reads a bare weekday as the nearest one, ahead if need be: a past act takes the one before.
    ['the Senate approved it on Monday', '2025-01-17', '2025-01-13', 'the one before it'],
  ])('reads a weekday ("%s", published %s) as a day: %s', (text, publishedOn, day, why) => {
    const date = resolve(text, publishedOn);
    expect(date).toMatchObject({ occurredOn: day, precision: 'day' });
    expect(date?.reasoning).toContain(why);
    expect(date?.reasoning).toContain(publishedOn);
  });

  it('reads "last week" as a week, kept as its month, never as a day', () => {
    expect(resolve('took effect last week', '2025-05-21')).toMatchObject({
      occurredOn: '2025-05',
      precision: 'month',
      period: { from: '2025-05-12', to: '2025-05-18' },
    });
  });

  it('keeps "last week" as its year when the week straddles two months', () => {
    expect(resolve('said last week', '2025-04-08')).toMatchObject({
      occurredOn: '2025',
      precision: 'year',
      period: { from: '2025-03-31', to: '2025-04-06' },
    });
  });

  it.each([
    ['approved the pact in April', '2025-05-21', '2025-04', 'month'],
    ['signed in January', '2025-04-08', '2025-01', 'month'],
    ['In June, Russia signed', '2025-01-17', '2024-06', 'month'],
    ['in December, a treaty', '2025-01-17', '2024-12', 'month'],
    ['ratified last month', '2025-05-21', '2025-04', 'month'],
    ['signed last year', '2025-04-08', '2024', 'year'],
    ['signed earlier this year', '2025-04-08', '2025', 'year'],
    ['concluded in 2001.', '2025-01-17', '2001', 'year'],
    ['outlined in February 2018', '2025-01-17', '2018-02', 'month'],
    ['On January 17, the presidents signed', '2025-05-21', '2025-01-17', 'day'],
    ['signed on 12 March 2001', '2025-01-17', '2001-03-12', 'day'],
  ])('reads "%s" (published %s) as %s, %s precision', (text, publishedOn, occurredOn, precision) => {
    expect(resolve(text, publishedOn)).toMatchObject({ occurredOn, precision });
  });

  it('ignores a count of days from another event ("three days before Trump took office")', () => {
    expect(findDates('just three days before U.S. President Donald Trump took office', 0, '2025-04-08')).toEqual([]);
  });
});

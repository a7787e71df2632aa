import { describe, expect, it } from '@jest/globals';
import { findDates } from './date-parser';

const texts = (text: string) => findDates(text, 0, '2025-04-10').map((mention) => mention.text);

describe('date expressions read against the publication', () => {
  it.each([
    'The Duma ratified it the next day.',
    'The Duma ratified it on the next day.',
    'Two days later, the Duma ratified it.',
    'The Duma ratified it three days after the signing.',
  ])('leaves "%s" to the event it counts from', (text) => {
    expect(texts(text)).toEqual([]);
  });

  it('keeps "next week" without "the": the publication’s', () => {
    expect(texts('Talks resume next week.')).toEqual(['next week']);
  });
});

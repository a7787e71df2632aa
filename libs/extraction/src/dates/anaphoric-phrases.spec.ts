import { describe, expect, it } from '@jest/globals';
import { findAnaphor } from './anaphoric-phrases';

const whole = (text: string) => findAnaphor(text, { start: 0, end: text.length });

describe('phrases that date by pointing back', () => {
  it.each([
    ['Putin said at the time that the treaty was a breakthrough.', 'at the time'],
    ['Putin said at that time that the treaty was a breakthrough.', 'at that time'],
    ['Putin said then that the treaty was a breakthrough.', 'then'],
    ['Putin called the treaty a breakthrough, as he put it then.', 'then'],
    ['Back then, Putin called the treaty a breakthrough.', 'Back then'],
    ['On that occasion, Putin called the treaty a breakthrough.', 'On that occasion'],
    ['During the visit, Putin called the treaty a breakthrough.', 'During the visit'],
    ['At the ceremony, Putin called the treaty a breakthrough.', 'At the ceremony'],
    ['The Federation Council approved it on the same day.', 'on the same day'],
    ['The Federation Council approved it that day.', 'that day'],
  ])('finds the phrase in "%s"', (text, phrase) => {
    const anaphor = whole(text);
    expect(anaphor).toMatchObject({ phrase });
    expect(anaphor).not.toHaveProperty('names');
    expect(text.slice(anaphor!.start, anaphor!.end)).toBe(phrase);
  });

  it.each([
    ['At the signing, Putin called the treaty a breakthrough.', 'At the signing'],
    ['At the signing ceremony, Putin called the treaty a breakthrough.', 'At the signing ceremony'],
    ['During the signing of the partnership treaty, Putin spoke.', 'During the signing of the partnership treaty'],
  ])('names the signing in "%s"', (text, phrase) => {
    expect(whole(text)).toMatchObject({ phrase, names: 'signed' });
  });

  it.each([
    // Another time named, not one pointed back to.
    'High tensions exist between Iran and the West at the time of Tuesday’s vote.',
    'The Senate voted at the time when the treaty was signed.',
    'The Duma voted on the same day as the Federation Council.',
    // "then" as "former", "next", or counting from a time.
    'The pact was concluded by the then reformist president of Iran.',
    'The Duma voted, and then the Federation Council approved it.',
    'Since then, trade has grown.',
    'The treaty cannot take effect until then.',
    'Relations have warmed since that day.',
    // A ceremony told for the first time.
    'The leaders, who signed the pact at a ceremony, hailed it.',
  ])('finds none in "%s"', (text) => {
    expect(whole(text)).toBeUndefined();
  });

  it.each([
    ['The Majlis approved it the next day.', 'the next day', 1, 'day'],
    ['On the following day, the Majlis approved it.', 'On the following day', 1, 'day'],
    ['The Majlis approved it the day after.', 'the day after', 1, 'day'],
    ['The Majlis had approved it the day before, officials said.', 'the day before', -1, 'day'],
    ['Two days later, the Majlis approved it.', 'Two days later', 2, 'day'],
    ['A week later the Majlis approved it.', 'A week later', 1, 'week'],
    ['The Majlis approved it 3 months later.', '3 months later', 3, 'month'],
    ['The Majlis had approved it a year earlier.', 'a year earlier', -1, 'year'],
  ])('counts from the narrative’s event in "%s"', (text, phrase, amount, unit) => {
    const anaphor = whole(text);
    expect(anaphor).toEqual(expect.objectContaining({ phrase, offset: { amount, unit } }));
    expect(anaphor).not.toHaveProperty('names');
  });

  it.each([
    ['The Duma voted three days after the signing.', 'three days after the signing', 3, 'signed'],
    ['The Duma voted the day before the signing ceremony.', 'the day before the signing ceremony', -1, 'signed'],
    [
      'It entered into force a month after the exchange of instruments of ratification.',
      'a month after the exchange of instruments of ratification',
      1,
      'instruments-exchanged',
    ],
    [
      'The Federation Council approved it two days after the Duma’s vote.',
      'two days after the Duma’s vote',
      2,
      'legislative-approval',
    ],
  ])('counts from the act named in "%s"', (text, phrase, amount, names) => {
    expect(whole(text)).toMatchObject({ phrase, names, offset: { amount } });
  });

  it.each([
    // Counting from an event the phrase does not name as an act: no date can be worked out from it.
    'The talks resumed two days after Iran did.',
    'The Duma voted the day after Iran’s parliament did.',
    // "next week" counts from the publication, which chrono reads.
    'Talks resume next week.',
  ])('counts nothing in "%s"', (text) => {
    expect(whole(text)?.offset).toBeUndefined();
  });
});

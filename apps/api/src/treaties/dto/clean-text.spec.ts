import { describe, expect, it } from '@jest/globals';
import { forbiddenCharacter, hasVisibleCharacter, normalizedName } from './clean-text';

describe('clean text', () => {
  it.each([
    ['a zero-width space', 'A\u200bB', 'U+200B'],
    ['a zero-width joiner between Latin letters', 'A\u200dB', 'U+200D'],
    ['a zero-width non-joiner between Latin letters', 'A\u200cB', 'U+200C'],
    ['a zero-width non-joiner alone', '\u200c', 'U+200C'],
    ['a zero-width non-joiner at the end of a Persian word', 'می\u200c', 'U+200C'],
    ['a zero-width non-joiner between Persian and Latin', 'می\u200cA', 'U+200C'],
    ['two joiners in a row', 'می\u200c\u200cخواهد', 'U+200C'],
    ['a right-to-left override inside Persian', 'می\u202eخواهد', 'U+202E'],
    ['a line separator', 'A\u2028B', 'U+2028'],
  ])('refuses %s', (_, text, code) => {
    expect(forbiddenCharacter(text)).toBe(code);
  });

  it.each([
    ['Persian spelled with a zero-width non-joiner', 'ایران و روسیه می\u200cخواهند'],
    ['an Arabic letter with a vowel mark before the non-joiner', 'مِ\u200cخ'],
    ['a Devanagari conjunct held apart with a zero-width joiner', 'क्\u200dष'],
    ['plain text', 'Treaty on Comprehensive Strategic Partnership'],
  ])('accepts %s', (_, text) => {
    expect(forbiddenCharacter(text)).toBeUndefined();
  });

  it('allows line breaks and tabs only in multi-line text', () => {
    expect(forbiddenCharacter('a\nb')).toBe('U+000A');
    expect(forbiddenCharacter('a\n\tb', true)).toBeUndefined();
    expect(forbiddenCharacter('a\u0007b', true)).toBe('U+0007');
  });

  it('needs a visible character', () => {
    expect(hasVisibleCharacter(' \u0301 ')).toBe(false);
    expect(hasVisibleCharacter('—')).toBe(true);
  });

  it('normalises names to NFC', () => {
    expect(normalizedName('Cafe\u0301')).toBe('Café');
    expect(normalizedName(['Cafe\u0301', 1])).toEqual(['Café', 1]);
  });
});

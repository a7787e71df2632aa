import { describe, expect, it } from '@jest/globals';
import { outsideQuotedSpeech } from './quoted-speech';

describe('outsideQuotedSpeech', () => {
  it("blanks the speaker's words, keeping every offset", () => {
    const text = 'Putin said it would “deepen relations between Russia and Iran,” the Kremlin said.';
    const outside = outsideQuotedSpeech(text);
    expect(outside).toHaveLength(text.length);
    expect(outside).not.toMatch(/relations|deepen/);
    expect(outside.slice(text.indexOf('the Kremlin'))).toBe('the Kremlin said.');
    expect(outsideQuotedSpeech('He said "we will ratify it" on Monday.')).toBe(`He said ${' '.repeat(19)} on Monday.`);
    expect(outsideQuotedSpeech('Она сказала «это прорыв» вчера.')).toBe(`Она сказала ${' '.repeat(12)} вчера.`);
  });

  it('keeps a quoted title, which names the treaty', () => {
    const text = 'He praised the “Treaty on Comprehensive Strategic Partnership” in Moscow.';
    expect(outsideQuotedSpeech(text)).toBe(text);
  });
});

import { describe, expect, it } from '@jest/globals';
import { splitSentences } from './sentences';

describe('splitSentences', () => {
  it('keeps a sentence wrapped over lines whole, and its offsets verbatim', () => {
    const text =
      ' Lawmakers in Russia’s lower-house State Duma on Tuesday ratified a 20-year strategic\npartnership treaty with Iran, deepening ties.\n\nThe pact was signed in January.';
    const sentences = splitSentences(text);
    expect(sentences.map((sentence) => sentence.text)).toEqual([
      'Lawmakers in Russia’s lower-house State Duma on Tuesday ratified a 20-year strategic\npartnership treaty with Iran, deepening ties.',
      'The pact was signed in January.',
    ]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it('ends a headline without punctuation at its line break', () => {
    const text =
      'Breaking News\n\nRussia and Iran sign a cooperation treaty in the Kremlin\n\nPresident Putin signed it.';
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual([
      'Breaking News',
      'Russia and Iran sign a cooperation treaty in the Kremlin',
      'President Putin signed it.',
    ]);
  });

  it('ends a line in capitals, a heading, at its line break', () => {
    const text = 'ENERGY SECTOR\nThe two sides agree to support trade.';
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual([
      'ENERGY SECTOR',
      'The two sides agree to support trade.',
    ]);
  });

  it('numbers sentences and the paragraphs they stand in', () => {
    const text = 'The treaty was signed. Putin spoke.\n\nThe Duma ratified it.\nThe Council approved it.';
    expect(splitSentences(text).map((sentence) => [sentence.index, sentence.paragraph])).toEqual([
      [0, 0],
      [1, 0],
      [2, 1],
      [3, 2],
    ]);
  });

  it('tags a sentence’s words, with offsets in the whole text', () => {
    const text = 'Intro.\nThe Duma ratified the treaty.';
    const [, sentence] = splitSentences(text);
    const verb = sentence!.terms.find((term) => term.text === 'ratified');
    expect(verb?.tags.has('PastTense')).toBe(true);
    expect(text.slice(verb!.start, verb!.end)).toBe('ratified');
  });
});

import nlp from 'compromise/two';

/** A sentence of the text, with its place in it: `text.slice(start, end) === sentence.text`. */
export interface Sentence {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Its place among the text's sentences, and the paragraph (counted from 0) it stands in. */
  readonly index: number;
  readonly paragraph: number;
  /** The sentence's words as compromise tags them (offsets relative to the text). */
  readonly terms: readonly Term[];
}

export interface Term {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly tags: ReadonlySet<string>;
}

interface CompromiseTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
interface CompromiseSentence {
  text: string;
  offset: { start: number; length: number };
  terms: CompromiseTerm[];
}

/**
 * Splits a text into sentences with compromise. Compromise ends a sentence at every line break, but articles
 * pasted from a page wrap lines inside sentences; so a line break counts as the end of a paragraph only after
 * closing punctuation, before a blank line, or after a heading (a line without lower-case letters, or a short one
 * without punctuation), and is read as a space otherwise. The replacement keeps the text's length, so compromise's
 * offsets are offsets in the original text. Splitting only tokenizes; tagging, which costs most of compromise's
 * time, is done for a sentence when its `terms` are first read, so sentences no rule looks into cost nothing.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const [number, paragraph] of paragraphs(text).entries()) {
    const unwrapped = unwrap(text.slice(paragraph.start, paragraph.end));
    const json = nlp.tokenize(unwrapped).json({ offset: true }) as CompromiseSentence[];
    for (const sentence of json) {
      const start = paragraph.start + sentence.offset.start;
      const found = trimmed(text, start, start + sentence.offset.length, sentences.length, number);
      if (found.text.length > 0) sentences.push(found);
    }
  }
  return sentences;
}

function unwrap(text: string): string {
  return text.replace(/\r?\n/g, (lineBreak) => ' '.repeat(lineBreak.length));
}

/** The sentence's words, tagged by compromise, with offsets in the whole text. */
function tagged(sentence: { start: number; text: string }): Term[] {
  const parts = nlp(unwrap(sentence.text)).json({ offset: true, terms: { offset: true } }) as CompromiseSentence[];
  return parts.flatMap((part) =>
    part.terms.map((term) => ({
      start: sentence.start + term.offset.start,
      end: sentence.start + term.offset.start + term.offset.length,
      text: term.text,
      tags: new Set(term.tags),
    })),
  );
}

function trimmed(text: string, start: number, end: number, index: number, paragraph: number): Sentence {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  const sentence = { start: from, end: to, text: text.slice(from, to) };
  let terms: Term[] | undefined;
  return {
    ...sentence,
    index,
    paragraph,
    get terms() {
      terms ??= tagged(sentence);
      return terms;
    },
  };
}

function paragraphs(text: string): { start: number; end: number }[] {
  const result: { start: number; end: number }[] = [];
  let start = 0;
  const lineBreak = /\r?\n/g;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    const lineStart = text.lastIndexOf('\n', match.index - 1) + 1;
    const line = text.slice(lineStart, match.index).trim();
    const next = text.slice(match.index + match[0].length).match(/^[^\n]*/)?.[0] ?? '';
    if (endsParagraph(line, next)) {
      result.push({ start, end: match.index });
      start = match.index + match[0].length;
    }
  }
  result.push({ start, end: text.length });
  return result.filter((paragraph) => text.slice(paragraph.start, paragraph.end).trim().length > 0);
}

function endsParagraph(line: string, next: string): boolean {
  if (line.length === 0 || next.trim().length === 0) return true;
  if (/[.!?:"”“’»)]$/.test(line)) return true;
  if (!/\p{Ll}/u.test(line)) return true;
  return isHeading(line, next.trim());
}

/**
 * A short capitalised line without closing punctuation, followed by a capitalised line, reads as a headline;
 * wrapped lines of body text are longer, or end in the middle of a phrase.
 */
function isHeading(line: string, next: string): boolean {
  return (
    line.length < 70 &&
    /^\p{Lu}/u.test(line) &&
    /^\p{Lu}/u.test(next) &&
    !/[,;—–-]$/.test(line) &&
    !/\b(the|a|an|of|and|or|in|on|to|with|by|for|from|at)$/i.test(line)
  );
}

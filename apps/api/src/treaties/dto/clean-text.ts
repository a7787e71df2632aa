/**
 * The characters free text may not hold: controls (line breaks and tabs aside, where text is multi-line), format
 * characters (Cf: zero-width spaces and joiners, bidirectional marks, overrides and isolates, tag characters),
 * lone surrogates (Cs), private-use characters (Co) and the line and paragraph separators (Zl, Zp). Each can make
 * text display other than it reads, or not at all.
 *
 * One exception, because the record quotes Persian and other scripts whose spelling needs it: the zero-width
 * non-joiner and joiner (U+200C, U+200D) inside a word of a script that joins or conjoins its letters (Persian's
 * "می‌خواهد" is spelled with U+200C). Anywhere else, between Latin letters or at a word's edge, they are refused
 * like every other format character. This follows the spirit of RFC 5892's contextual rules (CONTEXTJ).
 */
const FORBIDDEN_SINGLE_LINE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/gu;
const FORBIDDEN_MULTI_LINE = /[\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]|[^\P{Cc}\t\n\r]/gu;
const JOINER = /^[\u200c\u200d]$/u;
/** Scripts whose letters join (Arabic, Syriac, N'Ko, Mongolian) or form conjuncts (the Brahmic scripts). */
const JOINING_SCRIPTS = [
  'Arabic',
  'Syriac',
  'Nko',
  'Mongolian',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
]
  .map((script) => `\\p{Script=${script}}`)
  .join('');
/** A letter of such a script, possibly followed by combining marks, just before the joiner. */
const JOINS_BEFORE = new RegExp(`[${JOINING_SCRIPTS}][\\p{M}]*$`, 'u');
/** A letter or mark of such a script just after the joiner. */
const JOINS_AFTER = new RegExp(`^[${JOINING_SCRIPTS}]`, 'u');

/** A letter, digit, punctuation mark or symbol: text made only of spaces and marks shows nothing. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** The first forbidden character in `text`, as `U+XXXX`, or undefined when it has none. */
export function forbiddenCharacter(text: string, multiline = false): string | undefined {
  for (const match of text.matchAll(multiline ? FORBIDDEN_MULTI_LINE : FORBIDDEN_SINGLE_LINE)) {
    const found = match[0];
    if (JOINER.test(found) && joinsLettersOfItsScript(text, match.index)) continue;
    return `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

function joinsLettersOfItsScript(text: string, at: number): boolean {
  return JOINS_BEFORE.test(text.slice(Math.max(0, at - 8), at)) && JOINS_AFTER.test(text.slice(at + 1, at + 3));
}

export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE.test(text);
}

/** Names and titles are compared and shown: one spelling of each (NFC) whatever the keyboard produced. */
export function normalizedName<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value))
    return value.map((item: unknown) => (typeof item === 'string' ? item.normalize('NFC') : item)) as T;
  return value;
}

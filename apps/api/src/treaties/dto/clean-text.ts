/**
 * The characters free text may not hold: controls (line breaks and tabs aside, where text is multi-line), format
 * characters (Cf: zero-width spaces and joiners, bidirectional marks, overrides and isolates, tag characters),
 * lone surrogates (Cs), private-use characters (Co) and the line and paragraph separators (Zl, Zp). Each can make
 * text display other than it reads, or not at all.
 */
const FORBIDDEN_SINGLE_LINE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]/u;
const FORBIDDEN_MULTI_LINE = /[\p{Cf}\p{Cs}\p{Co}\p{Zl}\p{Zp}]|[^\P{Cc}\t\n\r]/u;
/** A letter, digit, punctuation mark or symbol: text made only of spaces and marks shows nothing. */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/** The first forbidden character in `text`, as `U+XXXX`, or undefined when it has none. */
export function forbiddenCharacter(text: string, multiline = false): string | undefined {
  const found = (multiline ? FORBIDDEN_MULTI_LINE : FORBIDDEN_SINGLE_LINE).exec(text)?.[0];
  return found === undefined ? undefined : `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
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

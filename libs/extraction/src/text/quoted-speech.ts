/** A span between quotation marks: curly, straight or angled. */
const QUOTED = /“[^”]*”|"[^"]*"|«[^»]*»/g;

/**
 * The text with the speaker's own words blanked out (same length, so offsets hold): what a statement's sentence says
 * of the treaty, as against what the speaker said. In "Putin called it a “breakthrough document”", "a document" is
 * the speaker's word for the treaty the article is on, not "a" treaty other than it. A quoted title ("the “Treaty on
 * Comprehensive Strategic Partnership”") names the treaty and is kept: a span most of whose longer words are
 * capitalised.
 */
export function outsideQuotedSpeech(text: string): string {
  return text.replace(QUOTED, (span) => (isTitle(span) ? span : ' '.repeat(span.length)));
}

function isTitle(span: string): boolean {
  const words = span.match(/\p{L}{4,}/gu) ?? [];
  if (words.length === 0) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word)).length;
  return capitalised / words.length >= 0.6;
}

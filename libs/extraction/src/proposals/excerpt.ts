/** A sentence short enough to name in a date's reasoning. */
export function excerpt(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

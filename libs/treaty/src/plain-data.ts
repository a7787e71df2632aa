/**
 * Helpers for the plain JSON-shaped values events are made of. Event data must survive a JSON round trip
 * unchanged, so no `undefined` may be written into it and equality is structural.
 */

/** A copy without the keys whose value is undefined (JSON would drop them, making a round trip unequal). */
export function withoutUndefined<T extends object>(value: T): T {
  // A loop over the keys, not Object.entries/fromEntries: views call this for every development they render.
  const copy: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) if (record[key] !== undefined) copy[key] = record[key];
  return copy as T;
}

/** Structural equality of JSON-shaped values; a missing key equals an undefined one. */
export function plainEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => plainEqual(x, b[i]));
  }
  if (isPlainRecord(a) && isPlainRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => plainEqual(a[key], b[key]));
  }
  return false;
}

export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

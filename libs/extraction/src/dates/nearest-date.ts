import type { DateMention } from './date-parser';
import { resolveDate, type ResolvedDate } from './resolve-date';

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * The date of an event: of the sentence's date expressions inside `within`, the nearest to the verb `at` that
 * resolves to a date not after the publication (an act reported in the past, or any diplomacy, cannot lie ahead).
 */
export function nearestDate(
  mentions: readonly DateMention[],
  within: Span,
  at: Span,
  publishedOn: string,
  options: { readonly past: boolean; readonly notAfterPublication: boolean },
): ResolvedDate | undefined {
  const distance = (mention: DateMention) => Math.max(at.start - mention.end, mention.start - at.end, 0);
  const inside = mentions.filter((mention) => mention.start >= within.start && mention.end <= within.end);
  for (const mention of inside.sort((a, b) => distance(a) - distance(b))) {
    const resolved = resolveDate(mention, publishedOn, options.past);
    if (resolved && (!options.notAfterPublication || resolved.occurredOn.slice(0, 10) <= publishedOn)) return resolved;
  }
  return undefined;
}

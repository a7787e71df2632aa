import type { Revisions } from './application/write-request';
import { revisionInEtag } from './representation-etag';

/**
 * An If-Match header as a write takes it: `*` (the treaty exists), or the revisions its entity tags name, any one of
 * which holds (RFC 9110 §13.1.1: "the condition is true if any of the listed tags match"). Each tag is one decision
 * 0044 takes (`"3"`, a status's `"3-<digest>"`, either weak, or a bare `3`) and is compared by revision only.
 * Undefined when the header is no such thing: a list with `*` in it, a tag of another kind, unbalanced quotes, an
 * empty header.
 */
export function revisionsInIfMatch(header: string): '*' | Revisions | undefined {
  if (header.trim() === '*') return '*';
  const revisions = new Set<bigint>();
  for (const tag of listElements(header) ?? []) {
    const revision = revisionInEtag(tag);
    if (revision === undefined) return undefined;
    revisions.add(BigInt(revision));
  }
  const [first, ...others] = revisions;
  return first === undefined ? undefined : [first, ...others];
}

/**
 * The revision a 412 says the resource "has changed since", for an If-Match list that does not hold at `current`:
 * the latest listed revision before `current` (the last one the client read, which the resource has moved past),
 * else the latest listed.
 */
export function revisionChangedSince(listed: Revisions, current: bigint | undefined): bigint {
  const passed = current === undefined ? [] : listed.filter((revision) => revision < current);
  return (passed.length > 0 ? passed : listed).reduce((a, b) => (b > a ? b : a));
}

/**
 * One element of a comma-separated list (RFC 9110 §5.6.1), with the white space around it and the comma after it: an
 * entity tag, whose quotes may hold a comma (§8.8.3), or a run of characters without quote, comma or space; or
 * nothing, since a recipient accepts empty elements (`"3", , "4"`).
 */
const ELEMENT = /[ \t]*(?:((?:W\/)?"[^"]*"|[^\s,"]+)[ \t]*)?(,|$)/y;

/** The list's elements as written, or undefined where the header is not a list (a quote never closed). */
function listElements(header: string): string[] | undefined {
  const elements: string[] = [];
  for (let at = 0; ;) {
    ELEMENT.lastIndex = at;
    const match = ELEMENT.exec(header);
    if (!match) return undefined;
    if (match[1] !== undefined) elements.push(match[1]);
    if (match[2] === '') return elements;
    at = ELEMENT.lastIndex;
  }
}

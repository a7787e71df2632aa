import { createHash } from 'node:crypto';

/**
 * The ETag of a treaty's representation (decision 0059): strong, `"<revision>-<digest>"`, where the revision is the
 * treaty stream's (what a write's If-Match compares, see `revisionInEtag`) and the digest is of the bytes sent, so that
 * the tag moves whenever they do, whether an event, another treaty, the calendar or a newer rendering moved them.
 */
export function representationEtag(revision: string, text: string): string {
  const digest = createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 22);
  return `"${revision}-${digest}"`;
}

/**
 * The revision an entity tag of If-Match names: a status's ETag (`"3-<digest>"`), a write's (`"3"`), either weakened
 * by a proxy (`W/"3-..."`, decision 0044), or a bare revision (`3`); undefined for anything else, half-quoted tags
 * included. The digest is not compared: a write's precondition is on the revision, which every representation of it
 * shares.
 */
export function revisionInEtag(value: string): string | undefined {
  const match = /^(?:(?:W\/)?"(\d{1,19})(?:-[A-Za-z0-9_-]{1,64})?"|(\d{1,19}))$/.exec(value.trim());
  return match ? (match[1] ?? match[2]) : undefined;
}

import { createHash } from 'node:crypto';
import type { WriteRequest } from './write-request';

/** What a write sent under an Idempotency-Key is known by: the key, and what the request asked for. */
export interface Idempotency {
  readonly key: string;
  readonly fingerprint: string;
}

/**
 * The request's key and fingerprint, or undefined for a write sent without a key: its events' ids are fresh and
 * nothing compares its body with another's, so its body is not fingerprinted.
 */
export function idempotencyOf(request: WriteRequest): Idempotency | undefined {
  if (request.idempotencyKey === undefined) return undefined;
  return { key: request.idempotencyKey, fingerprint: requestFingerprint(request.route, request.body) };
}

/**
 * A digest of what a request asked for (route and body), independent of key order and white space: two sends of
 * the same request under one Idempotency-Key match, and a different body under the same key does not.
 */
export function requestFingerprint(route: string, body: unknown): string {
  return createHash('sha256').update(route).update('\n').update(stableJson(body)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

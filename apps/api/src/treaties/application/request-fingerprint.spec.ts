import { describe, expect, it } from '@jest/globals';
import { idempotencyOf, requestFingerprint } from './request-fingerprint';
import type { WriteRequest } from './write-request';

const request = (idempotencyKey?: string, body: unknown = { type: 'signed', party: 'RU' }): WriteRequest => ({
  principal: { role: 'editor', keyId: 'editor:0a1b2c3d4e5f' },
  correlationId: 'c-1',
  route: 'POST /treaties/:id/developments',
  body,
  ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
});

describe('request fingerprint', () => {
  it('is the same for the same request whatever its key order and undefined fields', () => {
    expect(requestFingerprint('r', { a: 1, b: [1, { c: 2, d: undefined }] })).toBe(
      requestFingerprint('r', { b: [1, { c: 2 }], a: 1 }),
    );
  });

  it('differs with the body or the route', () => {
    expect(requestFingerprint('r', { a: 1 })).not.toBe(requestFingerprint('r', { a: 2 }));
    expect(requestFingerprint('r', { a: 1 })).not.toBe(requestFingerprint('s', { a: 1 }));
  });
});

describe('idempotency of a write request', () => {
  it('is the key and the fingerprint of what the request asked for', () => {
    const keyed = request('key-1');
    expect(idempotencyOf(keyed)).toEqual({ key: 'key-1', fingerprint: requestFingerprint(keyed.route, keyed.body) });
  });

  it('is nothing for a write sent without a key: its body is not fingerprinted', () => {
    const body = {};
    Object.defineProperty(body, 'party', {
      enumerable: true,
      get: () => {
        throw new Error('the body was read');
      },
    });
    expect(idempotencyOf(request(undefined, body))).toBeUndefined();
  });
});

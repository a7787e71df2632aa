import { describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { backoffMs, MAX_BACKOFF_MS } from './backoff';
import { deriveSecret, signedHeaders } from './standard-webhooks';

describe('Standard Webhooks signatures', () => {
  const master = Buffer.from('a master key for the tests, not a real one');

  it('signs so that the reference implementation verifies, with each secret during a rotation', () => {
    const current = deriveSecret(master, 'subscription-1', 2);
    const previous = deriveSecret(master, 'subscription-1', 1);
    const body = JSON.stringify({ specversion: '1.0', id: 'e1' });
    const headers = signedHeaders([current, previous], 'msg-1', Math.floor(Date.now() / 1000), body);
    expect(headers['webhook-signature']).toMatch(/^v1,\S+ v1,\S+$/);
    expect(new Webhook(current).verify(body, headers)).toEqual({ specversion: '1.0', id: 'e1' });
    expect(new Webhook(previous).verify(body, headers)).toEqual({ specversion: '1.0', id: 'e1' });
    expect(() => new Webhook(deriveSecret(master, 'subscription-2', 1)).verify(body, headers)).toThrow();
    expect(() => new Webhook(current).verify(`${body} `, headers)).toThrow();
  });

  it('derives a distinct whsec_ secret per subscription and generation, the same on every replica', () => {
    const secret = deriveSecret(master, 's', 1);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(deriveSecret(Buffer.from(master), 's', 1)).toBe(secret);
    expect(deriveSecret(master, 's', 2)).not.toBe(secret);
    expect(deriveSecret(master, 't', 1)).not.toBe(secret);
  });
});

describe('backoffMs', () => {
  it('doubles with each failure, jittered between half and all of it, and is capped', () => {
    expect(backoffMs(1, 1000, () => 0)).toBe(500);
    expect(backoffMs(1, 1000, () => 1)).toBe(1000);
    expect(backoffMs(3, 1000, () => 0)).toBe(2000);
    expect(backoffMs(3, 1000, () => 1)).toBe(4000);
    expect(backoffMs(40, 1000, () => 1)).toBe(MAX_BACKOFF_MS);
    const spread = new Set(Array.from({ length: 20 }, () => backoffMs(2, 1000)));
    expect(spread.size).toBeGreaterThan(1);
  });
});

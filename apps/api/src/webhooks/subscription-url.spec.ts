import { describe, expect, it } from '@jest/globals';
import type { Principal } from '../auth/api-keys';
import { redactedUrl, subscriptionUrlFor } from './subscription-url';

const OWNER: Principal = { role: 'reader', keyId: 'reader:0a1b2c3d4e5f' };
const AUDITOR: Principal = { role: 'auditor', keyId: 'auditor:5f4e3d2c1b0a' };
const URL_WITH_TOKEN = 'https://hooks.example.org:8443/services/T0123/B0456/s3cr3t?token=abc#frag';

describe("a subscription's URL as each key is shown it", () => {
  it('is whole for the key that registered it, and its origin only for any other, an auditor too', () => {
    const subscription = { owner: OWNER.keyId, url: URL_WITH_TOKEN };
    expect(subscriptionUrlFor(OWNER, subscription)).toBe(URL_WITH_TOKEN);
    expect(subscriptionUrlFor(AUDITOR, subscription)).toBe('https://hooks.example.org:8443/…');
    expect(subscriptionUrlFor({ role: 'reader', keyId: 'reader:ffffffffffff' }, subscription)).toBe(
      'https://hooks.example.org:8443/…',
    );
    // An auditor's own subscription is whole to it.
    expect(subscriptionUrlFor(AUDITOR, { owner: AUDITOR.keyId, url: URL_WITH_TOKEN })).toBe(URL_WITH_TOKEN);
  });

  it.each([
    ['https://hooks.example.org/hook', 'https://hooks.example.org/…'],
    ['https://hooks.example.org/?token=abc', 'https://hooks.example.org/…'],
    ['https://user:password@hooks.example.org/', 'https://hooks.example.org/…'],
    ['https://hooks.example.org/#secret', 'https://hooks.example.org/…'],
    ['https://[2001:db8::1]:8443/t/abc', 'https://[2001:db8::1]:8443/…'],
    ['https://hooks.example.org', 'https://hooks.example.org/'],
    ['https://hooks.example.org/', 'https://hooks.example.org/'],
    ['not a url', '…'],
  ])('shows %s as %s: no path, query, fragment or user info', (url, shown) => {
    expect(redactedUrl(url)).toBe(shown);
  });
});

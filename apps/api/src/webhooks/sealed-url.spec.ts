import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { openUrl, sealUrl } from './sealed-url';

const KEY = randomBytes(48);
const URL_WITH_TOKEN = 'https://hooks.example.org/services/T0123/B0456/s3cr3t?token=abc';

describe('a webhook URL sealed for the log (decision 0097)', () => {
  it('opens to the URL whole with the key it was sealed with, and says nothing of it in clear', () => {
    const sealed = sealUrl(KEY, 'subscription-1', URL_WITH_TOKEN);
    expect(sealed).toMatch(/^aes-256-gcm\.v1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toMatch(/s3cr3t|T0123|hooks/);
    expect(openUrl(KEY, 'subscription-1', sealed)).toBe(URL_WITH_TOKEN);
    // A fresh nonce each time: two subscriptions to one URL are not told apart as the same by their events.
    expect(sealUrl(KEY, 'subscription-1', URL_WITH_TOKEN)).not.toBe(sealed);
  });

  it('does not open with another key, for another subscription, or altered', () => {
    const sealed = sealUrl(KEY, 'subscription-1', URL_WITH_TOKEN);
    expect(() => openUrl(randomBytes(48), 'subscription-1', sealed)).toThrow(/another signing key/);
    expect(() => openUrl(KEY, 'subscription-2', sealed)).toThrow();
    const altered = sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'BB' : 'AA');
    expect(() => openUrl(KEY, 'subscription-1', altered)).toThrow();
    expect(() => openUrl(KEY, 'subscription-1', 'rot13.v1.abc')).toThrow(/does not know/);
  });
});

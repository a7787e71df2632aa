import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { Principal } from '../auth/api-keys';
import { openUrl, sealUrl } from './sealed-url';
import type { WebhookSecrets } from './webhook-secrets';
import { evolveSubscription, type WebhookSubscription } from './webhook-subscription';
import { subscriptionView } from './webhook-subscription-view';

const URL_WITH_TOKEN = 'https://hooks.example.org/services/T0123/s3cr3t?token=abc';
const OWNER: Principal = { role: 'reader', keyId: 'reader:abc' };
const AUDITOR: Principal = { role: 'auditor', keyId: 'auditor:def' };
const REGISTERED_UNDER = randomBytes(48);

/** What `WebhookSecrets.targetOf` does for a sealed subscription, with this master key. */
const secretsOf = (masterKey: Buffer): Pick<WebhookSecrets, 'targetOf'> => ({
  targetOf: (subscription) => openUrl(masterKey, subscription.id, subscription.sealedUrl!),
});

/** Given a subscription registered since decision 0097, its URL sealed under `REGISTERED_UNDER`. */
function sealedSubscription(): WebhookSubscription {
  return evolveSubscription(
    undefined,
    {
      type: 'WebhookSubscribedSealed',
      data: {
        subscriptionId: 's1',
        owner: OWNER.keyId,
        urlRedacted: 'https://hooks.example.org/…',
        sealedUrl: sealUrl(REGISTERED_UNDER, 's1', URL_WITH_TOKEN),
        filter: {},
        startAfter: '41',
        subscribedAt: '2026-12-05T08:00:00.000Z',
      },
    },
    0n,
  )!;
}

describe('a subscription as a key is shown it', () => {
  it('shows its owner the URL whole, opened, and says it is readable', () => {
    const view = subscriptionView(sealedSubscription(), OWNER, secretsOf(REGISTERED_UNDER));
    expect(view).toMatchObject({ url: URL_WITH_TOKEN, urlUnreadable: false });
  });

  it('says, when the signing key was replaced, that the url shown is the origin standing in for it', () => {
    const replaced = secretsOf(randomBytes(48));
    for (const principal of [OWNER, AUDITOR]) {
      expect(subscriptionView(sealedSubscription(), principal, replaced)).toMatchObject({
        url: 'https://hooks.example.org/…',
        urlUnreadable: true,
      });
    }
  });

  it('shows another key (an auditor) only the origin of a URL the service opens, which is no stand-in', () => {
    const view = subscriptionView(sealedSubscription(), AUDITOR, secretsOf(REGISTERED_UNDER));
    expect(view).toMatchObject({ url: 'https://hooks.example.org/…', urlUnreadable: false });
  });
});

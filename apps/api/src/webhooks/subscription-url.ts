import type { Principal } from '../auth/api-keys';
import type { WebhookSubscription } from './webhook-subscription';

/** What stands for the part of a URL a key other than its owner's is not shown. */
export const HIDDEN = '…';

/**
 * A subscription's URL as `principal` is shown it. The key that registered it, the only one that may change it, sees
 * it whole. Any other (an auditor, who lists everyone's) sees its origin: the scheme, host and port deliveries go to,
 * which is what an audit of where the service sends data needs; the path, query, fragment and user info, where a
 * receiver's token or credentials usually travel (`/services/T…/B…/<token>`, `?token=`, `https://user:pass@`), are
 * one `…`: for many receivers (a chat's incoming webhook) the URL is the only credential, and whoever holds it posts
 * there as this service. `whole`: the URL whole, which the log keeps sealed since decision 0097.
 */
export function subscriptionUrlFor(
  principal: Principal,
  subscription: Pick<WebhookSubscription, 'owner' | 'url'>,
  whole: () => string = () => subscription.url,
) {
  return subscription.owner === principal.keyId ? whole() : redactedUrl(subscription.url);
}

/** The origin of `url`, followed by `/…` when anything else was in it. */
export function redactedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Every URL was parsed at registration; one that is not, now, is shown as nothing rather than whole.
    return HIDDEN;
  }
  const more =
    parsed.pathname !== '/' ||
    parsed.search !== '' ||
    parsed.hash !== '' ||
    parsed.username !== '' ||
    parsed.password !== '';
  return `${parsed.origin}/${more ? HIDDEN : ''}`;
}

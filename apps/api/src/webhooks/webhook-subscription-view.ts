import type { Principal } from '../auth/api-keys';
import { deliveryTargetOf } from './delivery-target';
import { subscriptionUrlFor } from './subscription-url';
import type { WebhookSecrets } from './webhook-secrets';
import type { WebhookSubscription } from './webhook-subscription';

/**
 * A subscription as `principal` is shown it: its URL whole to the key that registered it only, opened from the log's
 * sealed copy. When the service's signing key no longer opens it, `url` is the origin the log keeps in clear, and
 * `urlUnreadable` says that it stands in for a URL nothing is delivered to (decision 0107), to every key shown it.
 */
export function subscriptionView(
  subscription: WebhookSubscription,
  principal: Principal,
  secrets: Pick<WebhookSecrets, 'targetOf'>,
) {
  const target = deliveryTargetOf(subscription, secrets);
  return {
    id: subscription.id,
    url: subscriptionUrlFor(principal, subscription, () => (target.kind === 'open' ? target.url : subscription.url)),
    urlUnreadable: target.kind === 'unreadable',
    filter: subscription.filter,
    subscribedAt: subscription.subscribedAt,
    state: subscription.paused ? 'paused' : 'active',
    paused: subscription.paused,
    deliveredUpTo: subscription.checkpoint.toString(),
    secretGeneration: subscription.secret.generation,
    // What its ETag names and a write's If-Match is compared with: its owner's last change (decision 0091).
    revision: subscription.revision.toString(),
  };
}

export type WebhookSubscriptionView = ReturnType<typeof subscriptionView>;

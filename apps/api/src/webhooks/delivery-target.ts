import type { WebhookSecrets } from './webhook-secrets';
import type { WebhookSubscription } from './webhook-subscription';

/**
 * Where a subscription's deliveries go: its URL whole, opened from the log's sealed copy (decision 0097), or, when
 * this service's signing key does not open it (the key was replaced since it was registered), why not. The `url` the
 * subscription keeps then is its origin and `/…`, a stand-in for auditors: nothing is ever sent there (decision 0107).
 */
export type DeliveryTarget =
  { readonly kind: 'open'; readonly url: string } | { readonly kind: 'unreadable'; readonly reason: string };

export function deliveryTargetOf(
  subscription: Pick<WebhookSubscription, 'id' | 'url' | 'sealedUrl'>,
  secrets: Pick<WebhookSecrets, 'targetOf'>,
): DeliveryTarget {
  try {
    return { kind: 'open', url: secrets.targetOf(subscription) };
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}

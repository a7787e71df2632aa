import type { Principal } from '../auth/api-keys';
import { ApiProblem } from '../problems/api-problem';
import { refuseStaleIfMatch, type IfMatch } from './webhook-if-match';
import type { WebhookSubscription } from './webhook-subscription';
import type { WebhookSubscriptions } from './webhook-subscriptions.service';
import type { WebhookEvent } from './webhook.events';

/**
 * The subscription `principal` may read: its own, or anyone's for an auditor. `404 WEBHOOK_NOT_FOUND` for one
 * deleted, another key's, or none: a key cannot learn which ids others hold.
 */
export async function visibleSubscription(
  subscriptions: WebhookSubscriptions,
  principal: Principal,
  id: string,
): Promise<WebhookSubscription> {
  await subscriptions.ready;
  const subscription = subscriptions.get(id);
  if (
    !subscription ||
    subscription.deleted ||
    (principal.role !== 'auditor' && subscription.owner !== principal.keyId)
  ) {
    throw new ApiProblem(404, 'WEBHOOK_NOT_FOUND', `No webhook subscription ${id} of yours`);
  }
  return subscription;
}

/**
 * Appends what `decide` makes of the subscription, if its If-Match holds; only its owner may. The append expects the
 * stream's revision the decision was made on: when anything landed in between (another replica's rotation, or only
 * the dispatcher's checkpoint), it fails, and If-Match is judged again on what the stream now holds (decision 0091).
 */
export async function changeSubscription(
  subscriptions: WebhookSubscriptions,
  principal: Principal,
  id: string,
  ifMatch: IfMatch,
  decide: (subscription: WebhookSubscription) => WebhookEvent[],
): Promise<WebhookSubscription> {
  let refreshed = false;
  for (;;) {
    const subscription = await visibleSubscription(subscriptions, principal, id);
    if (subscription.owner !== principal.keyId) {
      throw new ApiProblem(403, 'FORBIDDEN', 'Only the key that registered a webhook may change it');
    }
    try {
      refuseStaleIfMatch(subscription, ifMatch);
    } catch (stale) {
      // The tag may come from a read at another replica that this one has not caught up with yet.
      if (refreshed) throw stale;
      refreshed = true;
      await subscriptions.refresh(id);
      continue;
    }
    if (await subscriptions.append(id, decide(subscription), principal.keyId)) return subscriptions.get(id)!;
  }
}

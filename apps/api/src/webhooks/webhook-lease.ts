import type { WebhookSubscription } from './webhook-subscription';

// A subscription's lease, as the replica `holder` judges it at `now` (wall-clock milliseconds): the replica that
// holds it delivers the subscription, renewing it with each delivery; another takes over once it has lapsed.

/** Whether `holder` holds the lease for more than `marginMs` yet. */
export function holdsLease(subscription: WebhookSubscription, holder: string, now: number, marginMs: number): boolean {
  return subscription.lease?.holder === holder && subscription.lease.until - now > marginMs;
}

/** Whether another replica holds a lease that has not lapsed. */
export function leasedElsewhere(subscription: WebhookSubscription, holder: string, now: number): boolean {
  return !!subscription.lease && subscription.lease.holder !== holder && subscription.lease.until > now;
}

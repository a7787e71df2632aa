import type { Principal } from '../auth/api-keys';
import { ApiProblem } from '../problems/api-problem';
import type { WebhookSubscription } from './webhook-subscription';

/**
 * Subscriptions one key may hold at once. Each one POSTs every update to a URL of the caller's choosing: without a
 * bound, any key (a reader's too) could make one write fan out into thousands of requests at a third party's server.
 */
export const MAX_WEBHOOKS_PER_KEY = 25;
/**
 * Subscriptions one key may register in any 24 hours, those deleted since included. A subscription is a stream of
 * its own in the log, kept for good: with only the bound on those held at once, a key that registers and deletes in
 * a loop (a reader's too) would add two events to the log for every round, about 600 a minute, for ever.
 */
export const MAX_WEBHOOK_REGISTRATIONS_PER_DAY = 100;
const DAY_MS = 86_400_000;

/** `409 TOO_MANY_WEBHOOKS` once the key holds `MAX_WEBHOOKS_PER_KEY` subscriptions. */
export function refuseBeyondHeldSubscriptions(
  subscriptions: readonly WebhookSubscription[],
  principal: Principal,
): void {
  const held = subscriptions.filter(
    (subscription) => !subscription.deleted && subscription.owner === principal.keyId,
  ).length;
  if (held < MAX_WEBHOOKS_PER_KEY) return;
  throw new ApiProblem(
    409,
    'TOO_MANY_WEBHOOKS',
    `This key holds ${held} webhook subscriptions, the most one key may: delete one before adding another`,
    { maxPerKey: MAX_WEBHOOKS_PER_KEY },
  );
}

/**
 * `429 TOO_MANY_WEBHOOK_REGISTRATIONS` once the key has registered its day's worth, deleted ones included. `now`:
 * real time, as `subscribedAt` is (the service's clock is the present's day for treaties, which tests may fix).
 */
export function refuseBeyondDailyRegistrations(
  subscriptions: readonly WebhookSubscription[],
  principal: Principal,
  now: number,
): void {
  const registeredToday = subscriptions
    .filter((subscription) => subscription.owner === principal.keyId)
    .map((subscription) => Date.parse(subscription.subscribedAt))
    .filter((at) => at > now - DAY_MS)
    .sort((a, b) => a - b);
  if (registeredToday.length < MAX_WEBHOOK_REGISTRATIONS_PER_DAY) return;
  // The day's window moves on when the earliest registration in it leaves it.
  const retryAfterSeconds = Math.max(1, Math.ceil((registeredToday[0]! + DAY_MS - now) / 1000));
  throw new ApiProblem(
    429,
    'TOO_MANY_WEBHOOK_REGISTRATIONS',
    `This key has registered ${registeredToday.length} webhook subscriptions in the last 24 hours, the most one ` +
      'key may, deleted ones included: each stays in the log for good',
    { maxPerDay: MAX_WEBHOOK_REGISTRATIONS_PER_DAY, retryAfterSeconds },
  );
}

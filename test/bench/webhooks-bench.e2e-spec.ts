import { describe, expect, it } from '@jest/globals';
import { webhooksBench } from '../../bench/webhooks.bench';
import { MAX_WEBHOOKS_PER_KEY } from '../../apps/api/src/webhooks/webhooks.service';

// Not a timed test: `npm run bench` must run to its end. Its webhook scenario registered 100 subscriptions with
// one key, which the limit of subscriptions per key (since 2026-12-03) refused, ending the whole run there.
describe('the benchmark of webhooks', () => {
  it('runs with more subscriptions than one key may hold, and counts every delivery', async () => {
    const subscriptions = MAX_WEBHOOKS_PER_KEY + 1;
    const [row] = await webhooksBench(subscriptions, 2);
    expect(row?.figures).toContain(`(${subscriptions * 2} of ${subscriptions * 2} delivered)`);
  });
});

import { describe, expect, it } from '@jest/globals';
import { evolveSubscription, type WebhookSubscription } from './webhook-subscription';
import type { WebhookEvent } from './webhook.events';

const subscribed: WebhookEvent = {
  type: 'WebhookSubscribed',
  data: {
    subscriptionId: 's1',
    owner: 'reader:abc',
    url: 'https://hooks.example/x',
    filter: { party: 'IR' },
    startAfter: '41',
    subscribedAt: '2025-06-01T00:00:00.000Z',
  },
};
const delivery = {
  deliveryId: 'd1',
  eventId: 'e1',
  treatyId: 't',
  attempt: 1,
  holder: 'r1',
  leaseUntil: '2025-06-01T00:01:00.000Z',
};
const fold = (...events: WebhookEvent[]) =>
  events.reduce<WebhookSubscription | undefined>(
    (state, event, revision) => evolveSubscription(state, event, BigInt(revision)),
    undefined,
  );
/** One more event, stored after those `fold` was given (at most 9). */
const next = (state: WebhookSubscription | undefined, event: WebhookEvent) => evolveSubscription(state, event, 9n);

describe('evolveSubscription', () => {
  it('folds a registration of either kind: the URL whole as registered before decision 0097, or sealed since', () => {
    expect(fold(subscribed)).toMatchObject({ url: 'https://hooks.example/x' });
    expect(fold(subscribed)).not.toHaveProperty('sealedUrl');
    const { url, ...registration } = subscribed.data;
    expect(url).toBe('https://hooks.example/x');
    const sealed: WebhookEvent = {
      type: 'WebhookSubscribedSealed',
      data: { ...registration, urlRedacted: 'https://hooks.example/…', sealedUrl: 'aes-256-gcm.v1.AAAA' },
    };
    expect(fold(sealed)).toEqual({
      ...fold(subscribed),
      url: 'https://hooks.example/…',
      sealedUrl: 'aes-256-gcm.v1.AAAA',
    });
    // Written for a few commits before the sealed registration had a type of its own: read with its sealed URL.
    const interim: WebhookEvent = {
      type: 'WebhookSubscribed',
      data: { ...registration, url: 'https://hooks.example/…', sealedUrl: 'aes-256-gcm.v1.AAAA' },
    };
    expect(fold(interim)).toEqual(fold(sealed));
  });

  it('starts after the head at registration, with the first secret, active', () => {
    expect(fold(subscribed)).toMatchObject({
      checkpoint: 41n,
      secret: { generation: 1 },
      paused: null,
      deleted: false,
    });
  });

  it('moves the checkpoint forward only, and resets the failures, on each acknowledged delivery', () => {
    const state = fold(
      subscribed,
      { type: 'WebhookDelivered', data: { ...delivery, position: '50', status: 204, deliveredAt: 'x' } },
      { type: 'WebhookDeliveryAttemptFailed', data: { ...delivery, position: '60', error: 'HTTP 500', failedAt: 'x' } },
      { type: 'WebhookDelivered', data: { ...delivery, position: '45', status: 204, deliveredAt: 'x' } },
    );
    expect(state).toMatchObject({ checkpoint: 50n, failures: 0, lease: { holder: 'r1' } });
  });

  it('checkpoints the days’ changes apart from the log, by day then treaty, forward only (decision 0039)', () => {
    // Registered before decision 0039: the days after the one it was registered on, at UTC+14.
    expect(fold(subscribed)?.dayCheckpoint).toEqual({ day: '2025-06-01', treatyId: '' });
    const registered = fold({ ...subscribed, data: { ...subscribed.data, startAfterDay: '2025-06-02' } });
    expect(registered?.dayCheckpoint).toEqual({ day: '2025-06-02', treatyId: '' });
    const dayCame = (day: string, treatyId: string): WebhookEvent => ({
      type: 'WebhookDateCameDelivered',
      data: { ...delivery, treatyId, day, position: '30', status: 204, deliveredAt: 'x' },
    });
    const state = fold(subscribed, dayCame('2025-06-20', 'b'), dayCame('2025-06-20', 'a'), dayCame('2025-06-19', 'z'), {
      type: 'WebhookDeliveryAttemptFailed',
      data: { ...delivery, position: '30', error: 'HTTP 500', failedAt: 'x' },
    });
    expect(state).toMatchObject({ dayCheckpoint: { day: '2025-06-20', treatyId: 'b' }, checkpoint: 41n, failures: 1 });
    expect(next(state, dayCame('2025-06-21', 'a'))).toMatchObject({
      dayCheckpoint: { day: '2025-06-21', treatyId: 'a' },
      failures: 0,
    });
  });

  it('counts failures until a pause, and a resumption starts the count again', () => {
    const failed: WebhookEvent = {
      type: 'WebhookDeliveryAttemptFailed',
      data: { ...delivery, position: '60', error: 'HTTP 500', failedAt: 'x' },
    };
    const paused = fold(subscribed, failed, failed, {
      type: 'WebhookPaused',
      data: { deliveryId: 'd1', reason: '2 failed attempts', pausedAt: 'x' },
    });
    expect(paused).toMatchObject({ failures: 2, paused: { deliveryId: 'd1' }, lease: null, checkpoint: 41n });
    const resumed = next(paused, {
      type: 'WebhookResumed',
      data: { deliveryId: 'd1', resumedAt: 'x', by: 'k' },
    });
    expect(resumed).toMatchObject({ failures: 0, paused: null });
  });

  it('keeps the previous secret valid until the end of a rotation overlap; a release frees only its own lease', () => {
    const state = fold(
      subscribed,
      { type: 'WebhookLeaseAcquired', data: { holder: 'r1', until: '2025-06-01T00:01:00.000Z' } },
      {
        type: 'WebhookSecretRotated',
        data: { generation: 2, previousValidUntil: '2025-06-02T00:00:00.000Z', rotatedAt: 'x' },
      },
      { type: 'WebhookLeaseReleased', data: { holder: 'r2' } },
    );
    expect(state?.secret).toEqual({ generation: 2, previous: { generation: 1, until: '2025-06-02T00:00:00.000Z' } });
    expect(state?.lease).toEqual({ holder: 'r1', until: Date.parse('2025-06-01T00:01:00.000Z') });
    expect(next(state, { type: 'WebhookLeaseReleased', data: { holder: 'r1' } })?.lease).toBeNull();
  });

  it('lets an attempt renew its holder’s lease, but not take back one another holder took while it was out', () => {
    const takenOver = fold(subscribed, {
      type: 'WebhookLeaseAcquired',
      data: { holder: 'r2', until: '2025-06-01T00:02:00.000Z' },
    });
    const outcomes = (endedAt: string): WebhookEvent[] => [
      { type: 'WebhookDelivered', data: { ...delivery, position: '50', status: 204, deliveredAt: endedAt } },
      {
        type: 'WebhookDeliveryAttemptFailed',
        data: { ...delivery, position: '60', error: 'HTTP 500', failedAt: endedAt },
      },
      {
        type: 'WebhookDateCameDelivered',
        data: { ...delivery, day: '2025-06-01', position: '30', status: 204, deliveredAt: endedAt },
      },
    ];
    const r2 = { holder: 'r2', until: Date.parse('2025-06-01T00:02:00.000Z') };
    const r1 = { holder: 'r1', until: Date.parse(delivery.leaseUntil) };
    for (const outcome of outcomes('2025-06-01T00:01:59.999Z')) {
      // Recorded all the same (the delivery happened), under r2's live lease.
      expect(next(takenOver, outcome)?.lease).toEqual(r2);
    }
    expect(next(takenOver, outcomes('2025-06-01T00:01:00.000Z')[0]!)?.checkpoint).toBe(50n);
    for (const outcome of outcomes('2025-06-01T00:02:00.000Z')) {
      // r2's lease had lapsed when the attempt ended: the attempt's holder holds it again.
      expect(next(takenOver, outcome)?.lease).toEqual(r1);
    }
  });

  it('names the revision of the last change its owner sees, and not the dispatcher’s progress (decision 0091)', () => {
    const failed: WebhookEvent = {
      type: 'WebhookDeliveryAttemptFailed',
      data: { ...delivery, position: '60', error: 'HTTP 500', failedAt: 'x' },
    };
    const rotation: WebhookEvent = {
      type: 'WebhookSecretRotated',
      data: { generation: 2, previousValidUntil: 'x', rotatedAt: 'x' },
    };
    const delivered = fold(
      subscribed,
      { type: 'WebhookLeaseAcquired', data: { holder: 'r1', until: '2025-06-01T00:01:00.000Z' } },
      { type: 'WebhookDelivered', data: { ...delivery, position: '50', status: 204, deliveredAt: 'x' } },
      failed,
      { type: 'WebhookLeaseReleased', data: { holder: 'r1' } },
    );
    expect(delivered).toMatchObject({ revision: 0n, checkpoint: 50n });
    expect(fold(subscribed, failed, rotation, failed)?.revision).toBe(2n);
    const paused = fold(subscribed, failed, failed, {
      type: 'WebhookPaused',
      data: { deliveryId: 'd1', reason: '2 failed attempts', pausedAt: 'x' },
    });
    expect(paused?.revision).toBe(3n);
    expect(
      next(paused, { type: 'WebhookResumed', data: { deliveryId: 'd1', resumedAt: 'x', by: 'k' } })?.revision,
    ).toBe(9n);
    expect(next(paused, { type: 'WebhookUnsubscribed', data: { unsubscribedAt: 'x', by: 'k' } })?.revision).toBe(9n);
  });

  it('ignores events of a subscription it never saw registered', () => {
    expect(fold({ type: 'WebhookUnsubscribed', data: { unsubscribedAt: 'x', by: 'k' } })).toBeUndefined();
  });
});

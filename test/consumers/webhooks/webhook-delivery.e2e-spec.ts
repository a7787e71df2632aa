import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import type { AppConfig } from '../../../apps/api/src/config/app-config';
import type { WebhookEvent } from '../../../apps/api/src/webhooks/webhook.events';
import { WebhookSubscriptions } from '../../../apps/api/src/webhooks/webhook-subscriptions.service';
import { KEYS, bearer } from '../../support/api-keys';
import { startTestApp, type TestApp } from '../../support/test-app';
import { RU_IR, dumaApproval, fixedClock, post, registerRuIr, signature } from '../../support/treaty-requests';
import { WebhookReceiver, until, type ReceivedDelivery } from '../../support/webhook-receiver';

const OTHER = { id: 'by-ru-security', title: 'Security treaty', parties: ['BY', 'RU'], category: 'security' };

const webhookSettings = (overrides: Partial<NonNullable<AppConfig['webhooks']>> = {}) => ({
  webhooks: {
    allowPrivateTargets: true,
    retryBaseMs: 20,
    maxFailures: 1000,
    timeoutMs: 2000,
    leaseMs: 2000,
    ...overrides,
  },
});

interface Delivered {
  readonly deliveryId: string;
  readonly cloudEvent: {
    id: string;
    type: string;
    source: string;
    specversion: string;
    data: { treatyId: string; revision: string; position: string };
  };
}

function parse(delivery: ReceivedDelivery): Delivered {
  return {
    deliveryId: String(delivery.headers['webhook-id']),
    cloudEvent: JSON.parse(delivery.body) as Delivered['cloudEvent'],
  };
}

/** Every treaty event in the log after `after`, in log order: what the subscription must deliver. */
async function treatyEventsAfter(subject: TestApp, after: bigint) {
  const store = subject.app.get<EventStore>(EVENT_STORE);
  const events: { id: string; treatyId: string; revision: bigint }[] = [];
  for await (const event of store.readAll({ fromPosition: after + 1n })) {
    if (event.streamName.startsWith('treaty-')) {
      events.push({ id: event.id, treatyId: event.streamName.slice(7), revision: event.revision });
    }
  }
  return events;
}

async function subscribe(subject: TestApp, url: string, filter?: object, key: string = KEYS.reader) {
  const response = await post(subject.http, '/webhooks', { url, ...(filter ? { filter } : {}) }, key).expect(201);
  return response.body as { id: string; secret: string; deliveredUpTo: string };
}

/**
 * Runs what another replica does (`otherReplica`, given the request's body) while this one's first attempt is out,
 * so that this one's outcome is recorded after it.
 */
function whileFirstAttemptIsOut(
  receiver: WebhookReceiver,
  otherReplica: (body: string) => Promise<boolean>,
): { readonly appended: Promise<boolean> | undefined } {
  const other: { appended: Promise<boolean> | undefined } = { appended: undefined };
  receiver.behaviour.beforeAnswer = async (index, body) => {
    if (index !== 0) return;
    other.appended = otherReplica(body);
    await other.appended.catch(() => false);
  };
  return other;
}

const OTHER_REPLICA = 'replica-that-took-over';

/** The other replica's lease from now: 3 s, long enough to outlast this one's answer on a loaded machine. */
function otherReplicasLease(): { readonly until: number; readonly event: WebhookEvent } {
  const until = Date.now() + 3000;
  return {
    until,
    event: { type: 'WebhookLeaseAcquired', data: { holder: OTHER_REPLICA, until: new Date(until).toISOString() } },
  };
}

/** What the other replica records of its own attempt at the update a request's body carries. */
function otherReplicasAttempt(body: string, outcome: 'delivered' | 'failed'): WebhookEvent {
  const { id: eventId, data } = JSON.parse(body) as Delivered['cloudEvent'];
  const now = new Date().toISOString();
  const delivery = {
    deliveryId: `${OTHER_REPLICA}-${eventId}`,
    eventId,
    treatyId: data.treatyId,
    position: data.position,
  };
  return outcome === 'delivered'
    ? {
        type: 'WebhookDelivered',
        data: { ...delivery, attempt: 1, status: 204, deliveredAt: now, holder: OTHER_REPLICA, leaseUntil: now },
      }
    : {
        type: 'WebhookDeliveryAttemptFailed',
        data: { ...delivery, attempt: 1, error: 'HTTP 500', failedAt: now, holder: OTHER_REPLICA, leaseUntil: now },
      };
}

describe('webhook delivery', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  /** A receiver, the app and one subscription to everything: the set-up of the lease tests. */
  async function subscribedApp(settings: Partial<NonNullable<AppConfig['webhooks']>> = {}) {
    const receiver = new WebhookReceiver();
    await receiver.start();
    cleanup.push(() => receiver.stop());
    const subject = await startTestApp(webhookSettings(settings), { clock: fixedClock() });
    cleanup.push(() => subject.close());
    const { id } = await subscribe(subject, receiver.url);
    return { receiver, subject, subscriptions: subject.app.get(WebhookSubscriptions), id };
  }

  it('delivers every update in order per treaty, signed, across failures, slow answers and a restart, and never repeats an acknowledged one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'timeline-webhooks-'));
    cleanup.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const receiver = new WebhookReceiver({ failFirst: 3, delayMs: 150 });
    await receiver.start();
    cleanup.push(() => receiver.stop());
    const config = { dataDir, ...webhookSettings() };

    let subject = await startTestApp(config, { clock: fixedClock(), keepData: true });
    let running = true;
    cleanup.push(async () => {
      if (running) await subject.close();
    });
    const { id, secret, deliveredUpTo } = await subscribe(subject, receiver.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    await registerRuIr(subject.http);
    await post(subject.http, '/treaties', OTHER).expect(201);
    await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);
    await post(subject.http, `/treaties/${OTHER.id}/developments`, signature()).expect(201);
    await until(() => receiver.acknowledged.length >= 2, 10_000, 'the first acknowledgements');

    // The receiver goes down; the service restarts meanwhile, and more updates are written while it is down.
    await receiver.stop();
    await subject.close();
    running = false;
    subject = await startTestApp(config, { clock: fixedClock(), keepData: true });
    running = true;
    await post(subject.http, `/treaties/${RU_IR.id}/developments`, dumaApproval()).expect(201);
    await post(
      subject.http,
      `/treaties/${OTHER.id}/developments`,
      dumaApproval({ party: 'BY', body: 'House of Representatives' }),
    ).expect(201);
    await new Promise((resolve) => setTimeout(resolve, 300));
    receiver.behaviour.delayMs = 0;
    await receiver.start();

    const expected = await treatyEventsAfter(subject, BigInt(deliveredUpTo));
    expect(expected).toHaveLength(6);
    await until(
      () => new Set(receiver.acknowledged.map((delivery) => parse(delivery).cloudEvent.id)).size === expected.length,
      15_000,
      'every update',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    const verifier = new Webhook(secret);
    for (const delivery of receiver.requests) {
      expect(() => verifier.verify(delivery.body, delivery.headers as Record<string, string>)).not.toThrow();
      expect(delivery.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
    }
    const acknowledged = receiver.acknowledged.map(parse);
    // Nothing acknowledged arrives again.
    expect(new Set(acknowledged.map((delivery) => delivery.deliveryId)).size).toBe(acknowledged.length);
    expect(acknowledged.map((delivery) => delivery.cloudEvent.id).sort()).toEqual(
      expected.map((event) => event.id).sort(),
    );
    // In order per treaty (and here, as delivery is sequential, in log order).
    expect(acknowledged.map((delivery) => delivery.cloudEvent.id)).toEqual(expected.map((event) => event.id));
    for (const treatyId of [RU_IR.id, OTHER.id]) {
      const revisions = acknowledged
        .filter((delivery) => delivery.cloudEvent.data.treatyId === treatyId)
        .map((delivery) => Number(delivery.cloudEvent.data.revision));
      expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    }
    expect(acknowledged[0]!.cloudEvent).toMatchObject({
      specversion: '1.0',
      type: 'org.treaty-timeline.treaty.registered',
      source: `/treaties/${RU_IR.id}`,
    });
    // Failed attempts were retried under the same webhook-id, and recorded.
    expect(receiver.requests.length).toBeGreaterThan(acknowledged.length);
    const deliveries = await request(subject.http)
      .get(`/webhooks/${id}/deliveries`)
      .set('Authorization', bearer(KEYS.reader))
      .expect(200);
    expect(deliveries.body.items.filter((item: { status: string }) => item.status === 'delivered')).toHaveLength(6);
    expect(deliveries.body.items.at(-1)).toMatchObject({ status: 'delivered', attempts: 4 });
  }, 60_000);

  it("takes over another replica's subscription once its lease lapses, from the checkpoint, repeating nothing", async () => {
    const { receiver, subject, subscriptions, id } = await subscribedApp();
    await registerRuIr(subject.http);
    await until(() => receiver.acknowledged.length === 1, 5000, 'the first delivery');

    // Another replica takes the lease (and, say, crashes holding it): this one must leave the subscription alone.
    const lease = otherReplicasLease();
    expect(await subscriptions.append(id, [lease.event], 'test')).toBe(true);
    const written = await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);

    await until(() => receiver.acknowledged.length === 2, 10_000, 'the delivery after the lease lapsed');
    // Nothing was sent while the other replica held the lease, however slow this machine is.
    expect(receiver.requests[1]!.at).toBeGreaterThanOrEqual(lease.until);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.requests.map((delivery) => parse(delivery).cloudEvent.id)).toEqual([
      parse(receiver.requests[0]!).cloudEvent.id,
      written.body.eventId,
    ]);
    expect(subscriptions.get(id)).toMatchObject({ checkpoint: BigInt(written.body.position) });
  });

  it('records a delivery acknowledged after another replica took the lease, without taking the lease back', async () => {
    // The other replica takes the lease while this one's first delivery is out, so the acknowledgement is
    // recorded after it: the delivery counts, and the next one still waits for the other's lease to lapse.
    const { receiver, subject, subscriptions, id } = await subscribedApp();
    const lease = otherReplicasLease();
    const other = whileFirstAttemptIsOut(receiver, () => subscriptions.append(id, [lease.event], 'test'));
    const registered = await post(subject.http, '/treaties', RU_IR).expect(201);
    await until(() => subscriptions.get(id)?.checkpoint === BigInt(registered.body.position), 5000, 'the first one');
    expect(await other.appended).toBe(true);
    expect(subscriptions.get(id)?.lease).toEqual({ holder: OTHER_REPLICA, until: lease.until });

    const written = await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);
    await until(() => receiver.acknowledged.length === 2, 10_000, 'the delivery after the lease lapsed');
    expect(receiver.requests[1]!.at).toBeGreaterThanOrEqual(lease.until);
    expect(receiver.requests).toHaveLength(2);
    expect(parse(receiver.requests[1]!).cloudEvent.id).toBe(written.body.eventId);
  });

  it("counts a failure heard after another replica took over with that replica's own, and pauses at the limit", async () => {
    // Two failures pause. This replica's first attempt is its first; meanwhile the other replica takes the lease and
    // records a failed attempt of its own: this one's failure is the second, wherever it was sent from.
    const { receiver, subject, subscriptions, id } = await subscribedApp({ maxFailures: 2 });
    receiver.behaviour.failing = true;
    const other = whileFirstAttemptIsOut(receiver, (body) =>
      subscriptions.append(id, [otherReplicasLease().event, otherReplicasAttempt(body, 'failed')], 'test'),
    );
    await post(subject.http, '/treaties', RU_IR).expect(201);
    await until(() => subscriptions.get(id)?.paused !== null, 5000, 'the pause');
    expect(await other.appended).toBe(true);
    expect(subscriptions.get(id)).toMatchObject({
      failures: 2,
      paused: { reason: expect.stringMatching(/^2 failed attempts/) },
      lease: null,
    });
    expect(receiver.requests).toHaveLength(1);
  });

  it('does not count a failure heard after another replica delivered the same update', async () => {
    // One failure pauses: counted, this replica's failure would stop the next update.
    const { receiver, subject, subscriptions, id } = await subscribedApp({ maxFailures: 1 });
    receiver.behaviour.failFirst = 1;
    const other = whileFirstAttemptIsOut(receiver, (body) =>
      subscriptions.append(id, [otherReplicasAttempt(body, 'delivered')], 'test'),
    );
    await post(subject.http, '/treaties', RU_IR).expect(201);
    await until(() => receiver.requests.length === 1, 5000, 'the attempt');
    expect(await other.appended).toBe(true);
    // Deliveries are in order: once the next update is delivered, the failure before it has been dealt with.
    const written = await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);
    await until(
      () => subscriptions.get(id)?.checkpoint === BigInt(written.body.position),
      5000,
      'the delivery of the next update',
    );
    expect(subscriptions.get(id)).toMatchObject({ failures: 0, paused: null });
    expect(receiver.requests.map((delivery) => delivery.answered)).toEqual([500, 204]);
  });
});

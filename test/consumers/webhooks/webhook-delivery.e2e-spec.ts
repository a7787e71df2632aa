import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import type { AppConfig } from '../../../apps/api/src/config/app-config';
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
 * Another replica takes the subscription's lease while this one's first attempt is out, so that its outcome is
 * recorded after it: for 3 s, long enough to outlast the answer on a loaded machine. `firstFails`: the receiver
 * answers that attempt 500, and those after it 204.
 */
function leaseTakenDuringFirstAttempt(
  receiver: WebhookReceiver,
  subscriptions: WebhookSubscriptions,
  id: string,
  { firstFails = false } = {},
): { readonly until: number; readonly appended: Promise<boolean> | undefined } {
  const taken: { until: number; appended: Promise<boolean> | undefined } = { until: 0, appended: undefined };
  receiver.behaviour.beforeAnswer = async (index) => {
    if (firstFails) receiver.behaviour.failing = index === 0;
    if (index !== 0) return;
    taken.until = Date.now() + 3000;
    const lease = { holder: 'replica-that-crashed', until: new Date(taken.until).toISOString() };
    taken.appended = subscriptions.append(id, [{ type: 'WebhookLeaseAcquired', data: lease }], 'test');
    await taken.appended.catch(() => false);
  };
  return taken;
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
    const leaseUntil = Date.now() + 3000;
    expect(
      await subscriptions.append(
        id,
        [
          {
            type: 'WebhookLeaseAcquired',
            data: { holder: 'replica-that-crashed', until: new Date(leaseUntil).toISOString() },
          },
        ],
        'test',
      ),
    ).toBe(true);
    const written = await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);

    await until(() => receiver.acknowledged.length === 2, 10_000, 'the delivery after the lease lapsed');
    // Nothing was sent while the other replica held the lease, however slow this machine is.
    expect(receiver.requests[1]!.at).toBeGreaterThanOrEqual(leaseUntil);
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
    const lease = leaseTakenDuringFirstAttempt(receiver, subscriptions, id);
    const registered = await post(subject.http, '/treaties', RU_IR).expect(201);
    await until(() => subscriptions.get(id)?.checkpoint === BigInt(registered.body.position), 5000, 'the first one');
    expect(await lease.appended).toBe(true);
    expect(subscriptions.get(id)?.lease).toEqual({ holder: 'replica-that-crashed', until: lease.until });

    const written = await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);
    await until(() => receiver.acknowledged.length === 2, 10_000, 'the delivery after the lease lapsed');
    expect(receiver.requests[1]!.at).toBeGreaterThanOrEqual(lease.until);
    expect(receiver.requests).toHaveLength(2);
    expect(parse(receiver.requests[1]!).cloudEvent.id).toBe(written.body.eventId);
  });

  it("records a failure heard after another replica took the lease, but leaves the pause to the lease's holder", async () => {
    // One failure pauses; this replica's first attempt fails after the other replica has taken the lease.
    const { receiver, subject, subscriptions, id } = await subscribedApp({ maxFailures: 1 });
    // The first attempt fails; those after it succeed.
    const lease = leaseTakenDuringFirstAttempt(receiver, subscriptions, id, { firstFails: true });
    const registered = await post(subject.http, '/treaties', RU_IR).expect(201);
    await until(() => subscriptions.get(id)?.failures === 1, 5000, 'the failure recorded');
    expect(await lease.appended).toBe(true);
    expect(subscriptions.get(id)).toMatchObject({
      paused: null,
      lease: { holder: 'replica-that-crashed', until: lease.until },
    });

    // Once the other's lease lapses, this replica delivers: nothing was paused.
    await until(
      () => subscriptions.get(id)?.checkpoint === BigInt(registered.body.position),
      10_000,
      'the delivery after the lease lapsed',
    );
    expect(receiver.requests[1]!.at).toBeGreaterThanOrEqual(lease.until);
    expect(receiver.requests.map((delivery) => delivery.answered)).toEqual([500, 204]);
    expect(subscriptions.get(id)?.paused).toBeNull();
  });

  it('does not count a failure heard after another replica delivered the same update', async () => {
    const { receiver, subject, subscriptions, id } = await subscribedApp({ maxFailures: 1 });
    receiver.behaviour.failing = true;
    let otherDelivered: Promise<boolean> | undefined;
    receiver.behaviour.beforeAnswer = async (index, body) => {
      if (index !== 0) return;
      // The other replica took over, delivered this update, and recorded it before this attempt's failure came.
      const { id: eventId, data } = JSON.parse(body) as Delivered['cloudEvent'];
      const now = new Date().toISOString();
      const delivered = {
        deliveryId: 'delivered-by-the-other-replica',
        eventId,
        treatyId: data.treatyId,
        position: data.position,
        attempt: 1,
        status: 204,
        deliveredAt: now,
        holder: 'replica-that-took-over',
        leaseUntil: now,
      };
      otherDelivered = subscriptions.append(id, [{ type: 'WebhookDelivered', data: delivered }], 'test');
      await otherDelivered.catch(() => false);
    };
    const registered = await post(subject.http, '/treaties', RU_IR).expect(201);
    await until(() => receiver.requests.length === 1, 5000, 'the attempt');
    expect(await otherDelivered).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(subscriptions.get(id)).toMatchObject({
      checkpoint: BigInt(registered.body.position),
      failures: 0,
      paused: null,
    });
    expect(receiver.requests).toHaveLength(1);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { treatyStreamName } from '@timeline/treaty';
import { KEYS, bearer } from '../support/api-keys';
import { startEsdbProtocolDouble, type EsdbProtocolDouble } from '../esdb-protocol-double';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, fixedClock, post, signature } from '../support/treaty-requests';
import { WebhookReceiver, until } from '../support/webhook-receiver';

describe('webhooks on EventStoreDB (through the protocol double)', () => {
  let server: EsdbProtocolDouble;
  let subject: TestApp;
  const receiver = new WebhookReceiver({ failing: true });
  // Webhook secrets derive from the signing key, which an operator provides on EventStoreDB.
  const keys = mkdtempSync(join(tmpdir(), 'timeline-esdb-webhooks-'));
  const signingKeyFile = join(keys, 'signing-key.pem');
  beforeAll(async () => {
    writeFileSync(
      signingKeyFile,
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
    server = await startEsdbProtocolDouble();
    await receiver.start();
    subject = await startTestApp(
      {
        store: { kind: 'eventstoredb', connectionString: server.connectionString },
        signingKeyFile,
        webhooks: { allowPrivateTargets: true, retryBaseMs: 20, maxFailures: 1000, timeoutMs: 2000, leaseMs: 2000 },
      },
      { clock: fixedClock() },
    );
  });
  afterAll(async () => {
    await subject.close();
    await receiver.stop();
    await server.stop();
    rmSync(keys, { recursive: true, force: true });
  });

  const typeAndTreaty = (delivery: { body: string }) => {
    const cloudEvent = JSON.parse(delivery.body) as { type: string; data: { treatyId: string } };
    return [cloudEvent.type, cloudEvent.data.treatyId];
  };

  it('pass over the events of a treaty stream deleted for good, deliver those after them, then the deletion', async () => {
    await post(subject.http, '/webhooks', { url: receiver.url }, KEYS.reader).expect(201);
    // The first treaty's delivery fails until the receiver recovers: the dispatcher reaches the next event, of a
    // treaty deleted for good meanwhile (its events stay in $all), only then.
    const [first, deleted, kept] = ['ru-ir-first', 'ru-ir-deleted-meanwhile', 'ru-ir-kept'];
    for (const id of [first, deleted, kept]) await post(subject.http, '/treaties', { ...RU_IR, id }).expect(201);
    await until(() => receiver.requests.length > 0, 10_000, 'a first, failed, delivery');
    server.tombstone(treatyStreamName(deleted));
    receiver.behaviour.failing = false;
    await until(() => receiver.acknowledged.length >= 3, 10_000, 'the deliveries after the deleted treaty');
    // Its events are passed over where they are in the log; its deletion is an update, where the tombstone is.
    expect(receiver.acknowledged.map(typeAndTreaty)).toEqual([
      ['org.treaty-timeline.treaty.registered', first],
      ['org.treaty-timeline.treaty.registered', kept],
      ['org.treaty-timeline.treaty.deleted', deleted],
    ]);
  });

  it("deliver a deletion to the subscriptions its treaty filter allows, whatever their other filters (the treaty's are gone)", async () => {
    const deleted = { ...RU_IR, id: 'ru-kz-deleted-for-good', parties: ['RU', 'KZ'] };
    const kept = { ...RU_IR, id: 'ru-ir-kept-beside-it' };
    const filters = {
      ofTheTreaty: { treaty: deleted.id },
      ofAnotherTreaty: { treaty: kept.id },
      ofItsParty: { party: 'KZ' },
      ofAnotherParty: { party: 'BY' },
      ofAStatus: { status: 'in-force' },
      ofAType: { type: 'entered-into-force' },
    };
    const subscriptions = await Promise.all(
      Object.entries(filters).map(async ([name, filter]) => {
        const hooked = new WebhookReceiver();
        await hooked.start();
        const { body } = await post(subject.http, '/webhooks', { url: hooked.url, filter }, KEYS.reader).expect(201);
        return { name, receiver: hooked, id: body.id as string, secret: body.secret as string };
      }),
    );
    try {
      let writtenAt = '';
      for (const treaty of [deleted, kept]) {
        await post(subject.http, '/treaties', treaty).expect(201);
        const written = await post(subject.http, `/treaties/${treaty.id}/developments`, signature()).expect(201);
        writtenAt = written.body.position as string;
      }
      await until(() => subscriptions[0]!.receiver.acknowledged.length === 2, 10_000, "the deleted treaty's events");
      server.tombstone(treatyStreamName(deleted.id));
      // The last record of the log, so every subscription has reached it once the one of the other treaty has.
      await until(() => subscriptions[1]!.receiver.acknowledged.length === 2, 10_000, "the other treaty's events");
      const receiving = subscriptions.filter(({ name }) => name !== 'ofAnotherTreaty');
      for (const { name, receiver: hooked } of receiving) {
        await until(
          () =>
            hooked.acknowledged.some((delivery) => typeAndTreaty(delivery)[0] === 'org.treaty-timeline.treaty.deleted'),
          10_000,
          `the deletion, for the subscription ${name}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 300));

      const deletionsReceived = Object.fromEntries(
        subscriptions.map(({ name, receiver: hooked }) => [
          name,
          hooked.requests.map(typeAndTreaty).filter(([type]) => type === 'org.treaty-timeline.treaty.deleted'),
        ]),
      );
      const once = [['org.treaty-timeline.treaty.deleted', deleted.id]];
      expect(deletionsReceived).toEqual({
        ofTheTreaty: once,
        ofAnotherTreaty: [],
        ofItsParty: once,
        ofAnotherParty: once,
        ofAStatus: once,
        ofAType: once,
      });

      // One CloudEvent for every subscriber, signed with each one's secret, and acknowledged as a delivery.
      const bodies = receiving.map(({ receiver: hooked }) => hooked.acknowledged.at(-1)!.body);
      expect(new Set(bodies).size).toBe(1);
      const cloudEvent = JSON.parse(bodies[0]!) as { id: string; position: string };
      expect(cloudEvent).toEqual({
        specversion: '1.0',
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        source: `/treaties/${deleted.id}`,
        type: 'org.treaty-timeline.treaty.deleted',
        subject: deleted.id,
        datacontenttype: 'application/json',
        position: cloudEvent.position,
        data: { treatyId: deleted.id, deleted: true, position: cloudEvent.position },
      });
      // Its position is the one sync and live give the deletion, once the read model has met it.
      const deadline = Date.now() + 10_000;
      while ((await request(subject.http).get(`/treaties/${deleted.id}`)).status !== 410) {
        if (Date.now() > deadline) throw new Error('The read model never learnt of the deletion');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const sync = await request(subject.http).get(`/treaties?changedSince=${writtenAt}`).expect(200);
      expect(sync.body).toMatchObject({ deleted: [deleted.id], changedUpTo: cloudEvent.position });
      for (const { id, secret, receiver: hooked } of receiving) {
        const delivery = hooked.acknowledged.at(-1)!;
        expect(() =>
          new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>),
        ).not.toThrow();
        const listed = await request(subject.http)
          .get(`/webhooks/${id}/deliveries`)
          .set('Authorization', bearer(KEYS.reader))
          .expect(200);
        expect(listed.body.items[0]).toMatchObject({
          deliveryId: delivery.headers['webhook-id'],
          eventId: cloudEvent.id,
          treatyId: deleted.id,
          position: cloudEvent.position,
          status: 'delivered',
        });
        const subscription = await request(subject.http)
          .get(`/webhooks/${id}`)
          .set('Authorization', bearer(KEYS.reader))
          .expect(200);
        expect(subscription.body.deliveredUpTo).toBe(cloudEvent.position);
      }
    } finally {
      await Promise.all(subscriptions.map(({ receiver: hooked }) => hooked.stop()));
    }
  }, 30_000);
});

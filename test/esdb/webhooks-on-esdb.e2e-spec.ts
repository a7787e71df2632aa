import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { treatyStreamName } from '@timeline/treaty';
import { KEYS } from '../support/api-keys';
import { startEsdbProtocolDouble, type EsdbProtocolDouble } from '../esdb-protocol-double';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, fixedClock, post } from '../support/treaty-requests';
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

  it('pass over the events of a treaty stream deleted for good, and deliver those after them', async () => {
    await post(subject.http, '/webhooks', { url: receiver.url }, KEYS.reader).expect(201);
    // The first treaty's delivery fails until the receiver recovers: the dispatcher reaches the next event, of a
    // treaty deleted for good meanwhile (its events stay in $all), only then.
    const [first, deleted, kept] = ['ru-ir-first', 'ru-ir-deleted-meanwhile', 'ru-ir-kept'];
    for (const id of [first, deleted, kept]) await post(subject.http, '/treaties', { ...RU_IR, id }).expect(201);
    await until(() => receiver.requests.length > 0, 10_000, 'a first, failed, delivery');
    server.tombstone(treatyStreamName(deleted));
    receiver.behaviour.failing = false;
    const deliveredTreaties = () =>
      receiver.acknowledged.map(
        (delivery) => (JSON.parse(delivery.body) as { data: { treatyId: string } }).data.treatyId,
      );
    await until(() => deliveredTreaties().includes(kept), 10_000, 'the delivery after the deleted treaty');
    expect(deliveredTreaties()).toEqual([first, kept]);
  });
});

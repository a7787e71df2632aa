import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { KEYS } from '../support/api-keys';
import { startEsdbProtocolDouble, type EsdbProtocolDouble } from '../esdb-protocol-double';
import { startTestApp, type TestApp } from '../support/test-app';
import { post } from '../support/treaty-requests';
import { WebhookReceiver, until } from '../support/webhook-receiver';
import { TWO_STATE_CONVENTION as CONVENTION, ratification as consent } from '../support/two-state-convention';

/**
 * Decision 0039 with two replicas on one EventStoreDB (the protocol double): both see the day come, by the same
 * clock, and the webhook is told of it once. The clock runs ten days ahead of the real time, at which the store
 * records the treaty's events, so that they come before the day its clause computes.
 */
const DAY = 24 * 60 * 60 * 1000;
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);
const START = Date.now() + 10 * DAY;

describe('the day a date comes, on two replicas (decision 0039)', () => {
  let server: EsdbProtocolDouble;
  const replicas: TestApp[] = [];
  const receiver = new WebhookReceiver();
  const keys = mkdtempSync(join(tmpdir(), 'timeline-esdb-dates-'));
  const signingKeyFile = join(keys, 'signing-key.pem');
  let now = START;
  beforeAll(async () => {
    writeFileSync(
      signingKeyFile,
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
    server = await startEsdbProtocolDouble();
    await receiver.start();
    for (let replica = 0; replica < 2; replica++) {
      replicas.push(
        await startTestApp(
          {
            store: { kind: 'eventstoredb', connectionString: server.connectionString },
            signingKeyFile,
            webhooks: { allowPrivateTargets: true, retryBaseMs: 20, maxFailures: 1000, timeoutMs: 2000, leaseMs: 2000 },
          },
          { clock: () => new Date(now) },
        ),
      );
    }
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.close();
    await receiver.stop();
    await server.stop();
    rmSync(keys, { recursive: true, force: true });
  });

  it('delivers the day’s change once, whichever replica holds the lease', async () => {
    const [first, second] = replicas as [TestApp, TestApp];
    await post(first.http, '/webhooks', { url: receiver.url }, KEYS.reader).expect(201);
    await post(second.http, '/treaties', CONVENTION).expect(201);
    await post(first.http, `/treaties/${CONVENTION.id}/developments`, consent('AT', isoDay(START - 5 * DAY))).expect(
      201,
    );
    const last = await post(
      second.http,
      `/treaties/${CONVENTION.id}/developments`,
      consent('BE', isoDay(START - 3 * DAY)),
    ).expect(201);
    await until(() => receiver.acknowledged.length === 3, 10_000, 'the three events');
    const { body } = await request(first.http)
      .get(`/treaties/${CONVENTION.id}?minPosition=${last.body.position}`)
      .expect(200);
    const day = body.nextChangeOn as string;
    expect(day).toBe(isoDay(START + 27 * DAY));

    now = new Date(`${day}T00:00:00+14:00`).getTime();
    const datesCame = () =>
      receiver.acknowledged
        .map((delivery) => JSON.parse(delivery.body) as { type: string; data: { day: string } })
        .filter((cloudEvent) => cloudEvent.type === 'org.treaty-timeline.treaty.date-came');
    await until(() => datesCame().length === 1, 10_000, 'the day’s change');
    // Both replicas saw the day; the second looks again at its next poll (5 s) and finds it acknowledged.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    expect(datesCame()).toEqual([expect.objectContaining({ data: expect.objectContaining({ day }) })]);
    expect(new Set(receiver.acknowledged.map((delivery) => delivery.headers['webhook-id'])).size).toBe(4);
  });
});

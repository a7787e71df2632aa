import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { KEYS, bearer } from '../../support/api-keys';
import { startTestApp, type TestApp } from '../../support/test-app';
import { RU_IR, fixedClock, post, registerRuIr, signature } from '../../support/treaty-requests';
import { WebhookReceiver } from '../../support/webhook-receiver';

const MAX_FAILURES = 2;
interface Deliveries {
  readonly paused: { readonly reason: string } | null;
  readonly items: readonly { status: string; attempts: number; lastError?: string }[];
}
const webhooks = {
  allowPrivateTargets: true,
  retryBaseMs: 20,
  maxFailures: MAX_FAILURES,
  timeoutMs: 2000,
  leaseMs: 2000,
};

/**
 * A subscription's URL is kept sealed under a key derived from the signing key (decision 0097). Once that key is
 * replaced, the URL no longer opens: its owner was shown the origin the log keeps in clear, as if it were the URL, and
 * nothing said so. The answers now say `urlUnreadable: true`; the dispatcher records each attempt as failed, saying
 * why, and pauses, never posting to that origin (decision 0107).
 */
describe('a sealed webhook URL under a signing key that does not open it', () => {
  let subject: TestApp;
  let folder: string;
  const receiver = new WebhookReceiver();
  let url: string;
  let origin: string;
  let id: string;

  const get = (path: string, key: string) => request(subject.http).get(path).set('Authorization', bearer(key));

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'timeline-replaced-key-'));
    await receiver.start();
    const dataDir = join(folder, 'data');
    // Registered under the key the embedded store generated in its data directory.
    subject = await startTestApp({ dataDir, webhooks }, { clock: fixedClock(), keepData: true });
    url = `${receiver.url}/T0123/s3cr3t-path-token?token=s3cr3t-query-token`;
    origin = new URL(url).origin;
    id = (await post(subject.http, '/webhooks', { url }, KEYS.reader).expect(201)).body.id as string;
    expect((await get(`/webhooks/${id}`, KEYS.reader).expect(200)).body).toMatchObject({ url, urlUnreadable: false });
    await subject.close();
    // The same log, under another signing key.
    const replaced = join(folder, 'replaced-key.pem');
    writeFileSync(replaced, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    subject = await startTestApp(
      { dataDir, signingKeyFile: replaced, webhooks },
      { clock: fixedClock(), keepData: true },
    );
  });
  afterAll(async () => {
    await subject.close();
    await receiver.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('tells its owner that the url shown is the origin standing in for one the service cannot open', async () => {
    const expected = { id, url: `${origin}/…`, urlUnreadable: true };
    expect((await get(`/webhooks/${id}`, KEYS.reader).expect(200)).body).toMatchObject(expected);
    expect((await get('/webhooks', KEYS.reader).expect(200)).body.items).toEqual([expect.objectContaining(expected)]);
    // An auditor, who is shown the origin of another key's subscription anyway, is told too: nothing is delivered.
    expect((await get(`/webhooks/${id}`, KEYS.auditor).expect(200)).body).toMatchObject(expected);
  });

  it('records every attempt as failed, saying why, pauses, and never posts to the origin standing in', async () => {
    await registerRuIr(subject.http);
    await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);
    let deliveries: Deliveries;
    const deadline = Date.now() + 10_000;
    for (;;) {
      deliveries = (await get(`/webhooks/${id}/deliveries`, KEYS.reader).expect(200)).body;
      if (deliveries.paused || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(deliveries.paused?.reason).toMatch(/cannot be opened/);
    expect(deliveries.items).toEqual([
      expect.objectContaining({
        status: 'failed',
        attempts: MAX_FAILURES,
        lastError: expect.stringMatching(/another signing key/),
      }),
    ]);
    expect((await get(`/webhooks/${id}`, KEYS.reader).expect(200)).body).toMatchObject({
      state: 'paused',
      urlUnreadable: true,
    });
    expect(receiver.requests).toEqual([]);
  });
});

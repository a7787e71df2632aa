import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { KEYS, bearer } from '../support/api-keys';
import { asAuditor, exportLog, offlineAudit } from '../support/audit-helpers';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, fixedClock, post, registerRuIr, signature } from '../support/treaty-requests';
import { WebhookReceiver, until } from '../support/webhook-receiver';

/**
 * A webhook's URL is often the receiver's only credential (a token in its path or query). Decision 0084 showed it
 * whole only to the key that registered it, but the log kept it whole in `WebhookSubscribed`, which `/audit/log` gives
 * every auditor and an export carries away; the events' hashes must recompute offline, so the log cannot be redacted
 * when read. From decision 0097 the event keeps the origin in clear and the URL whole only sealed with the service's
 * key: the auditors' export holds no token, and still verifies offline.
 */
const TOKENS = /s3cr3t|T0123|B0456/;

describe("a webhook's URL in the log the auditors read", () => {
  let subject: TestApp;
  let folder: string;
  const receiver = new WebhookReceiver();
  let url: string;
  let id: string;
  let exported: string;
  let checkpoint: string;
  let publicKey: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'timeline-webhook-urls-'));
    await receiver.start();
    subject = await startTestApp(
      { webhooks: { allowPrivateTargets: true, retryBaseMs: 20, maxFailures: 1000, timeoutMs: 2000, leaseMs: 2000 } },
      { clock: fixedClock() },
    );
    // A receiver's token in the path and the query, as chat and automation services hand them out; a reader's key.
    url = `${receiver.url}/T0123/B0456/s3cr3t-path-token?token=s3cr3t-query-token`;
    const created = await post(subject.http, '/webhooks', { url }, KEYS.reader).expect(201);
    id = created.body.id as string;
    expect(created.body.url).toBe(url);
    await registerRuIr(subject.http);
    await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);
    await until(() => receiver.acknowledged.length >= 2, 10_000, 'the registration and the signature delivered');
    // As an auditor does: the checkpoint first, so that the export reaches its position.
    checkpoint = JSON.stringify((await asAuditor(subject.http, '/audit/checkpoint').expect(200)).body);
    publicKey = (await asAuditor(subject.http, '/audit/public-key').expect(200)).body.publicKey as string;
    exported = await exportLog(subject.http, 1000);
  });
  afterAll(async () => {
    await subject.close();
    await receiver.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('delivers to the URL whole, path and query', () => {
    const path = new URL(url).pathname + new URL(url).search;
    expect(receiver.acknowledged.map((delivery) => delivery.url)).toEqual([path, path]);
  });

  it("shows it whole to its owner, as before, and its origin to an auditor's listing", async () => {
    const own = await request(subject.http).get(`/webhooks/${id}`).set('Authorization', bearer(KEYS.reader));
    expect(own.body.url).toBe(url);
    const audited = await request(subject.http).get(`/webhooks/${id}`).set('Authorization', bearer(KEYS.auditor));
    expect(audited.body.url).toBe(`${new URL(url).origin}/…`);
  });

  it("keeps no token in the log an auditor reads, only the URL's origin in clear", () => {
    expect(exported).not.toMatch(TOKENS);
    const subscribed = exported
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown> })
      .find((event) => event.type.startsWith('WebhookSubscribed'));
    // An event type of its own, with no `url`: a version before decision 0097 ignores it rather than post elsewhere.
    expect(subscribed?.type).toBe('WebhookSubscribedSealed');
    expect(subscribed?.data).not.toHaveProperty('url');
    expect(subscribed?.data).toMatchObject({
      subscriptionId: id,
      urlRedacted: `${new URL(url).origin}/…`,
      sealedUrl: expect.stringMatching(/^aes-256-gcm\.v1\.[A-Za-z0-9_-]+$/),
    });
  });

  it('verifies offline, the export against the checkpoint, as an auditor runs it', async () => {
    const result = await offlineAudit(
      folder,
      { 'export.ndjson': exported, 'key.pem': publicKey, 'checkpoint.json': checkpoint },
      ['verify', 'export.ndjson', '--public-key', 'key.pem', '--checkpoint', 'checkpoint.json'],
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.output)).toMatchObject({ ok: true, failures: [] });
    expect((await asAuditor(subject.http, '/audit/verify').expect(200)).body).toMatchObject({ ok: true });
  });
});

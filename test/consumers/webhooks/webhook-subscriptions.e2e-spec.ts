import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { KEYS, bearer } from '../../support/api-keys';
import { startTestApp, type TestApp } from '../../support/test-app';
import { RU_IR, fixedClock, post, registerRuIr, signature, dumaApproval } from '../../support/treaty-requests';
import { WebhookReceiver, until } from '../../support/webhook-receiver';

const get = (subject: TestApp, path: string, key: string) =>
  request(subject.http).get(path).set('Authorization', bearer(key));

describe('webhook targets (server-side request forgery), with the default settings', () => {
  let subject: TestApp;
  beforeAll(async () => (subject = await startTestApp({}, { clock: fixedClock() })));
  afterAll(() => subject.close());

  it.each([
    'https://127.0.0.1/hook',
    'https://10.1.2.3/hook',
    'https://192.168.0.10/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/hook',
    'https://[fe80::1]/hook',
    'https://[::ffff:172.16.0.1]/hook',
    'https://localhost/hook',
  ])('refuses %s at registration, and registers nothing', async (url) => {
    const response = await post(subject.http, '/webhooks', { url }, KEYS.reader).expect(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'WEBHOOK_TARGET_FORBIDDEN', field: 'url' });
    expect((await get(subject, '/webhooks', KEYS.auditor).expect(200)).body.items).toEqual([]);
  });

  it('refuses plain http and URLs that are not URLs', async () => {
    for (const url of ['http://93.184.216.34/hook', 'ftp://93.184.216.34/', 'not a url']) {
      const response = await post(subject.http, '/webhooks', { url }, KEYS.reader).expect(422);
      expect(response.body.code).toBe('WEBHOOK_URL_INVALID');
    }
    await post(subject.http, '/webhooks', { url: 42 }, KEYS.reader).expect(400);
    await post(subject.http, '/webhooks', { url: 'https://93.184.216.34/', filter: { type: 'x' } }, KEYS.reader).expect(
      400,
    );
  });

  it('holds at most 25 subscriptions per key, and a deleted one makes room', async () => {
    const url = 'https://93.184.216.34/hook';
    const ids: string[] = [];
    for (let index = 0; index < 25; index++) {
      ids.push((await post(subject.http, '/webhooks', { url }, KEYS.reader).expect(201)).body.id as string);
    }
    const refused = await post(subject.http, '/webhooks', { url }, KEYS.reader).expect(409);
    expect(refused.body).toMatchObject({ code: 'TOO_MANY_WEBHOOKS', maxPerKey: 25 });
    // Another key has its own allowance.
    await post(subject.http, '/webhooks', { url }, KEYS.editor).expect(201);
    await request(subject.http).delete(`/webhooks/${ids[0]}`).set('Authorization', bearer(KEYS.reader)).expect(204);
    await post(subject.http, '/webhooks', { url }, KEYS.reader).expect(201);
  });

  it('registers at most 100 subscriptions per key in 24 hours, deleted ones included: each stays in the log', async () => {
    const url = 'https://93.184.216.34/hook';
    const key = KEYS.auditor;
    const held: string[] = [];
    for (let index = 0; index < 100; index++) {
      held.push((await post(subject.http, '/webhooks', { url }, key).expect(201)).body.id as string);
      // Deleted as it goes, so that the bound on those held at once (25) is never what refuses.
      if (held.length === 20) {
        for (const id of held.splice(0)) {
          await request(subject.http).delete(`/webhooks/${id}`).set('Authorization', bearer(key)).expect(204);
        }
      }
    }
    const listed = async () => (await get(subject, '/webhooks', key).expect(200)).body.items.length as number;
    const before = await listed();
    const refused = await post(subject.http, '/webhooks', { url }, key).expect(429);
    expect(refused.body).toMatchObject({ code: 'TOO_MANY_WEBHOOK_REGISTRATIONS', maxPerDay: 100 });
    // The window moves on a day after the first of them.
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(86_400);
    expect(await listed()).toBe(before);
  });

  it('needs a key', async () => {
    await request(subject.http).post('/webhooks').send({ url: 'https://93.184.216.34/' }).expect(401);
    await request(subject.http).get('/webhooks').expect(401);
  });
});

describe('webhook subscriptions', () => {
  let subject: TestApp;
  const receivers: WebhookReceiver[] = [];
  const receiver = async (behaviour: ConstructorParameters<typeof WebhookReceiver>[0] = {}) => {
    const started = new WebhookReceiver(behaviour);
    await started.start();
    receivers.push(started);
    return started;
  };
  beforeAll(async () => {
    subject = await startTestApp(
      {
        webhooks: { allowPrivateTargets: true, retryBaseMs: 10, maxFailures: 2, timeoutMs: 2000, leaseMs: 2000 },
      },
      { clock: fixedClock() },
    );
    await registerRuIr(subject.http);
  });
  afterEach(async () => {
    for (const started of receivers.splice(0)) await started.stop();
  });
  afterAll(() => subject.close());

  it("lets each key manage its own subscriptions, and an auditor see everyone's", async () => {
    const target = await receiver();
    const created = await post(subject.http, '/webhooks', { url: target.url }, KEYS.reader).expect(201);
    const mine = created.body;
    // A 201 names what it created; and an answer that carries the secret is kept by no cache.
    expect(created.headers.location).toBe(`/webhooks/${mine.id}`);
    expect(created.headers['cache-control']).toBe('no-store');
    expect((await get(subject, created.headers.location!, KEYS.reader).expect(200)).body.id).toBe(mine.id);
    const theirs = (await post(subject.http, '/webhooks', { url: target.url }, KEYS.editor).expect(201)).body;
    const ids = (key: string) =>
      get(subject, '/webhooks', key).then((response) => response.body.items.map((item: { id: string }) => item.id));
    expect(await ids(KEYS.reader)).toEqual([mine.id]);
    expect(await ids(KEYS.editor)).toEqual([theirs.id]);
    expect(await ids(KEYS.auditor)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(JSON.stringify(await get(subject, '/webhooks', KEYS.auditor))).not.toContain('whsec_');
    await get(subject, `/webhooks/${theirs.id}`, KEYS.reader).expect(404);
    await request(subject.http).delete(`/webhooks/${theirs.id}`).set('Authorization', bearer(KEYS.reader)).expect(404);
    await request(subject.http).delete(`/webhooks/${theirs.id}`).set('Authorization', bearer(KEYS.auditor)).expect(403);
    await request(subject.http).delete(`/webhooks/${theirs.id}`).set('Authorization', bearer(KEYS.editor)).expect(204);
    await request(subject.http).delete(`/webhooks/${mine.id}`).set('Authorization', bearer(KEYS.reader)).expect(204);
    expect(await ids(KEYS.auditor)).toEqual([]);
  });

  it("shows a subscription's URL whole to the key that registered it, and to an auditor its origin only", async () => {
    const target = await receiver();
    const origin = new URL(target.url).origin;
    // A receiver's token in the path and the query, as chat and automation services hand them out.
    const url = `${target.url}/T0123/B0456/s3cr3t-path-token?token=s3cr3t-query-token`;
    const created = await post(subject.http, '/webhooks', { url }, KEYS.reader).expect(201);
    expect(created.body.url).toBe(url);
    expect((await get(subject, '/webhooks', KEYS.reader).expect(200)).body.items).toEqual([
      expect.objectContaining({ id: created.body.id, url }),
    ]);
    expect((await get(subject, `/webhooks/${created.body.id}`, KEYS.reader).expect(200)).body.url).toBe(url);

    const own = await post(subject.http, '/webhooks', { url: `${target.url}?token=the-auditors-own` }, KEYS.auditor);
    const listed = (await get(subject, '/webhooks', KEYS.auditor).expect(200)).body.items as { id: string }[];
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: created.body.id, url: `${origin}/…`, filter: {}, state: 'active' }),
        expect.objectContaining({ id: own.body.id, url: `${target.url}?token=the-auditors-own` }),
      ]),
    );
    const one = await get(subject, `/webhooks/${created.body.id}`, KEYS.auditor).expect(200);
    expect(one.body.url).toBe(`${origin}/…`);
    const theirs = listed.filter((item) => item.id !== own.body.id);
    for (const answer of [JSON.stringify(theirs), one.text]) expect(answer).not.toMatch(/s3cr3t|\/hook|T0123/);
    for (const [key, id] of [
      [KEYS.reader, created.body.id],
      [KEYS.auditor, own.body.id],
    ]) {
      await request(subject.http).delete(`/webhooks/${id}`).set('Authorization', bearer(key)).expect(204);
    }
  });

  it('delivers only what the filter selects', async () => {
    const target = await receiver();
    const hook = (
      await post(
        subject.http,
        '/webhooks',
        { url: target.url, filter: { type: 'legislative-approval' } },
        KEYS.reader,
      ).expect(201)
    ).body;
    await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);
    const approval = await post(subject.http, `/treaties/${RU_IR.id}/developments`, dumaApproval()).expect(201);
    await until(() => target.acknowledged.length === 1, 5000, 'the approval');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(target.requests).toHaveLength(1);
    const event = JSON.parse(target.requests[0]!.body) as {
      id: string;
      data: { developmentType: string; status: { status: string } };
    };
    expect(event.id).toBe(approval.body.eventId);
    expect(event.data.developmentType).toBe('legislative-approval');
    expect(event.data.status.status).toBe('ratification-in-progress');
    await request(subject.http).delete(`/webhooks/${hook.id}`).set('Authorization', bearer(KEYS.reader)).expect(204);
  });

  it('pauses after the configured failures, lists the failed delivery, and redelivers it on request', async () => {
    const target = await receiver({ failing: true });
    const hook = (await post(subject.http, '/webhooks', { url: target.url }, KEYS.reader).expect(201)).body;
    const written = await post(
      subject.http,
      `/treaties/${RU_IR.id}/developments`,
      dumaApproval({ occurredOn: '2025-04-09' }),
    );
    expect(written.status).toBe(201);
    const state = () => get(subject, `/webhooks/${hook.id}`, KEYS.reader).then((response) => response.body);
    const deadline = Date.now() + 5000;
    while ((await state()).state !== 'paused' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await state()).toMatchObject({ state: 'paused' });
    expect(target.requests).toHaveLength(2);
    const deliveries = (await get(subject, `/webhooks/${hook.id}/deliveries`, KEYS.reader).expect(200)).body;
    expect(deliveries.items).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 2, eventId: written.body.eventId, lastError: 'HTTP 500' }),
    ]);
    const { deliveryId } = deliveries.items[0];
    expect(deliveries.paused).toMatchObject({ deliveryId });

    // Another key cannot retry it; an unknown delivery is 404.
    await post(subject.http, `/webhooks/${hook.id}/deliveries/${deliveryId}/retry`, {}, KEYS.editor).expect(404);
    await post(subject.http, `/webhooks/${hook.id}/deliveries/${crypto.randomUUID()}/retry`, {}, KEYS.reader).expect(
      404,
    );
    target.behaviour.failing = false;
    await post(subject.http, `/webhooks/${hook.id}/deliveries/${deliveryId}/retry`, {}, KEYS.reader).expect(202);
    await until(() => target.acknowledged.length === 1, 5000, 'the redelivery');
    expect(target.acknowledged[0]!.headers['webhook-id']).toBe(deliveryId);
    const after = (await get(subject, `/webhooks/${hook.id}/deliveries`, KEYS.reader).expect(200)).body;
    expect(after.items[0]).toMatchObject({ deliveryId, status: 'delivered', attempts: 3 });
    expect(await state()).toMatchObject({ state: 'active', deliveredUpTo: written.body.position });
    await post(subject.http, `/webhooks/${hook.id}/deliveries/${deliveryId}/retry`, {}, KEYS.reader).expect(409);
    await request(subject.http).delete(`/webhooks/${hook.id}`).set('Authorization', bearer(KEYS.reader)).expect(204);
  });

  it('rotates the secret without a gap: deliveries verify with the old and the new one during the overlap', async () => {
    const target = await receiver();
    const hook = (await post(subject.http, '/webhooks', { url: target.url }, KEYS.reader).expect(201)).body;
    const rotation = await post(subject.http, `/webhooks/${hook.id}/secret`, { overlapSeconds: 3600 }, KEYS.reader);
    expect(rotation.status).toBe(200);
    expect(rotation.headers['cache-control']).toBe('no-store');
    const rotated = rotation.body;
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(hook.secret);
    await post(subject.http, `/treaties/${RU_IR.id}/developments`, dumaApproval({ occurredOn: '2025-04-10' })).expect(
      201,
    );
    await until(() => target.acknowledged.length === 1, 5000, 'a delivery');
    const delivery = target.acknowledged[0]!;
    for (const secret of [hook.secret, rotated.secret]) {
      expect(() => new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>)).not.toThrow();
    }
    await post(subject.http, `/webhooks/${hook.id}/secret`, { overlapSeconds: 0 }, KEYS.reader).expect(200);
    const latest = (await get(subject, `/webhooks/${hook.id}`, KEYS.reader)).body;
    expect(latest.secretGeneration).toBe(3);
    await request(subject.http).delete(`/webhooks/${hook.id}`).set('Authorization', bearer(KEYS.reader)).expect(204);
  });

  it('keeps the audited log intact: subscription events are sealed like every other', async () => {
    const verified = await get(subject, '/audit/verify', KEYS.auditor).expect(200);
    expect(verified.body).toMatchObject({ ok: true, failures: [] });
  });
});

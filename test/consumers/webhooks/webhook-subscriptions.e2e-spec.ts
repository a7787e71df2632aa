import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import { WebhookSubscriptions } from '../../../apps/api/src/webhooks/webhook-subscriptions.service';
import { KEYS, bearer } from '../../support/api-keys';
import { startTestApp, type TestApp } from '../../support/test-app';
import { RU_IR, fixedClock, post, registerRuIr, signature, dumaApproval } from '../../support/treaty-requests';
import { WebhookReceiver, until } from '../../support/webhook-receiver';

const get = (subject: TestApp, path: string, key: string) =>
  request(subject.http).get(path).set('Authorization', bearer(key));
const remove = (subject: TestApp, path: string, key: string, ifMatch: string) =>
  request(subject.http).delete(path).set('Authorization', bearer(key)).set('If-Match', ifMatch);
const rotate = (subject: TestApp, id: string, key: string, ifMatch: string) =>
  post(subject.http, `/webhooks/${id}/secret`, { overlapSeconds: 60 }, key).set('If-Match', ifMatch);

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
    // The pause is a change its owner sees: the tag of the read before it no longer holds (decision 0091).
    const retryPath = `/webhooks/${hook.id}/deliveries/${deliveryId}/retry`;
    const stale = await post(subject.http, retryPath, {}, KEYS.reader)
      .set('If-Match', `"${hook.revision}"`)
      .expect(412);
    expect(stale.body).toMatchObject({ code: 'REVISION_MISMATCH' });
    expect(await state()).toMatchObject({ state: 'paused', revision: stale.body.currentRevision });
    const { etag } = (await get(subject, `/webhooks/${hook.id}`, KEYS.reader).expect(200)).headers;
    const retried = await post(subject.http, retryPath, {}, KEYS.reader).set('If-Match', etag!).expect(202);
    expect(retried.headers.etag).toBe(`"${retried.body.revision}"`);
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

  describe('If-Match on the writes to one subscription (decision 0091)', () => {
    it('names the revision in the ETag of a read and of the listing, and refuses a stale or malformed one', async () => {
      const target = await receiver();
      const registered = await post(subject.http, '/webhooks', { url: target.url }, KEYS.reader).expect(201);
      const hook = registered.body;
      // The registration's own ETag is one a write takes as If-Match, as a read's is.
      expect(registered.headers.etag).toBe('"0"');
      const read = await get(subject, `/webhooks/${hook.id}`, KEYS.reader).expect(200);
      expect(read.body.revision).toBe('0');
      expect(read.headers.etag).toMatch(/^"0-[A-Za-z0-9_-]+"$/);
      const listed = (await get(subject, '/webhooks', KEYS.reader).expect(200)).body.items;
      expect(listed).toEqual(expect.arrayContaining([expect.objectContaining({ id: hook.id, revision: '0' })]));
      // An auditor's read is other bytes (the url redacted) of the same revision.
      const audited = await get(subject, `/webhooks/${hook.id}`, KEYS.auditor).expect(200);
      expect(audited.headers.etag).toMatch(/^"0-/);
      expect(audited.headers.etag).not.toBe(read.headers.etag);
      await get(subject, `/webhooks/${hook.id}`, KEYS.reader).set('If-None-Match', read.headers.etag!).expect(304);

      const path = `/webhooks/${hook.id}`;
      const rotated = await rotate(subject, hook.id, KEYS.reader, read.headers.etag!).expect(200);
      expect(rotated.headers.etag).toBe('"1"');
      expect(rotated.body).toMatchObject({ id: hook.id, revision: '1' });
      for (const stale of [read.headers.etag!, `W/"0"`, '"0", "7"']) {
        const refused = await remove(subject, path, KEYS.reader, stale).expect(412);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body).toMatchObject({ code: 'REVISION_MISMATCH', currentRevision: '1' });
        const again = await rotate(subject, hook.id, KEYS.reader, stale).expect(412);
        expect(again.body).toMatchObject({ code: 'REVISION_MISMATCH', currentRevision: '1' });
      }
      // Tags that name no revision are refused as on the treaty routes (decisions 0044, 0091): nothing is done.
      for (const malformed of ['W/"not-the-current"', '"stale-one"', '"1", *']) {
        const refused = await remove(subject, path, KEYS.reader, malformed).expect(400);
        expect(refused.body.code).toBe('INVALID_IF_MATCH');
        await rotate(subject, hook.id, KEYS.reader, malformed).expect(400);
      }
      const now = (await get(subject, path, KEYS.reader).expect(200)).body;
      expect(now).toMatchObject({ revision: '1', secretGeneration: 2 });
      // A list holds when any of its tags does; `*` when the subscription is there.
      await rotate(subject, hook.id, KEYS.reader, '"0", W/"1"').expect(200);
      await rotate(subject, hook.id, KEYS.reader, '*').expect(200);
      await remove(subject, path, KEYS.reader, '"3"').expect(204);
      await remove(subject, path, KEYS.reader, '*').expect(404);
    });

    it('keeps the ETag through deliveries, so that the owner’s tag still holds after them', async () => {
      const target = await receiver();
      const hook = (await post(subject.http, '/webhooks', { url: target.url }, KEYS.reader).expect(201)).body;
      const before = await get(subject, `/webhooks/${hook.id}`, KEYS.reader).expect(200);
      await post(subject.http, `/treaties/${RU_IR.id}/developments`, dumaApproval({ occurredOn: '2025-04-11' })).expect(
        201,
      );
      await until(() => target.acknowledged.length === 1, 5000, 'a delivery');
      const deadline = Date.now() + 5000;
      let after = await get(subject, `/webhooks/${hook.id}`, KEYS.reader).expect(200);
      while (after.body.deliveredUpTo === before.body.deliveredUpTo && Date.now() < deadline) {
        after = await get(subject, `/webhooks/${hook.id}`, KEYS.reader).expect(200);
      }
      // The checkpoint moved, so the bytes and their digest did; the revision the tag names did not.
      expect(after.body.deliveredUpTo).not.toBe(before.body.deliveredUpTo);
      expect(after.body.revision).toBe('0');
      expect(after.headers.etag).not.toBe(before.headers.etag);
      await remove(subject, `/webhooks/${hook.id}`, KEYS.reader, before.headers.etag!).expect(204);
    });

    it('judges If-Match again when another replica appended in between: 412 for its rotation, not for a lease', async () => {
      const target = await receiver();
      const hook = (await post(subject.http, '/webhooks', { url: target.url }, KEYS.reader).expect(201)).body;
      const { etag } = (await get(subject, `/webhooks/${hook.id}`, KEYS.reader).expect(200)).headers;
      // Another replica on the same log, which this one hears of only when it next reads the webhook streams.
      const otherReplica = new WebhookSubscriptions(subject.app.get<EventStore>(EVENT_STORE));
      await otherReplica.refresh(hook.id);
      const leaseUntil = new Date(Date.now() + 60_000).toISOString();
      const lease = { holder: 'other', until: leaseUntil };
      await otherReplica.append(hook.id, [{ type: 'WebhookLeaseAcquired', data: lease }], 'x');
      await rotate(subject, hook.id, KEYS.reader, etag!).expect(200);

      const { etag: rotatedTag } = (await get(subject, `/webhooks/${hook.id}`, KEYS.reader).expect(200)).headers;
      await otherReplica.refresh(hook.id);
      const rotation = { generation: 9, previousValidUntil: leaseUntil, rotatedAt: leaseUntil };
      await otherReplica.append(hook.id, [{ type: 'WebhookSecretRotated', data: rotation }], KEYS.reader);
      const refused = await remove(subject, `/webhooks/${hook.id}`, KEYS.reader, rotatedTag!).expect(412);
      expect(refused.body).toMatchObject({ code: 'REVISION_MISMATCH', currentRevision: '3' });
      await remove(subject, `/webhooks/${hook.id}`, KEYS.reader, '"3"').expect(204);
      // The other replica's events are sealed in the subscription's chain like this one's.
      expect((await get(subject, '/audit/verify', KEYS.auditor).expect(200)).body).toMatchObject({ ok: true });
    });
  });

  it('keeps the audited log intact: subscription events are sealed like every other', async () => {
    const verified = await get(subject, '/audit/verify', KEYS.auditor).expect(200);
    expect(verified.body).toMatchObject({ ok: true, failures: [] });
  });
});

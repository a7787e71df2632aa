import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { KEYS, bearer } from '../support/api-keys';
import { startEsdbProtocolDouble, type EsdbProtocolDouble } from '../esdb-protocol-double';
import { treatyStreamName } from '@timeline/treaty';
import { startTestApp, whenReady, type TestApp } from '../support/test-app';
import { RU_IR, dumaApproval, fixedClock, post, registerRuIr, signature } from '../support/treaty-requests';

describe('the api on EventStoreDB (through the protocol double)', () => {
  let server: EsdbProtocolDouble;
  let subject: TestApp;
  beforeAll(async () => {
    server = await startEsdbProtocolDouble();
    subject = await startTestApp(
      { store: { kind: 'eventstoredb', connectionString: server.connectionString }, loadDemoData: true },
      { clock: fixedClock() },
    );
  });
  afterAll(async () => {
    await subject.close();
    await server.stop();
  });

  it('loads the demo data, takes writes and serves the same projections as on the embedded store', async () => {
    expect((await whenReady(subject.http)).status).toBe(200);
    await registerRuIr(subject.http).catch(() => undefined);
    const developments = `/treaties/${RU_IR.id}/developments`;
    await post(subject.http, developments, signature()).expect(201);
    const written = await post(
      subject.http,
      developments,
      dumaApproval({ type: 'ratification-completed', body: undefined, occurredOn: '2025-04-21' }),
    ).expect(201);
    const response = await request(subject.http)
      .get(`/treaties/${RU_IR.id}?minPosition=${written.body.position}`)
      .expect(200);
    expect(response.body).toMatchObject({
      status: 'ratification-in-progress',
      ratification: { RU: { status: 'completed' } },
    });
    const list = await request(subject.http).get('/treaties').expect(200);
    expect(list.body.items).toHaveLength(5);
  });

  it('answers 410 for a treaty whose stream the operator deleted for good, and its verification names it', async () => {
    const treaty = { ...RU_IR, id: 'ru-ir-deleted-by-the-operator' };
    await post(subject.http, '/treaties', treaty).expect(201);
    server.tombstone(treatyStreamName(treaty.id));
    const refused = await post(subject.http, `/treaties/${treaty.id}/developments`, signature()).expect(410);
    expect(refused.body).toMatchObject({ code: 'STREAM_DELETED', status: 410 });
    const verified = await request(subject.http)
      .get(`/audit/treaties/${treaty.id}/verify`)
      .set('Authorization', bearer(KEYS.auditor))
      .expect(200);
    expect(verified.body).toMatchObject({
      ok: false,
      failures: [{ stream: treatyStreamName(treaty.id), reason: expect.stringContaining('deleted') }],
    });
  });

  it("reads a treaty as known at a moment after a treaty that named it was deleted for good: the other's loss", async () => {
    const named = { ...RU_IR, id: 'ru-ir-named-by-a-deleted-one' };
    const linker = { ...RU_IR, id: 'ru-ir-deleted-linker', relations: [{ type: 'builds-on', treatyId: named.id }] };
    await post(subject.http, '/treaties', named).expect(201);
    const linked = await post(subject.http, '/treaties', linker).expect(201);
    server.tombstone(treatyStreamName(linker.id));
    const knownAt = new Date().toISOString();
    const read = await request(subject.http)
      .get(`/treaties/${named.id}?knownAt=${knownAt}&minPosition=${linked.body.position}`)
      .expect(200);
    expect(read.body).toMatchObject({ id: named.id, relations: [] });
  });

  it('keeps an Idempotency-Key retry to one event on EventStoreDB too', async () => {
    const body = dumaApproval({
      type: 'entered-into-force',
      party: undefined,
      body: undefined,
      occurredOn: '2025-05-30',
    });
    const send = () =>
      post(subject.http, `/treaties/${RU_IR.id}/developments`, body).set('Idempotency-Key', 'esdb-retry');
    const [first, second] = await Promise.all([send(), send()]);
    expect(first.body.eventId).toBe(second.body.eventId);
    expect([first.status, second.status]).toEqual([201, 201]);
  });

  it.each(['not-ready', 'too-busy', 'no-leader-info'] as const)(
    'answers a write the node did not handle (%s, on BatchAppend) with 503 and Retry-After; the retry is 201',
    async (reason) => {
      const body = { ...RU_IR, id: `esdb-refused-${reason}` };
      const send = () => post(subject.http, '/treaties', body).set('Idempotency-Key', `esdb-${reason}`);
      server.refuseNextAppend(reason);
      const refused = await send();
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('EVENT_STORE_UNAVAILABLE');
      expect(refused.headers['retry-after']).toBe('2');
      const retried = await send().expect(201);
      expect((await send().expect(201)).body.eventId).toBe(retried.body.eventId);
    },
  );

  it('appends a batch of developments in one append, chained, on EventStoreDB too', async () => {
    await post(subject.http, '/treaties', { ...RU_IR, id: 'esdb-batch' }).expect(201);
    const items = [
      signature(),
      dumaApproval(),
      dumaApproval({ party: 'IR', body: 'Majlis', occurredOn: '2025-05-21' }),
    ];
    const written = await post(subject.http, '/treaties/esdb-batch/developments:batch', items).expect(201);
    expect(written.body).toMatchObject({ count: 3, firstRevision: '1', revision: '3' });
    const next = await post(
      subject.http,
      '/treaties/esdb-batch/developments',
      dumaApproval({ party: 'IR', body: 'Guardian Council', occurredOn: '2025-05-28' }),
    ).expect(201);
    expect(next.body.revision).toBe('4');
    const verified = await request(subject.http)
      .get('/audit/treaties/esdb-batch/verify')
      .set('Authorization', bearer(KEYS.auditor))
      .expect(200);
    expect(verified.body).toMatchObject({ ok: true, checked: 5 });
  });
});

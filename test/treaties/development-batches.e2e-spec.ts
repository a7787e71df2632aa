import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, dumaApproval, fixedClock, post, signature, storedEvents } from '../support/treaty-requests';

const batchOf = (treatyId: string) => `/treaties/${treatyId}/developments:batch`;

const developments = () => [
  signature(),
  dumaApproval(),
  dumaApproval({ party: 'IR', body: 'Majlis', occurredOn: '2025-05-21' }),
  dumaApproval({ type: 'ratification-completed', body: undefined, occurredOn: '2025-04-21' }),
  dumaApproval({ type: 'ratification-completed', party: 'IR', body: undefined, occurredOn: '2025-06-01' }),
];

const ndjson = (items: unknown[]) => items.map((item) => JSON.stringify(item)).join('\n') + '\n';

function postNdjson(subject: TestApp, path: string, text: string, key: string = KEYS.editor) {
  return request(subject.http)
    .post(path)
    .set('Authorization', bearer(key))
    .set('Content-Type', 'application/x-ndjson')
    .send(text);
}

describe('POST /treaties/{id}/developments:batch', () => {
  let subject: TestApp;
  let treaties = 0;
  /** A freshly registered treaty for each case: batches are about one stream. */
  const registered = async (): Promise<string> => {
    const id = `ru-ir-batch-${++treaties}`;
    await post(subject.http, '/treaties', { ...RU_IR, id }).expect(201);
    return id;
  };

  beforeAll(async () => {
    subject = await startTestApp(
      { limits: { ...defaultLimits(), maxBodyBytes: 16 * 1024, maxBatchBytes: 64 * 1024 } },
      { clock: fixedClock() },
    );
  });
  afterAll(() => subject.close());

  it('appends a JSON array in one append, in order, with one hash chain', async () => {
    const id = await registered();
    const answer = await post(subject.http, batchOf(id), developments()).expect(201);
    expect(answer.body).toMatchObject({ treatyId: id, count: 5, firstRevision: '1', revision: '5' });
    expect(answer.headers.etag).toBe('"5"');
    const events = await storedEvents(subject, id);
    expect(events.map((event) => event.id).slice(1)).toEqual(answer.body.eventIds);
    const verified = await request(subject.http)
      .get(`/audit/treaties/${id}/verify`)
      .set('Authorization', bearer(KEYS.auditor))
      .expect(200);
    expect(verified.body).toMatchObject({ ok: true, checked: 6 });
    const status = await request(subject.http)
      .get(`/treaties/${id}?minPosition=${answer.body.position as string}`)
      .expect(200);
    expect(status.body.status).toBe('ratified');
  });

  it('takes NDJSON, one development a line', async () => {
    const id = await registered();
    const answer = await postNdjson(subject, batchOf(id), ndjson(developments())).expect(201);
    expect(answer.body).toMatchObject({ count: 5, revision: '5' });
  });

  it('writes nothing when the 5th item breaks a rule, and names it with the single route’s code', async () => {
    const id = await registered();
    const items = developments();
    items[4] = dumaApproval({ party: 'FR' }); // not a party of the treaty
    const single = await post(subject.http, `/treaties/${id}/developments`, items[4]).expect(422);
    const refused = await post(subject.http, batchOf(id), items).expect(422);
    expect(refused.body).toMatchObject({ code: single.body.code, index: 4 });
    expect(refused.body.code).toBe('PARTY_NOT_IN_TREATY');
    // The field as the validation errors name it: the item's, not a field of the batch's body.
    expect(single.body.field).toBe('party');
    expect(refused.body.field).toBe('4.party');
    expect(await storedEvents(subject, id)).toHaveLength(1);
  });

  it('refuses an item the DTO refuses, naming its index and fields, and writes nothing', async () => {
    const id = await registered();
    const items: unknown[] = developments();
    items[4] = { ...dumaApproval(), occurredOn: 'yesterday', extra: true };
    const refused = await post(subject.http, batchOf(id), items).expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', index: 4 });
    expect((refused.body.errors as { field: string }[]).map((error) => error.field)).toEqual(
      expect.arrayContaining(['4.occurredOn', '4.extra']),
    );
    const malformed = await postNdjson(subject, batchOf(id), ndjson(developments().slice(0, 4)) + '{"type":\n').expect(
      400,
    );
    expect(malformed.body).toMatchObject({ code: 'MALFORMED_JSON', index: 4 });
    expect(await storedEvents(subject, id)).toHaveLength(1);
  });

  it('needs the treaty registered first', async () => {
    const refused = await post(subject.http, batchOf('never-registered'), developments()).expect(404);
    expect(refused.body).toMatchObject({ code: 'TREATY_NOT_FOUND', index: 0 });
  });

  it('is for editors only', async () => {
    const id = await registered();
    await request(subject.http).post(batchOf(id)).send(developments()).expect(401);
    const forbidden = await post(subject.http, batchOf(id), developments(), KEYS.reader).expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    expect(await storedEvents(subject, id)).toHaveLength(1);
  });

  it('has its own size limit, larger than a single body’s, and a bound on items', async () => {
    const id = await registered();
    const big = developments().map((item) => ({ ...item, source: { ...item.source, quote: 'x'.repeat(4000) } }));
    const many = Array.from({ length: 20 }, () => big).flat(); // ~80 KB: over this app's 64 KiB batch limit
    const largerThanOneBody = JSON.stringify(big).length;
    expect(largerThanOneBody).toBeGreaterThan(16 * 1024); // this app's single-body limit
    await post(subject.http, batchOf(id), big).expect(201);
    const tooLarge = await post(subject.http, batchOf(id), many).expect(413);
    expect(tooLarge.body.code).toBe('PAYLOAD_TOO_LARGE');
    const tooMany = await post(
      subject.http,
      batchOf(id),
      Array.from({ length: 1001 }, () => ({})),
    ).expect(413);
    expect(tooMany.body.code).toBe('TOO_MANY_ITEMS');
    await post(subject.http, batchOf(id), []).expect(400);
    await request(subject.http)
      .post(batchOf(id))
      .set('Authorization', bearer(KEYS.editor))
      .set('Content-Type', 'text/plain')
      .send('hello')
      .expect(415);
  });

  it('answers a retry under the same Idempotency-Key with the first answer, another body with 422', async () => {
    const id = await registered();
    const first = await post(subject.http, batchOf(id), developments()).set('Idempotency-Key', 'batch-1').expect(201);
    const again = await postNdjson(subject, batchOf(id), ndjson(developments()))
      .set('Idempotency-Key', 'batch-1')
      .expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const reused = await post(subject.http, batchOf(id), developments().slice(0, 2))
      .set('Idempotency-Key', 'batch-1')
      .expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await storedEvents(subject, id)).toHaveLength(6);
  });

  it('refuses ?dryRun=true, which it does not offer, rather than appending for real', async () => {
    const id = await registered();
    const refused = await post(subject.http, `${batchOf(id)}?dryRun=true`, developments()).expect(400);
    expect(refused.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field: 'dryRun' })],
    });
    await post(subject.http, `${batchOf(id)}?dryrun=true`, developments()).expect(400);
    expect(await storedEvents(subject, id)).toHaveLength(1);
    await post(subject.http, `${batchOf(id)}?dryRun=false`, developments()).expect(201);
  });

  it('honours If-Match', async () => {
    const id = await registered();
    const stale = await post(subject.http, batchOf(id), developments()).set('If-Match', '"3"').expect(412);
    expect(stale.body).toMatchObject({ code: 'REVISION_MISMATCH', currentRevision: '0' });
    await post(subject.http, batchOf(id), developments()).set('If-Match', '"0"').expect(201);
  });
});

function defaultLimits() {
  return {
    maxBodyBytes: 262_144,
    ratePerMinute: 1_000_000,
    sseConnectionsPerClient: 1000,
    sseMaxBufferedBytes: 1_048_576,
    authFailuresPerMinute: 1_000_000,
  };
}

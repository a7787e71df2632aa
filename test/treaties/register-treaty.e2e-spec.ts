import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KEYS } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, fixedClock, post, storedEvents } from '../support/treaty-requests';

describe('POST /treaties', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
  });
  afterAll(() => subject.close());

  it('registers a treaty: 201 with the event, its revision, position, ETag and Location', async () => {
    const response = await post(subject.http, '/treaties', RU_IR).expect(201);
    expect(response.body).toEqual({
      treatyId: RU_IR.id,
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      eventType: 'TreatyRegistered',
      revision: '0',
      position: expect.stringMatching(/^\d+$/),
    });
    expect(response.headers.etag).toBe('"0"');
    expect(response.headers.location).toBe(`/treaties/${RU_IR.id}`);
    const [event] = await storedEvents(subject, RU_IR.id);
    expect(event).toMatchObject({ id: response.body.eventId, type: 'TreatyRegistered' });
    expect(event?.data).toMatchObject({ treatyId: RU_IR.id, title: RU_IR.title, parties: ['RU', 'IR'] });
  });

  it('names the actor by key fingerprint, the correlation id, the schema version and the sealing time in the metadata', async () => {
    const body = { ...RU_IR, id: 'metadata-check' };
    const before = Date.now();
    const response = await post(subject.http, '/treaties', body).set('X-Correlation-Id', 'trace-42').expect(201);
    const after = Date.now();
    expect(response.headers['x-correlation-id']).toBe('trace-42');
    const [event] = await storedEvents(subject, body.id);
    expect(event?.metadata).toEqual({
      actor: expect.stringMatching(/^editor:[0-9a-f]{12}$/),
      correlationId: 'trace-42',
      schemaVersion: 1,
      sealedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      integrity: { scheme: 'sha256-jcs-chain-1', previousHash: null, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    // Real time, though this app's clock is set to another day: the store records real time too.
    const sealedAt = Date.parse(event!.metadata.sealedAt as string);
    expect(sealedAt).toBeGreaterThanOrEqual(before);
    expect(sealedAt).toBeLessThanOrEqual(after);
    expect(JSON.stringify(event?.metadata)).not.toContain(KEYS.editor);
  });

  it('answers 409 TREATY_ALREADY_REGISTERED for an id that exists, and writes nothing', async () => {
    const before = await storedEvents(subject, RU_IR.id);
    const response = await post(subject.http, '/treaties', { ...RU_IR, title: 'Another' }).expect(409);
    expect(response.body).toMatchObject({ code: 'TREATY_ALREADY_REGISTERED', status: 409 });
    expect(await storedEvents(subject, RU_IR.id)).toHaveLength(before.length);
  });

  it.each([
    ['a non-slug id', { ...RU_IR, id: 'Not A Slug' }, 'id'],
    ['one party', { ...RU_IR, id: 'one-party', parties: ['RU'] }, 'parties'],
    ['a repeated party', { ...RU_IR, id: 'repeated', parties: ['RU', 'RU'] }, 'parties'],
    ['a lowercase party', { ...RU_IR, id: 'lowercase', parties: ['ru', 'IR'] }, 'parties'],
    ['an unknown category', { ...RU_IR, id: 'category', category: 'friendship' }, 'category'],
    ['a missing title', { id: 'no-title', parties: ['RU', 'IR'], category: 'trade' }, 'title'],
    ['a null title', { ...RU_IR, id: 'null-title', title: null }, 'title'],
    ['an unknown field', { ...RU_IR, id: 'unknown-field', secret: true }, 'secret'],
  ])('answers 400 VALIDATION_FAILED naming the field for %s', async (_label, body, field) => {
    const response = await post(subject.http, '/treaties', body).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect((response.body as { errors: { field: string }[] }).errors.map((error) => error.field)).toContain(field);
  });

  it('answers 400 MALFORMED_JSON for a body that is not JSON', async () => {
    const response = await post(subject.http, '/treaties', '{"id": ')
      .set('Content-Type', 'application/json')
      .expect(400);
    expect(response.body).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('answers 413 PAYLOAD_TOO_LARGE for a body over the limit, without a stack trace', async () => {
    const response = await post(subject.http, '/treaties', { ...RU_IR, title: 'x'.repeat(1_000_000) }).expect(413);
    expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { asAuditor } from './support/audit-helpers';
import { startTestApp, whenReady, type TestApp } from './support/test-app';
import { RU_IR, post } from './support/treaty-requests';

describe('GET /health', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp();
  });
  afterAll(() => subject.close());

  it('answers 200 while the process lives', async () => {
    const response = await request(subject.http).get('/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok' });
  });

  it('answers /health/ready with 200 once the event store answers and the projection follows the log', async () => {
    const response = await whenReady(subject.http);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: { eventStore: { status: 'up' }, projections: { 'treaty-status': { state: 'live', caughtUp: true } } },
    });
  });

  it('says the projection is caught up when the log ends with events it does not follow (a signed checkpoint)', async () => {
    await whenReady(subject.http);
    const written = await post(subject.http, '/treaties', RU_IR).expect(201);
    await request(subject.http).get(`/treaties/${RU_IR.id}?minPosition=${written.body.position}`).expect(200);
    // Each checkpoint an auditor fetches is appended to the log, in a stream the treaty projection does not read.
    for (let fetched = 0; fetched < 3; fetched++) await asAuditor(subject.http, '/audit/checkpoint').expect(200);
    const response = await request(subject.http).get('/health/ready').expect(200);
    const projection = response.body.info.projections['treaty-status'];
    expect(BigInt(projection.headPosition)).toBeGreaterThan(BigInt(projection.position));
    expect(projection).toMatchObject({ state: 'live', caughtUp: true });
  });
});

describe('GET /health/ready with an unreachable EventStoreDB', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp({
      store: { kind: 'eventstoredb', connectionString: 'esdb://127.0.0.1:1?tls=false&defaultDeadline=1000' },
    });
  });
  afterAll(() => subject.close());

  it('answers 503 and says why', async () => {
    const response = await request(subject.http).get('/health/ready').expect(503);
    expect(response.body).toMatchObject({ status: 'error', error: { eventStore: { status: 'down' } } });
  });
});

describe('unknown routes and malformed bodies', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp();
  });
  afterAll(() => subject.close());

  it('answers problem+json for a route that does not exist', async () => {
    const response = await request(subject.http).get('/no-such-route').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, code: 'NOT_FOUND', instance: '/no-such-route' });
  });
});

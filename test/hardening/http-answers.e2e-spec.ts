import { connect } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DEFAULT_LIMITS } from '../../apps/api/src/config/app-config';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, post } from '../support/treaty-requests';

/** Sends raw bytes and returns the raw answer: for what Node answers before Express sees a request. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

async function listening(subject: TestApp): Promise<{ base: string; port: number }> {
  await subject.app.listen(0, '127.0.0.1');
  const base = (await subject.app.getUrl()).replace('[::1]', '127.0.0.1');
  return { base, port: Number(new URL(base).port) };
}

describe('HTTP answers: what the protocol promises', () => {
  let subject: TestApp;
  afterEach(() => subject.close());

  it('gives a refusal no ETag, which a client would send back as If-Match', async () => {
    subject = await startTestApp();
    await post(subject.http, '/treaties', RU_IR).expect(201);
    const developments = `/treaties/${RU_IR.id}/developments`;
    const refused = await post(subject.http, developments, { type: 'signed', occurredOn: '2025-13-01' }).expect(400);
    expect(refused.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(refused.headers['etag']).toBeUndefined();
    expect(Number(refused.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(refused.body)));
    const missing = await request(subject.http).get('/treaties/no-such-treaty').expect(404);
    expect(missing.headers['etag']).toBeUndefined();
    expect(missing.body).toMatchObject({ code: 'TREATY_NOT_FOUND' });
  });

  it('sends WWW-Authenticate with every 401', async () => {
    subject = await startTestApp({ publicReads: false });
    const anonymous = await request(subject.http).get('/treaties').expect(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="treaty-timeline"');
    const wrong = await request(subject.http).get('/treaties').set('Authorization', bearer('wrong-key')).expect(401);
    expect(wrong.headers['www-authenticate']).toBe('Bearer realm="treaty-timeline", error="invalid_token"');
  });

  it('answers a wrong method with 405 and Allow, for anyone, and an unknown path still with 404', async () => {
    subject = await startTestApp({ publicReads: false });
    const deleted = await request(subject.http).delete('/treaties').expect(405);
    expect(deleted.headers['allow']).toBe('GET, HEAD, OPTIONS, POST');
    expect(deleted.body).toMatchObject({ code: 'METHOD_NOT_ALLOWED', allow: ['GET', 'HEAD', 'OPTIONS', 'POST'] });
    const put = await request(subject.http).put(`/treaties/${RU_IR.id}`).expect(405);
    expect(put.headers['allow']).toBe('GET, HEAD, OPTIONS');
    await request(subject.http).post('/health').expect(405);
    await request(subject.http).delete('/no-such-route').expect(404);
    await request(subject.http).get(`/treaties/${RU_IR.id}`).set('Authorization', bearer(KEYS.reader)).expect(404);
  });

  it('answers OPTIONS with 204 and Allow on the routes it serves', async () => {
    subject = await startTestApp();
    const options = await request(subject.http).options(`/treaties/${RU_IR.id}/developments`).expect(204);
    expect(options.headers['allow']).toBe('OPTIONS, POST');
    const live = await request(subject.http).options('/live').expect(204);
    expect(live.headers['allow']).toBe('GET, HEAD, OPTIONS');
    await request(subject.http).options('/no-such-route').expect(404);
  });

  it('answers headers too large with 431 and a problem+json body', async () => {
    subject = await startTestApp();
    const { port } = await listening(subject);
    const answer = await rawExchange(
      port,
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/Content-Type: application\/problem\+json/i);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 431,
      code: 'HEADERS_TOO_LARGE',
    });
  });

  it('sends Retry-After with 429 TOO_MANY_STREAMS too', async () => {
    subject = await startTestApp({ limits: { ...DEFAULT_LIMITS, ratePerMinute: 1000, sseConnectionsPerClient: 1 } });
    const { base } = await listening(subject);
    const first = new AbortController();
    expect((await fetch(`${base}/live`, { signal: first.signal })).status).toBe(200);
    const second = await fetch(`${base}/live`);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await second.json()).toMatchObject({ code: 'TOO_MANY_STREAMS' });
    first.abort();
  });

  it('limits failed authentications per address: 429 with Retry-After before the key is checked', async () => {
    subject = await startTestApp({ limits: { ...DEFAULT_LIMITS, ratePerMinute: 100_000, authFailuresPerMinute: 5 } });
    const withKey = (key: string) => request(subject.http).get('/treaties').set('Authorization', bearer(key));
    for (let attempt = 0; attempt < 5; attempt++) await withKey(`guess-${attempt}`).expect(401);
    const refused = await withKey('guess-5').expect(429);
    expect(refused.body).toMatchObject({ code: 'TOO_MANY_FAILED_AUTHENTICATIONS' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Before the key check: even the right key waits out the window from this address.
    await withKey(KEYS.reader).expect(429);
    await post(subject.http, '/treaties', { ...RU_IR }).expect(429);
    // Requests without a key are not authentications: public reads go on.
    await request(subject.http).get('/treaties').expect(200);
  });

  it('does not count the right keys against the budget', async () => {
    subject = await startTestApp({ limits: { ...DEFAULT_LIMITS, ratePerMinute: 100_000, authFailuresPerMinute: 2 } });
    for (let attempt = 0; attempt < 20; attempt++) {
      await request(subject.http).get('/treaties').set('Authorization', bearer(KEYS.reader)).expect(200);
    }
    await request(subject.http).get('/treaties').set('Authorization', bearer('wrong')).expect(401);
  });
});

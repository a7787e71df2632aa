import { afterEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DEFAULT_LIMITS } from '../../apps/api/src/config/app-config';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, dumaApproval, fixedClock, post, registerRuIr, signature } from '../support/treaty-requests';

describe('limits, headers and metrics', () => {
  let subject: TestApp;
  afterEach(() => subject.close());

  it('limits requests per key per minute: 429 RATE_LIMITED with Retry-After, other keys unaffected', async () => {
    subject = await startTestApp({ limits: { ...DEFAULT_LIMITS, ratePerMinute: 5 } });
    const read = (key: string) => request(subject.http).get('/treaties').set('Authorization', bearer(key));
    for (let index = 0; index < 5; index++) await read(KEYS.reader).expect(200);
    const refused = await read(KEYS.reader).expect(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await read(KEYS.editor).expect(200);
  });

  it('bounds the body size as configured: 413 PAYLOAD_TOO_LARGE', async () => {
    subject = await startTestApp({ limits: { ...DEFAULT_LIMITS, ratePerMinute: 1000, maxBodyBytes: 2048 } });
    const response = await post(subject.http, '/treaties', { ...RU_IR, title: 'x'.repeat(3000) }).expect(413);
    expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('bounds live streams per client: 429 TOO_MANY_STREAMS past the limit', async () => {
    subject = await startTestApp({ limits: { ...DEFAULT_LIMITS, ratePerMinute: 1000, sseConnectionsPerClient: 2 } });
    await subject.app.listen(0, '127.0.0.1');
    const base = (await subject.app.getUrl()).replace('[::1]', '127.0.0.1');
    const controllers = [new AbortController(), new AbortController()];
    const headers = { Authorization: bearer(KEYS.reader) };
    const open = await Promise.all(
      controllers.map((controller) => fetch(`${base}/live`, { headers, signal: controller.signal })),
    );
    expect(open.map((response) => response.status)).toEqual([200, 200]);
    const third = await fetch(`${base}/live`, { headers });
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({ code: 'TOO_MANY_STREAMS' });
    const other = new AbortController();
    expect(
      (await fetch(`${base}/live`, { headers: { Authorization: bearer(KEYS.editor) }, signal: other.signal })).status,
    ).toBe(200);
    [...controllers, other].forEach((controller) => controller.abort());
  });

  it('sends security headers and no framework banner', async () => {
    subject = await startTestApp();
    const response = await request(subject.http).get('/health').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('exposes Prometheus metrics: appends, conflicts, projection position and lag, live subscribers', async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    await registerRuIr(subject.http);
    await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);
    await post(subject.http, `/treaties/${RU_IR.id}/developments`, dumaApproval()).set('If-Match', '"0"').expect(412);
    const metrics = (await request(subject.http).get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/timeline_appends_total\{event_type="TreatySigned"\} 1/);
    expect(metrics).toMatch(/timeline_appends_total\{event_type="TreatyRegistered"\} 1/);
    expect(metrics).toMatch(/timeline_append_conflicts_total 1/);
    expect(metrics).toMatch(/timeline_projection_lag_positions \d+/);
    expect(metrics).toMatch(/timeline_live_subscribers 0/);
  });
});

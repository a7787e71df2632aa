import { afterEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import { treatyStreamName } from '@timeline/treaty';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, post, registerRuIr } from '../support/treaty-requests';

interface LogLine {
  level: number;
  msg: string;
  err?: { stack?: string };
  stack?: string;
  res?: { statusCode?: number };
}

const WARN = 40;
const ERROR = 50;

/** Boots the app with its logs (at `log` level, as production runs) going into an array. */
async function startLogged(): Promise<{ subject: TestApp; lines: string[] }> {
  const lines: string[] = [];
  const subject = await startTestApp({ logLevel: 'log' }, { logDestination: { write: (line) => lines.push(line) } });
  return { subject, lines };
}

describe('logs: no key in them, and client errors told apart from failures', () => {
  let subject: TestApp;
  afterEach(() => subject.close());

  it('never logs a key, wherever the client put it', async () => {
    const started = await startLogged();
    subject = started.subject;
    const key = KEYS.editor;
    const http = subject.http;
    await request(http).get('/treaties').set('Authorization', bearer(key));
    await request(http).get('/treaties').set('X-API-Key', key);
    await request(http).get('/treaties').set('X-Auth-Token', key);
    await request(http).get('/treaties').set('Proxy-Authorization', `Basic ${key}`);
    await request(http).get('/treaties').set('Cookie', `session=${key}`);
    await request(http).get(`/treaties?api_key=${key}`);
    await request(http).get(`/treaties?apiKey=${key}&access_token=${key}&token=${key}`);
    await request(http).get(`/treaties?x%5Bapi_key%5D=${key}`);
    await request(http).get(`/treaties/not%20a%20treaty?key=${key}`);
    await request(http).delete(`/treaties?api_key=${key}`);
    await post(http, '/treaties', { ...RU_IR, id: 'x' }, key).set('Idempotency-Key', key);
    const log = started.lines.join('');
    expect(started.lines.length).toBeGreaterThanOrEqual(11);
    expect(log).not.toContain(key);
    expect(log).toContain('[redacted]');
  });

  it("names the request's correlation id and the caller's key fingerprint on the request's line", async () => {
    const started = await startLogged();
    subject = started.subject;
    await request(subject.http)
      .get('/treaties')
      .set('Authorization', bearer(KEYS.auditor))
      .set('X-Correlation-Id', 'desk-check-42')
      .expect(200);
    const line = started.lines
      .map((text) => JSON.parse(text) as LogLine & { req?: { id?: string }; principal?: string })
      .find((logged) => logged.req?.id === 'desk-check-42');
    expect(line).toMatchObject({ level: 30, msg: expect.stringMatching(/^GET \/treaties 200 \d+ ms$/) });
    expect(line!.principal).toMatch(/^auditor:[0-9a-f]{12}$/);
  });

  it('logs client errors at warn, without a stack: they are not failures of the service', async () => {
    const started = await startLogged();
    subject = started.subject;
    await registerRuIr(subject.http);
    for (let round = 0; round < 20; round++) {
      await post(subject.http, '/treaties', { title: 7 }).expect(400);
      await request(subject.http)
        .post('/treaties')
        .set('Authorization', bearer(KEYS.editor))
        .set('Content-Type', 'application/json')
        .send('{"id":')
        .expect(400);
      await request(subject.http).get('/treaties/unknown-treaty').expect(404);
      await request(subject.http).get('/treaties').set('Authorization', bearer('wrong-key')).expect(401);
    }
    // Client errors that were once answered (and logged) as failures of the service: 500s and a 504.
    await request(subject.http).get('/live').set('Last-Event-ID', '9223372036854775808').expect(400);
    await request(subject.http)
      .get('/audit/log?after=9223372036854775807')
      .set('Authorization', bearer(KEYS.auditor))
      .expect(400);
    await request(subject.http).get(`/treaties/${RU_IR.id}?minPosition=999999999`).expect(400);
    await request(subject.http)
      .post(`/treaties/${RU_IR.id}/developments`)
      .set('Authorization', bearer(KEYS.editor))
      .set('Content-Type', 'application/json')
      .send(`{"source":${'['.repeat(3000)}${']'.repeat(3000)}}`)
      .expect(400);
    const lines = started.lines.map((line) => JSON.parse(line) as LogLine);
    const clientErrors = lines.filter((line) => (line.res?.statusCode ?? 0) >= 400);
    expect(clientErrors).toHaveLength(84);
    expect(clientErrors.every((line) => line.level === WARN)).toBe(true);
    expect(lines.filter((line) => line.level >= ERROR)).toEqual([]);
    expect(started.lines.join('')).not.toMatch(/"stack"/);
  });

  it('logs a failure of the service (5xx) at error, with its stack', async () => {
    const started = await startLogged();
    subject = started.subject;
    await registerRuIr(subject.http);
    // An event this version cannot read: folding the treaty's past fails, which is the service's failure.
    await subject.app
      .get<EventStore>(EVENT_STORE)
      .appendToStream(treatyStreamName(RU_IR.id), [{ id: randomUUID(), type: 'NotATreatyEvent', data: {} }]);
    const response = await request(subject.http).get(`/treaties/${RU_IR.id}?asOf=2025-01-01`).expect(500);
    expect(response.body).toMatchObject({ code: 'UNREADABLE_EVENT' });
    const failures = started.lines.map((line) => JSON.parse(line) as LogLine).filter((line) => line.level >= ERROR);
    expect(failures.some((line) => /\n\s+at /.test(line.msg) || /\n\s+at /.test(line.err?.stack ?? ''))).toBe(true);
    expect(failures.some((line) => line.res?.statusCode === 500)).toBe(true);
  });
});

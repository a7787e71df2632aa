import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, post, signature } from '../support/treaty-requests';

const BATCH = `/treaties/${RU_IR.id}/developments:batch`;

/**
 * Sends the headers of a 1 MB body and only its first kilobyte, then waits: the answer, if the service gives one
 * without the rest of the body (it has not read it), or 'waited' when it still waits for the body after `ms`.
 */
function answerToHalfSentBody(
  port: number,
  path: string,
  headers: Record<string, string>,
  ms = 1_500,
): Promise<{ status: number; body: Record<string, unknown> } | 'waited'> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path,
      headers: { 'Content-Length': String(1_048_576), ...headers },
    });
    const timer = setTimeout(() => {
      sent.destroy();
      resolve('waited');
    }, ms);
    sent.on('response', (response: IncomingMessage) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => {
        clearTimeout(timer);
        sent.destroy();
        resolve({ status: response.statusCode!, body: JSON.parse(text) as Record<string, unknown> });
      });
    });
    sent.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    sent.write(`${JSON.stringify(signature())}\n`.padEnd(1024, ' '));
  });
}

// A write's key is checked before its body is read: an unauthenticated megabyte is refused without being read or
// parsed (decision 0054), with the same problems as before.
describe('write routes check the API key before they read the body', () => {
  let subject: TestApp;
  let port: number;
  beforeAll(async () => {
    subject = await startTestApp({ publicReads: false });
    await subject.app.listen(0, '127.0.0.1');
    port = (subject.app.getHttpServer().address() as AddressInfo).port;
    await post(subject.http, '/treaties', RU_IR).expect(201);
  });
  afterAll(() => subject.close());

  it.each([
    ['a batch, without a key', BATCH, {}, 401, 'UNAUTHENTICATED'],
    [
      'a batch, with a wrong key',
      BATCH,
      { Authorization: bearer('not-a-key-of-this-service') },
      401,
      'INVALID_API_KEY',
    ],
    ["a batch, with a reader's key", BATCH, { Authorization: bearer(KEYS.reader) }, 403, 'FORBIDDEN'],
    ['a development, without a key', `/treaties/${RU_IR.id}/developments`, {}, 401, 'UNAUTHENTICATED'],
    ["a registration, with an auditor's key", '/treaties', { Authorization: bearer(KEYS.auditor) }, 403, 'FORBIDDEN'],
  ])('refuses %s before the body has arrived', async (_, path, headers, status, code) => {
    const type = path === BATCH ? 'application/x-ndjson' : 'application/json';
    const answer = await answerToHalfSentBody(port, path, { 'Content-Type': type, ...headers });
    expect(answer).toMatchObject({ status, body: { code } });
  });

  it('waits for the whole body of a request whose key may write', async () => {
    const answer = await answerToHalfSentBody(port, BATCH, {
      'Content-Type': 'application/x-ndjson',
      Authorization: bearer(KEYS.editor),
    });
    expect(answer).toBe('waited');
  });

  it('names the missing key, not the body, when both are wrong', async () => {
    const refused = await request(subject.http)
      .post(BATCH)
      .set('Content-Type', 'text/plain')
      .send('not a batch')
      .expect(401);
    expect(refused.body.code).toBe('UNAUTHENTICATED');
    expect(refused.headers['www-authenticate']).toContain('Bearer');
    const malformed = await request(subject.http)
      .post(`/treaties/${RU_IR.id}/developments`)
      .set('Content-Type', 'application/json')
      .send('{"type": ')
      .expect(401);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
  });

  it('still reads and refuses the body of a request whose key may write, as before', async () => {
    const unsupported = await post(subject.http, BATCH, 'not a batch').set('Content-Type', 'text/plain').expect(415);
    expect(unsupported.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const malformed = await post(subject.http, `/treaties/${RU_IR.id}/developments`, '{"type": ')
      .set('Content-Type', 'application/json')
      .expect(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
    const line = await post(subject.http, BATCH, `${JSON.stringify(signature())}\n{"type": \n`)
      .set('Content-Type', 'application/x-ndjson')
      .expect(400);
    expect(line.body).toMatchObject({ code: 'MALFORMED_JSON', index: 1 });
    const written = await post(subject.http, BATCH, `${JSON.stringify(signature())}\n`)
      .set('Content-Type', 'application/x-ndjson')
      .expect(201);
    expect(written.body.count).toBe(1);
  });
});

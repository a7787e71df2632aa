import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, type Socket } from 'node:net';
import { request } from 'node:http';
import request_ from 'supertest';
import { DEFAULT_LIMITS } from '../../apps/api/src/config/app-config';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, dumaApproval, post, registerRuIr } from '../support/treaty-requests';

/** A client that subscribes and then never reads: what the server sends piles up in the kernel, then in Node. */
function stalledSubscriber(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write('GET /live HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n'),
    );
    socket.once('data', (head: Buffer) => {
      socket.pause();
      if (head.toString('latin1').startsWith('HTTP/1.1 200')) resolve(socket);
      else reject(new Error(head.toString('latin1')));
    });
    socket.once('error', reject);
  });
}

/** A client that reads everything: the ids it has received. */
function readingSubscriber(base: string): Promise<{ ids: string[]; close: () => void }> {
  return new Promise((resolve, reject) => {
    const ids: string[] = [];
    const req = request(`${base}/live`, { agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        const lines = text.split('\n');
        text = lines.pop()!;
        for (const line of lines) if (line.startsWith('id: ')) ids.push(line.slice(4));
      });
      resolve({ ids, close: () => req.destroy() });
    });
    req.once('error', reject);
    req.end();
  });
}

describe('GET /live with a subscriber that stops reading', () => {
  let subject: TestApp;
  let base: string;
  let port: number;
  beforeAll(async () => {
    // A bound in bytes far below the 256 messages: it is what must drop the stalled subscriber.
    subject = await startTestApp({
      limits: { ...DEFAULT_LIMITS, ratePerMinute: 1_000_000, sseMaxBufferedBytes: 2048 },
    });
    await subject.app.listen(0, '127.0.0.1');
    base = (await subject.app.getUrl()).replace('[::1]', '127.0.0.1');
    port = Number(new URL(base).port);
  });
  afterAll(() => subject.close());

  const liveSubscribers = async () => {
    const metrics = (await request_(subject.http).get('/metrics').expect(200)).text;
    return Number(/^timeline_live_subscribers (\d+)/m.exec(metrics)?.[1]);
  };

  it('drops it once it leaves TIMELINE_SSE_MAX_BUFFERED_BYTES unread, while the others receive every update', async () => {
    await registerRuIr(subject.http);
    const stalled = await stalledSubscriber(port);
    const reader = await readingSubscriber(base);
    expect(await liveSubscribers()).toBe(2);
    const sent: string[] = [];
    // The kernel's buffers take some hundreds of kilobytes first; each update here is about a kilobyte.
    for (let index = 0; index < 4000 && (index % 25 !== 0 || (await liveSubscribers()) === 2); index++) {
      const body = dumaApproval({ body: `Chamber ${index}` });
      const response = await post(subject.http, `/treaties/${RU_IR.id}/developments`, body).expect(201);
      sent.push(response.body.position as string);
    }
    expect(await liveSubscribers()).toBe(1);
    // Fewer updates than the 256 messages a subscriber may leave unread: the bytes bound dropped it.
    expect(sent.length).toBeLessThan(256);
    for (const deadline = Date.now() + 10_000; reader.ids.length < sent.length && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(reader.ids).toEqual(sent);
    reader.close();
    stalled.destroy();
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventSource } from 'eventsource';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, dumaApproval, fixedClock, post, registerRuIr, signature, source } from '../support/treaty-requests';

const developments = `/treaties/${RU_IR.id}/developments`;

interface Received {
  /** `message` for an update, `left-filter` for one that takes the treaty out of the stream's filter. */
  readonly type: string;
  readonly id: string;
  readonly status: string;
  readonly treatyId: string;
  readonly at: number;
}

/** A real SSE client (the `eventsource` package), optionally resuming after a position. */
function subscribe(url: string, lastEventId?: string) {
  const received: Received[] = [];
  const source = new EventSource(url, {
    fetch: (input, init) =>
      fetch(input, { ...init, headers: { ...init.headers, ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) } }),
  });
  const receive = (message: MessageEvent) => {
    const status = JSON.parse(message.data as string) as { status: string; id: string };
    received.push({
      type: message.type,
      id: message.lastEventId,
      status: status.status,
      treatyId: status.id,
      at: Date.now(),
    });
  };
  source.onmessage = receive;
  source.addEventListener('left-filter', receive);
  const opened = new Promise<void>((resolve, reject) => {
    source.onopen = () => resolve();
    source.onerror = () => reject(new Error('SSE connection failed'));
  });
  return { received, opened, close: () => source.close() };
}

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for SSE messages');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('GET /live and GET /treaties/{id}/live (SSE)', () => {
  let subject: TestApp;
  let base: string;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    await subject.app.listen(0, '127.0.0.1');
    base = (await subject.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => subject.close());

  it('delivers each update once, in order, within a second, with the position as its id', async () => {
    const all = subscribe(`${base}/live`);
    // Followed before it is registered: asked for explicitly (without it, an id not on record is 404).
    const one = subscribe(`${base}/treaties/${RU_IR.id}/live?awaitRegistration=true`);
    await Promise.all([all.opened, one.opened]);
    const sent: { position: string; at: number }[] = [];
    await registerRuIr(subject.http);
    for (const body of [signature(), dumaApproval()]) {
      const response = await post(subject.http, developments, body).expect(201);
      sent.push({ position: response.body.position, at: Date.now() });
    }
    await post(subject.http, '/treaties', {
      id: 'other-treaty',
      title: 'Other',
      parties: ['RU', 'BY'],
      category: 'security',
    });
    await until(() => all.received.length === 4 && one.received.length === 3);
    expect(one.received.map((message) => message.status)).toEqual(['registered', 'signed', 'ratification-in-progress']);
    expect(one.received.slice(1).map((message) => message.id)).toEqual(sent.map((write) => write.position));
    expect(all.received.map((message) => message.treatyId)).toEqual([RU_IR.id, RU_IR.id, RU_IR.id, 'other-treaty']);
    for (const [index, write] of sent.entries()) {
      expect(one.received[index + 1]!.at - write.at).toBeLessThan(1000);
    }
    all.close();
    one.close();
  });

  it('resumes after a disconnect with Last-Event-ID: nothing missed, nothing repeated', async () => {
    const first = subscribe(`${base}/live?party=IR`);
    await first.opened;
    const before = await post(
      subject.http,
      developments,
      dumaApproval({
        party: 'IR',
        body: 'Majlis',
        occurredOn: '2025-05-21',
        source: source({ publisher: 'Reuters', publishedOn: '2025-05-21' }),
      }),
    ).expect(201);
    await until(() => first.received.some((message) => message.id === before.body.position));
    first.close();

    const missed = await post(subject.http, developments, {
      type: 'ratification-completed',
      party: 'RU',
      occurredOn: '2025-04-21',
      source: source({ publishedOn: '2025-04-21' }),
    }).expect(201);
    const resumed = subscribe(`${base}/live?party=IR`, before.body.position);
    await resumed.opened;
    const after = await post(subject.http, developments, {
      type: 'ratification-completed',
      party: 'IR',
      occurredOn: '2025-05-28',
      source: source({ publishedOn: '2025-05-28' }),
    }).expect(201);
    await until(() => resumed.received.some((message) => message.id === after.body.position));
    expect(resumed.received.map((message) => message.id)).toEqual([missed.body.position, after.body.position]);
    expect(resumed.received.map((message) => message.status)).toEqual(['ratification-in-progress', 'ratified']);
    resumed.close();
  });

  it('tells a stream filtered by status of the update that takes a treaty out of it, live and on a resume', async () => {
    const treaty = {
      id: 'ru-by-leaves-signed',
      title: 'Leaves the signed',
      parties: ['RU', 'BY'],
      category: 'security',
    };
    await post(subject.http, '/treaties', treaty).expect(201);
    const signed = await post(subject.http, `/treaties/${treaty.id}/developments`, signature()).expect(201);
    const live = subscribe(`${base}/live?status=signed`);
    const resumed = subscribe(`${base}/live?status=signed&party=BY`, signed.body.position);
    await Promise.all([live.opened, resumed.opened]);
    const approved = await post(subject.http, `/treaties/${treaty.id}/developments`, dumaApproval()).expect(201);
    const left = {
      type: 'left-filter',
      id: approved.body.position,
      status: 'ratification-in-progress',
      treatyId: treaty.id,
    };
    // The live stream may yet have the signature's update, fanned out on the turn after its answer: only that.
    const leftOf = (stream: { received: Received[] }) => stream.received.filter(({ type }) => type === 'left-filter');
    await until(() => leftOf(live).length === 1 && resumed.received.length === 1);
    expect(live.received.filter(({ type }) => type !== 'left-filter').map(({ id }) => id)).not.toContain(left.id);
    expect(leftOf(live)).toEqual([expect.objectContaining(left)]);
    expect(resumed.received[0]).toMatchObject(left);
    live.close();
    resumed.close();

    // A client that was away when it left hears of it when it comes back, with the same message.
    const back = subscribe(`${base}/live?status=signed&party=BY`, signed.body.position);
    await back.opened;
    await until(() => back.received.length === 1);
    expect(back.received[0]).toMatchObject(left);
    // And a treaty that moves on from a status other than the filter's says nothing to it.
    await post(
      subject.http,
      `/treaties/${treaty.id}/developments`,
      dumaApproval({ party: 'BY', body: 'House of Representatives' }),
    ).expect(201);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(back.received).toHaveLength(1);
    back.close();
  });

  it('answers HEAD with the stream headers and nothing more', async () => {
    const response = await fetch(`${base}/live`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(await response.text()).toBe('');
  });

  it('answers 404 at once for a treaty not on record, rather than hold a stream open that never speaks', async () => {
    const response = await fetch(`${base}/treaties/no-such-treaty/live`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({
      code: 'TREATY_NOT_FOUND',
      detail: expect.stringContaining('awaitRegistration=true'),
    });
    expect((await fetch(`${base}/treaties/no-such-treaty/live`, { method: 'HEAD' })).status).toBe(404);
  });

  it('follows a treaty not on record yet when asked to, as the filter of /live does', async () => {
    const id = 'ru-by-awaited-treaty';
    const awaited = subscribe(`${base}/treaties/${id}/live?awaitRegistration=true`);
    const filtered = subscribe(`${base}/live?treaty=${id}`);
    await Promise.all([awaited.opened, filtered.opened]);
    await post(subject.http, '/treaties', { id, title: 'Awaited', parties: ['RU', 'BY'], category: 'trade' }).expect(
      201,
    );
    await until(() => awaited.received.length === 1 && filtered.received.length === 1);
    expect(awaited.received[0]).toMatchObject({ treatyId: id, status: 'registered' });
    awaited.close();
    filtered.close();
    // Once on record, it is followed without asking.
    const plain = await fetch(`${base}/treaties/${id}/live`, { method: 'HEAD' });
    expect(plain.status).toBe(200);
    const refused = await fetch(`${base}/treaties/${id}/live?awaitRegistration=maybe`);
    expect(refused.status).toBe(400);
  });

  it('follows a treaty registered a moment ago, whatever the projection has applied', async () => {
    const id = 'ru-by-just-registered';
    await post(subject.http, '/treaties', { id, title: 'Just now', parties: ['RU', 'BY'], category: 'trade' }).expect(
      201,
    );
    const response = await fetch(`${base}/treaties/${id}/live`, { method: 'HEAD' });
    expect(response.status).toBe(200);
  });

  it('answers 400 to a Last-Event-ID that is not a position', async () => {
    const response = await fetch(`${base}/live`, { headers: { 'Last-Event-ID': 'yesterday' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_LAST_EVENT_ID' });
  });
});

describe('GET /live when reads need a key (TIMELINE_PUBLIC_READS=false)', () => {
  let subject: TestApp;
  afterAll(() => subject.close());

  it('answers 401 without a key, before any byte of the stream, and streams to a reader', async () => {
    subject = await startTestApp({ publicReads: false });
    await subject.app.listen(0, '127.0.0.1');
    const base = (await subject.app.getUrl()).replace('[::1]', '127.0.0.1');
    const anonymous = await fetch(`${base}/live`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    const reader = new AbortController();
    const stream = await fetch(`${base}/live`, {
      headers: { Authorization: bearer(KEYS.reader) },
      signal: reader.signal,
    });
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    expect(stream.headers.get('x-content-type-options')).toBe('nosniff');
    reader.abort();
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { EventSource } from 'eventsource';
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { EVENT_STORE, lastEventPosition, type EventStore } from '@timeline/event-store';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import { post } from '../support/treaty-requests';
import { WebhookReceiver, until } from '../support/webhook-receiver';
import { TWO_STATE_CONVENTION as CONVENTION, ratification as consent } from '../support/two-state-convention';

/**
 * Decision 0039: the day a date the record sets ahead comes, the treaty's new status reaches live subscribers and
 * webhooks, though nothing is written that day. The service's clock starts ten days after the real time (stores
 * record real time), so that the treaty's events were recorded before the day its clause computes.
 */
const DAY = 24 * 60 * 60 * 1000;
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);
const START = Date.now() + 10 * DAY;

const webhookSettings = {
  webhooks: { allowPrivateTargets: true, retryBaseMs: 20, maxFailures: 1000, timeoutMs: 2000, leaseMs: 2000 },
};

interface CloudEventBody {
  id: string;
  type: string;
  source: string;
  subject: string;
  time: string;
  position?: string;
  data: { treatyId: string; day: string; previousStatus: string; status: Record<string, unknown> };
}

const cloudEvents = (receiver: WebhookReceiver) =>
  receiver.acknowledged.map((delivery) => JSON.parse(delivery.body) as CloudEventBody);
const datesCame = (receiver: WebhookReceiver) =>
  cloudEvents(receiver).filter((event) => event.type === 'org.treaty-timeline.treaty.date-came');

/**
 * Writes the convention, its instruments 5 and 3 days before `start` (the service's today), in force 30 days after
 * the second: returns that day, on which its status changes.
 */
async function writeConvention(subject: TestApp, start = START): Promise<string> {
  await post(subject.http, '/treaties', CONVENTION).expect(201);
  await post(subject.http, `/treaties/${CONVENTION.id}/developments`, consent('AT', isoDay(start - 5 * DAY))).expect(
    201,
  );
  const last = await post(
    subject.http,
    `/treaties/${CONVENTION.id}/developments`,
    consent('BE', isoDay(start - 3 * DAY)),
  ).expect(201);
  const { body } = await request(subject.http)
    .get(`/treaties/${CONVENTION.id}?minPosition=${last.body.position}`)
    .expect(200);
  expect(body).toMatchObject({ status: 'ratified', nextChangeOn: isoDay(start + 27 * DAY) });
  return body.nextChangeOn as string;
}

/** The moment `day` begins at UTC+14, the present's day (decision 0035). */
const dayBegins = (day: string) => new Date(`${day}T00:00:00+14:00`).getTime();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the day a date set ahead comes (decision 0039)', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('announces the treaty’s new status on the live feed and by webhook, once, with one id, writing nothing', async () => {
    let now = START;
    const receiver = new WebhookReceiver();
    await receiver.start();
    cleanup.push(() => receiver.stop());
    const subject = await startTestApp(webhookSettings, { clock: () => new Date(now) });
    cleanup.push(() => subject.close());
    await subject.app.listen(0, '127.0.0.1');
    const base = (await subject.app.getUrl()).replace('[::1]', '127.0.0.1');

    const subscription = await post(subject.http, '/webhooks', { url: receiver.url }, KEYS.reader).expect(201);
    const live = new EventSource(`${base}/live`);
    cleanup.push(() => live.close());
    const updates: string[] = [];
    const came: { data: Record<string, unknown>; lastEventId: string }[] = [];
    live.onmessage = (message) => updates.push(message.lastEventId);
    live.addEventListener('date-came', (message) =>
      came.push({ data: JSON.parse(message.data as string), lastEventId: message.lastEventId }),
    );
    await new Promise<void>((resolve, reject) => {
      live.onopen = () => resolve();
      live.onerror = () => reject(new Error('SSE connection failed'));
    });

    const day = await writeConvention(subject);
    await until(() => receiver.acknowledged.length === 3 && updates.length === 3, 10_000, 'the three events');
    const store = subject.app.get<EventStore>(EVENT_STORE);
    const head = await lastEventPosition(store);

    // The receiver fails its next two requests: the day's change is retried, under one webhook-id.
    receiver.behaviour.failFirst = 2;
    // A second before the day begins at UTC+14: nothing yet.
    now = dayBegins(day) - 1000;
    await sleep(1500);
    expect([came, datesCame(receiver)]).toEqual([[], []]);

    now = dayBegins(day);
    await until(() => came.length === 1 && datesCame(receiver).length === 1, 10_000, 'the day’s announcements');
    const [announced] = came;
    expect(announced!.data).toMatchObject({
      treatyId: CONVENTION.id,
      day,
      previousStatus: 'ratified',
      status: { id: CONVENTION.id, status: 'in-force', enteredIntoForceOn: day, nextChangeOn: null },
    });
    // No `id:` of its own (this client reports a message's own id), so the client's Last-Event-ID stays the log
    // position of the last update, which it resumes after.
    expect(announced!.lastEventId).toBe('');
    expect(updates.at(-1)).toMatch(/^\d+$/);

    const [cloudEvent] = datesCame(receiver);
    expect(cloudEvent).toMatchObject({
      id: announced!.data['id'],
      source: `/treaties/${CONVENTION.id}`,
      subject: CONVENTION.id,
      time: new Date(dayBegins(day)).toISOString(),
      data: { treatyId: CONVENTION.id, day, previousStatus: 'ratified', status: { status: 'in-force' } },
    });
    expect(cloudEvent).not.toHaveProperty('position');
    const delivery = receiver.acknowledged.at(-1)!;
    expect(() =>
      new Webhook(subscription.body.secret).verify(delivery.body, delivery.headers as Record<string, string>),
    ).not.toThrow();
    const deliveries = await request(subject.http)
      .get(`/webhooks/${subscription.body.id}/deliveries`)
      .set('Authorization', bearer(KEYS.reader))
      .expect(200);
    expect(deliveries.body.items[0]).toMatchObject({ eventId: cloudEvent!.id, day, status: 'delivered', attempts: 3 });
    expect(receiver.requests.slice(3).map((request) => [request.answered, request.headers['webhook-id']])).toEqual([
      [500, delivery.headers['webhook-id']],
      [500, delivery.headers['webhook-id']],
      [204, delivery.headers['webhook-id']],
    ]);

    // Nothing was appended to the treaties' log: only the subscription's own stream records its checkpoint.
    let treatyEventsAfter = 0;
    for await (const event of store.readAll({ fromPosition: head! + 1n })) {
      if (event.streamName.startsWith('treaty-')) treatyEventsAfter += 1;
    }
    expect(treatyEventsAfter).toBe(0);

    // The next days bring nothing more; the status reads the same.
    now = dayBegins(day) + 2 * DAY;
    await sleep(1500);
    expect([came.length, datesCame(receiver).length]).toEqual([1, 1]);
    const { body } = await request(subject.http).get(`/treaties/${CONVENTION.id}`).expect(200);
    expect(body).toMatchObject({ status: 'in-force', enteredIntoForceOn: day });
  });

  it('delivers by webhook a day that came while the service was down, once, across restarts', async () => {
    let now = START;
    const clock = () => new Date(now);
    const dataDir = mkdtempSync(join(tmpdir(), 'timeline-dates-come-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const receiver = new WebhookReceiver();
    await receiver.start();
    cleanup.push(() => receiver.stop());
    const config = { dataDir, ...webhookSettings };

    let subject = await startTestApp(config, { clock, keepData: true });
    await post(subject.http, '/webhooks', { url: receiver.url }, KEYS.reader).expect(201);
    const day = await writeConvention(subject);
    await until(() => receiver.acknowledged.length === 3, 10_000, 'the three events');
    await subject.close();

    // Down over the day, and two more.
    now = dayBegins(day) + 2 * DAY;
    subject = await startTestApp(config, { clock, keepData: true });
    await until(() => datesCame(receiver).length === 1, 10_000, 'the day that came while it was down');
    expect(datesCame(receiver)[0]!.data).toMatchObject({ day, status: { status: 'in-force' } });
    await subject.close();

    subject = await startTestApp(config, { clock, keepData: true });
    cleanup.push(() => subject.close());
    await sleep(2000);
    expect(receiver.acknowledged).toHaveLength(4);
  });

  it('does not deliver by webhook a day whose status an event recorded since already carried', async () => {
    // The service's today two months before the real time: the events are recorded (at the real time) after the day
    // the clause computes, so each delivery of them reads the treaty in force already.
    const start = Date.now() - 60 * DAY;
    let now = start;
    const receiver = new WebhookReceiver();
    await receiver.start();
    cleanup.push(() => receiver.stop());
    const subject = await startTestApp(webhookSettings, { clock: () => new Date(now) });
    cleanup.push(() => subject.close());
    await subject.app.listen(0, '127.0.0.1');
    const base = (await subject.app.getUrl()).replace('[::1]', '127.0.0.1');
    await post(subject.http, '/webhooks', { url: receiver.url }, KEYS.reader).expect(201);
    const live = new EventSource(`${base}/live`);
    cleanup.push(() => live.close());
    const came: string[] = [];
    live.addEventListener('date-came', (message) => came.push(message.data as string));
    await new Promise<void>((resolve) => (live.onopen = () => resolve()));

    const day = await writeConvention(subject, start);
    await until(() => receiver.acknowledged.length === 3, 10_000, 'the three events');
    expect(cloudEvents(receiver).at(-1)!.data.status).toMatchObject({ status: 'in-force', enteredIntoForceOn: day });

    now = dayBegins(day);
    // The live feed tells its streams of the day as it comes; the webhook has told its receiver already.
    await until(() => came.length === 1, 10_000, 'the live message');
    await sleep(1500);
    expect(receiver.acknowledged).toHaveLength(3);
  });
});

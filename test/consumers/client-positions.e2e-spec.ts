import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import { startEsdbProtocolDouble, type EsdbProtocolDouble } from '../esdb-protocol-double';
import { openLive } from '../support/live-and-downloads';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, post } from '../support/treaty-requests';

// On EventStoreDB positions are byte offsets: most numbers fall inside a record, and the read model, which follows
// the treaty streams only, never applies the events of other streams.
describe('minPosition and Last-Event-ID on EventStoreDB (protocol double)', () => {
  let double: EsdbProtocolDouble;
  let subject: TestApp;
  beforeAll(async () => {
    double = await startEsdbProtocolDouble();
    subject = await startTestApp({ store: { kind: 'eventstoredb', connectionString: double.connectionString } });
    await new Promise<void>((resolve) => subject.app.getHttpServer().listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await subject.close();
    await double.stop();
  });

  it('reads at once at the position of another stream’s event, and refuses one inside a record', async () => {
    const registered = await post(subject.http, '/treaties', RU_IR).expect(201);
    const store = subject.app.get<EventStore>(EVENT_STORE);
    const other = await store.appendToStream(`notes-${randomUUID()}`, [{ id: randomUUID(), type: 'Noted', data: {} }]);
    // Not a 504 PROJECTION_LAGGING after waiting 5 s for a position the read model would never reach.
    await request(subject.http).get(`/treaties/${RU_IR.id}?minPosition=${other.position}`).expect(200);

    const inside = BigInt(registered.body.position) + 1n;
    expect(inside).toBeLessThan(other.position);
    const refused = await request(subject.http).get(`/treaties/${RU_IR.id}?minPosition=${inside}`).expect(400);
    expect(refused.body).toMatchObject({ code: 'POSITION_NOT_AN_EVENT' });
  }, 15_000);

  it('refuses a Last-Event-ID inside a record before the stream opens, and resumes from an event’s', async () => {
    const written = await post(subject.http, '/treaties', { ...RU_IR, id: 'ru-ir-second-treaty' }).expect(201);
    const inside = BigInt(written.body.position) - 1n;
    const refused = await openLive(subject, inside.toString());
    expect(refused.status).toBe(400);
    expect(JSON.parse(refused.text)).toMatchObject({ code: 'POSITION_NOT_AN_EVENT' });
    expect((await openLive(subject, written.body.position)).status).toBe(200);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import { startEsdbProtocolDouble, type EsdbProtocolDouble } from '../esdb-protocol-double';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, post } from '../support/treaty-requests';

// On EventStoreDB positions are byte offsets: most numbers fall inside a record, and the read model, which follows
// the treaty streams only, never applies the events of other streams.
describe('GET /treaties/{id}?minPosition= on EventStoreDB (protocol double)', () => {
  let double: EsdbProtocolDouble;
  let subject: TestApp;
  beforeAll(async () => {
    double = await startEsdbProtocolDouble();
    subject = await startTestApp({ store: { kind: 'eventstoredb', connectionString: double.connectionString } });
  });
  afterAll(async () => {
    await subject.close();
    await double.stop();
  });

  it('reads at once at the position of another stream’s event, and refuses one inside a record', async () => {
    const registered = await post(subject.http, '/treaties', RU_IR).expect(201);
    const store = subject.app.get<EventStore>(EVENT_STORE);
    const other = await store.appendToStream(`notes-${randomUUID()}`, [{ id: randomUUID(), type: 'Noted', data: {} }]);
    const started = Date.now();
    await request(subject.http).get(`/treaties/${RU_IR.id}?minPosition=${other.position}`).expect(200);
    expect(Date.now() - started).toBeLessThan(4000);

    const inside = BigInt(registered.body.position) + 1n;
    expect(inside).toBeLessThan(other.position);
    const refused = await request(subject.http).get(`/treaties/${RU_IR.id}?minPosition=${inside}`).expect(400);
    expect(refused.body).toMatchObject({ code: 'POSITION_NOT_AN_EVENT' });
  }, 15_000);
});

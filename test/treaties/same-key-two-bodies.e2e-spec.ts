import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEsdbProtocolDouble, type EsdbProtocolDouble } from '../esdb-protocol-double';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, post, storedEvents } from '../support/treaty-requests';

const ROUNDS = 15;

// Two different requests under one Idempotency-Key, sent at once: exactly one is the first request (201), the
// other is refused (422), never answered 201 as if it were the first, on every store.
describe.each([
  ['the embedded store', undefined],
  ['EventStoreDB (protocol double, BatchAppend)', 'esdb'],
])('the same Idempotency-Key with two bodies at once, on %s', (_, store) => {
  let double: EsdbProtocolDouble | undefined;
  let subject: TestApp;
  beforeAll(async () => {
    double = store === 'esdb' ? await startEsdbProtocolDouble() : undefined;
    subject = await startTestApp(
      double ? { store: { kind: 'eventstoredb', connectionString: double.connectionString } } : {},
    );
  });
  afterAll(async () => {
    await subject.close();
    await double?.stop();
  });

  it(`answers one 201 and one 422 IDEMPOTENCY_KEY_REUSED, and stores one event (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const id = `same-key-${store ?? 'embedded'}-${round}`;
      const send = (title: string) =>
        post(subject.http, '/treaties', { ...RU_IR, id, title }).set('Idempotency-Key', `key-${id}`);
      const answers = await Promise.all([send('First title'), send('Second title')]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 422]);
      expect(answers.find((answer) => answer.status === 422)!.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const events = await storedEvents(subject, id);
      expect(events).toHaveLength(1);
      const winner = answers.find((answer) => answer.status === 201)!;
      expect(events[0]!.id).toBe(winner.body.eventId);
    }
  });
});

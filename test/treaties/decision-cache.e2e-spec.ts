import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '@timeline/event-store';
import { SqliteEventStore } from '@timeline/event-store-sqlite';
import type { DevelopmentReport } from '@timeline/treaty';
import { TreatyCommands } from '../../apps/api/src/treaties/application/treaty-commands.service';
import { TreatyWriter } from '../../apps/api/src/treaties/application/treaty-writer.service';
import { OneWriteAtATime } from '../../apps/api/src/treaties/decision-state/one-write-at-a-time';
import { TreatyDecisionStates } from '../../apps/api/src/treaties/decision-state/treaty-decision-states.service';
import { Metrics } from '../../apps/api/src/metrics/metrics.service';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  RU_IR,
  dumaApproval,
  fixedClock,
  post,
  registerRuIr,
  signature,
  storedEvents,
} from '../support/treaty-requests';
import request from 'supertest';

const developments = `/treaties/${RU_IR.id}/developments`;

/**
 * The app keeps a busy treaty's decision state in memory. Another writer on the same SQLite file (its own
 * connection and its own cache, as a second replica or process would have) writes behind its back: nothing it
 * wrote may be lost, and the app must decide on what it wrote.
 */
describe('the decision-state cache with a second writer on the same store', () => {
  let subject: TestApp;
  let otherStore: SqliteEventStore;
  let otherWriter: TreatyCommands;

  /** Reports a development through the other writer, as a second replica's write path would. */
  const writeElsewhere = (body: Record<string, unknown>, treatyId = RU_IR.id) =>
    otherWriter.execute(
      treatyId,
      (eventId) => ({ type: 'ReportDevelopment', data: { eventId, development: body as DevelopmentReport } }),
      {
        principal: { role: 'editor', keyId: 'other-process' },
        correlationId: 'other-process',
        route: 'POST /treaties/:treatyId/developments',
        body,
      },
    );

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    const { store } = subject.config;
    if (store.kind !== 'embedded') throw new Error('this test needs the embedded store');
    otherStore = new SqliteEventStore({ file: store.file });
    otherWriter = new TreatyCommands(
      new TreatyWriter(
        otherStore,
        fixedClock(),
        subject.app.get(Metrics),
        new TreatyDecisionStates(otherStore, subject.config),
        new OneWriteAtATime(),
      ),
    );
    await registerRuIr(subject.http);
    await post(subject.http, developments, signature()).expect(201); // the app's cache is now at revision 1
  });
  afterAll(async () => {
    await otherStore.close();
    await subject.close();
  });

  it('reads what the other writer appended before it decides, and chains its hash after it', async () => {
    const elsewhere = await writeElsewhere(dumaApproval());
    expect(elsewhere.revision).toBe(2n);

    const answer = await post(
      subject.http,
      developments,
      dumaApproval({ party: 'IR', body: 'Majlis', occurredOn: '2025-05-21' }),
    ).expect(201);
    expect(answer.body.revision).toBe('3');

    const events = await storedEvents(subject, RU_IR.id);
    expect(events.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n]);
    expect(events[2]!.id).toBe(elsewhere.eventId);
    const verified = await request(subject.http)
      .get(`/audit/treaties/${RU_IR.id}/verify`)
      .set('Authorization', bearer(KEYS.auditor))
      .expect(200);
    expect(verified.body).toMatchObject({ ok: true, checked: 4 });
  });

  it('decides on the other writer’s events: a rule they bring into force applies at once', async () => {
    await writeElsewhere({
      type: 'terminated',
      occurredOn: '2025-05-30',
      source: { publisher: 'TASS', publishedOn: '2025-05-30' },
    });
    const refused = await post(
      subject.http,
      developments,
      dumaApproval({ type: 'ratification-completed', body: undefined, occurredOn: '2025-05-31' }),
    ).expect(409);
    expect(refused.body.code).toBe('TREATY_TERMINATED');
  });

  it('takes an If-Match that only the other writer’s revision satisfies, and refuses an older one with 412', async () => {
    const other = await post(subject.http, '/treaties', { ...RU_IR, id: 'ru-ir-cache-if-match' }).expect(201);
    expect(other.headers.etag).toBe('"0"');
    const path = '/treaties/ru-ir-cache-if-match/developments';
    await post(subject.http, path, signature()).expect(201);
    await writeElsewhere(dumaApproval(), 'ru-ir-cache-if-match');
    const stale = await post(subject.http, path, dumaApproval({ party: 'IR', body: 'Majlis' }))
      .set('If-Match', '"1"')
      .expect(412);
    expect(stale.body).toMatchObject({ code: 'REVISION_MISMATCH', currentRevision: '2' });
    await post(subject.http, path, dumaApproval({ party: 'IR', body: 'Majlis' }))
      .set('If-Match', '"2"')
      .expect(201);
  });

  it('answers 503 TREATY_BUSY with Retry-After when other writers win every attempt, and writes nothing', async () => {
    await post(subject.http, '/treaties', { ...RU_IR, id: 'ru-ir-cache-busy' }).expect(201);
    const path = '/treaties/ru-ir-cache-busy/developments';
    await post(subject.http, path, signature()).expect(201);
    const appStore = subject.app.get<EventStore>(EVENT_STORE);
    // Another process appends first, every time: each attempt conflicts, and the writer gave no If-Match.
    const spy = jest
      .spyOn(appStore, 'appendToStream')
      .mockRejectedValue(new WrongExpectedRevisionError('treaty-ru-ir-cache-busy', 1n, 2n));
    try {
      const answer = await post(subject.http, path, dumaApproval()).expect(503);
      expect(answer.body).toMatchObject({ code: 'TREATY_BUSY' });
      expect(answer.headers['retry-after']).toBeDefined();
      // The state this process knew, then five caught-up states: only those count as attempts.
      expect(spy).toHaveBeenCalledTimes(6);
    } finally {
      spy.mockRestore();
    }
    expect(await storedEvents(subject, 'ru-ir-cache-busy')).toHaveLength(2);
  });

  it('conflicts when the other writer appends between its read and its append, forgets and decides again', async () => {
    await post(subject.http, '/treaties', { ...RU_IR, id: 'ru-ir-cache-race' }).expect(201);
    const path = '/treaties/ru-ir-cache-race/developments';
    await post(subject.http, path, signature()).expect(201);
    const appStore = subject.app.get<EventStore>(EVENT_STORE);
    const append = appStore.appendToStream.bind(appStore);
    const spy = jest.spyOn(appStore, 'appendToStream').mockImplementationOnce(async (...args) => {
      // The other process wins the race: a ratification that the app's decision did not see.
      await writeElsewhere(dumaApproval({ type: 'ratification-completed', body: undefined }), 'ru-ir-cache-race');
      return append(...args);
    });
    try {
      const answer = await post(subject.http, path, dumaApproval({ party: 'IR', body: 'Majlis' })).expect(201);
      expect(answer.body.revision).toBe('3');
      expect(spy).toHaveBeenCalledTimes(2); // the conflicting append, then the one decided on the new state
    } finally {
      spy.mockRestore();
    }
    const events = await storedEvents(subject, 'ru-ir-cache-race');
    expect(events.map((event) => event.type)).toEqual([
      'TreatyRegistered',
      'TreatySigned',
      'RatificationCompleted',
      'LegislativeApprovalGiven',
    ]);
    const verified = await request(subject.http)
      .get('/audit/treaties/ru-ir-cache-race/verify')
      .set('Authorization', bearer(KEYS.auditor))
      .expect(200);
    expect(verified.body).toMatchObject({ ok: true, checked: 4 });
  });

  it('answers a retry with the first answer when the other writer holds the key’s event', async () => {
    await post(subject.http, '/treaties', { ...RU_IR, id: 'ru-ir-cache-keys' }).expect(201);
    const path = '/treaties/ru-ir-cache-keys/developments';
    const first = await post(subject.http, path, signature()).set('Idempotency-Key', 'cache-key-1').expect(201);
    const again = await post(subject.http, path, signature()).set('Idempotency-Key', 'cache-key-1').expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.eventId).toBe(first.body.eventId);
    const reused = await post(subject.http, path, dumaApproval()).set('Idempotency-Key', 'cache-key-1').expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await storedEvents(subject, 'ru-ir-cache-keys')).toHaveLength(2);
  });
});

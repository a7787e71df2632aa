import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { LogVerifier } from '@timeline/audit';
import {
  IdempotencyConflictError,
  InMemoryEventStore,
  WrongExpectedRevisionError,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@timeline/event-store';
import { decide, treatyStreamName, type TreatyCommand } from '@timeline/treaty';
import { TREATY_ID, register, report, source, uuid } from '@timeline/treaty/testing';
import type { AppConfig } from '../../config/app-config';
import { Metrics } from '../../metrics/metrics.service';
import { ApiProblem } from '../../problems/api-problem';
import type { ReadModels } from '../../read-models/read-models.service';
import { OneWriteAtATime } from '../decision-state/one-write-at-a-time';
import { TreatyDecisionStates } from '../decision-state/treaty-decision-states.service';
import { TreatyWriter, type TreatyWrite } from './treaty-writer.service';
import type { WriteRequest } from './write-request';

/** An in-memory store that counts its stream reads and the events they return, to tell a kept state from a read. */
class CountingStore extends InMemoryEventStore {
  reads = 0;
  eventsRead = 0;
  override async *readStream(streamName: string, options?: ReadStreamOptions) {
    this.reads += 1;
    for await (const event of super.readStream(streamName, options)) {
      this.eventsRead += 1;
      yield event;
    }
  }
}

type Answer = { appended: string[]; revision: bigint } | { replayOf: string; fingerprint: string };

const stream = treatyStreamName(TREATY_ID);
const signature = (id: string) => report(id, { type: 'signed', occurredOn: '2025-01-17' });
const signatureReportedBy = (id: string, publisher: string) =>
  report(id, { type: 'signed', occurredOn: '2025-01-17', source: source({ publisher }) });
const approval = (id: string, party: string, publisher?: string) =>
  report(id, {
    type: 'legislative-approval',
    occurredOn: '2025-04-08',
    party,
    body: `${party} parliament`,
    ...(publisher ? { source: source({ publisher }) } : {}),
  });

describe('TreatyWriter', () => {
  let store: CountingStore;
  let metrics: Metrics;
  let writer: TreatyWriter;
  let decisions: number;

  const request = (overrides: Partial<WriteRequest> = {}): WriteRequest => ({
    principal: { role: 'editor', keyId: 'editor-key' },
    correlationId: 'correlation-1',
    route: 'POST /spec',
    body: { some: 'body' },
    ...overrides,
  });

  /** A write of these commands, one event each, under these ids; it counts its decisions. */
  const writeOf =
    (ids: readonly string[], commands: (ids: readonly string[]) => TreatyCommand[]) => (): TreatyWrite<Answer> => ({
      eventIds: ids,
      decide: (state, today) => {
        decisions += 1;
        return commands(ids).map((command) => decide(command, state, { today }));
      },
      replay: (earlier) => ({ replayOf: earlier.id, fingerprint: String(earlier.fingerprint) }),
      appended: (events, result) => ({
        appended: events.map((event) => event.type),
        revision: result.nextExpectedRevision,
      }),
    });
  const registration = writeOf([uuid(1)], ([id]) => [register({ eventId: id! })]);
  const signing = writeOf([uuid(2)], ([id]) => [signature(id!)]);
  const russianApproval = writeOf([uuid(3)], ([id]) => [approval(id!, 'RU')]);

  const storedEvents = async (): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of store.readStream(stream)) events.push(event);
    return events;
  };
  /** The verifier's result over the stream as stored: every hash and link of the chain checked. */
  const chainOfStoredEvents = async () => {
    const verifier = new LogVerifier();
    for (const event of await storedEvents()) verifier.add(event);
    return verifier.result();
  };
  const counted = async (counter: 'appends' | 'conflicts') =>
    (await metrics[counter].get()).values.reduce((sum, { value }) => sum + value, 0);

  /** A writer on the test's store with a cache of its own, as this process or another one would have. */
  const writerOnTheStore = () =>
    new TreatyWriter(
      store,
      () => new Date('2025-12-01T12:00:00Z'),
      metrics,
      new TreatyDecisionStates(store, { decisionCacheSize: 10 } as AppConfig),
      new OneWriteAtATime(),
    );

  beforeEach(() => {
    store = new CountingStore();
    metrics = new Metrics({ projection: { position: null } } as unknown as ReadModels, store);
    writer = writerOnTheStore();
    decisions = 0;
  });

  it('seals the decided events in one chain at the revisions after the state, and answers from the append', async () => {
    await writer.write(TREATY_ID, request(), registration);
    const batch = writeOf([uuid(2), uuid(3)], ([first, second]) => [signature(first!), approval(second!, 'RU')]);
    const answer = await writer.write(TREATY_ID, request({ idempotencyKey: 'key-1' }), batch);

    expect(answer).toEqual({ appended: ['TreatySigned', 'LegislativeApprovalGiven'], revision: 2n });
    const events = await storedEvents();
    expect(events.map((event) => event.id)).toEqual([uuid(1), uuid(2), uuid(3)]);
    expect(await chainOfStoredEvents()).toMatchObject({ ok: true, checked: 3 });
    expect(events[2]!.metadata).toMatchObject({
      actor: 'editor-key',
      correlationId: 'correlation-1',
      idempotency: { key: 'key-1', fingerprint: expect.any(String) },
    });
    expect(events[0]!.metadata).not.toHaveProperty('idempotency');
    expect(await counted('appends')).toBe(3);
  });

  it('decides a write without a key on the state it left, reading nothing; reads back after a keyed write', async () => {
    await writer.write(TREATY_ID, request(), registration);
    store.reads = 0;
    await writer.write(TREATY_ID, request(), signing);
    const batch = writeOf([uuid(3), uuid(4)], ([first, second]) => [approval(first!, 'RU'), approval(second!, 'IR')]);
    await writer.write(TREATY_ID, request(), batch);
    expect(store.reads).toBe(0); // a single event and a batch, each decided on the state the last write left

    await writer.write(
      TREATY_ID,
      request({ idempotencyKey: 'key-5' }),
      // Another source's report of the signature: the same source's again would be refused (decision 0040).
      writeOf([uuid(5)], ([id]) => [signatureReportedBy(id!, 'IRNA')]),
    );
    // A keyed write catches up first (its key may be in the store already), and reads its event back after the
    // append: the store may hold another copy of it, appended first by another process.
    expect(store.reads).toBe(2);
    store.reads = 0;
    await writer.write(
      TREATY_ID,
      request(),
      writeOf([uuid(6)], ([id]) => [approval(id!, 'RU', 'IRNA')]),
    );
    expect(store.reads).toBe(0); // the state the keyed write read back
    expect(await chainOfStoredEvents()).toMatchObject({ ok: true, checked: 6 });
  });

  it('answers a refusal only on the caught-up state: an If-Match that another writer’s append satisfies', async () => {
    await writer.write(TREATY_ID, request(), registration);
    const elsewhere = writerOnTheStore();
    await elsewhere.write(TREATY_ID, request(), signing); // this writer still knows revision 0
    store.eventsRead = 0;

    const answer = await writer.write(TREATY_ID, request({ ifMatch: [1n] }), russianApproval);

    expect(answer).toEqual({ appended: ['LegislativeApprovalGiven'], revision: 2n });
    expect(store.eventsRead).toBe(1); // caught up with the other writer's event only
    expect(await counted('conflicts')).toBe(0);
  });

  it('judges If-Match on the caught-up state when its known state conflicts: `*` holds, an older revision gets 412', async () => {
    await writer.write(TREATY_ID, request(), registration);
    await writerOnTheStore().write(TREATY_ID, request(), signing); // this writer still knows revision 0

    const anyRevision = await writer.write(TREATY_ID, request({ ifMatch: '*' }), russianApproval);
    expect(anyRevision).toEqual({ appended: ['LegislativeApprovalGiven'], revision: 2n });

    await writerOnTheStore().write(
      TREATY_ID,
      request(),
      writeOf([uuid(4)], ([id]) => [approval(id!, 'IR')]),
    );
    const stale = await writer
      .write(
        TREATY_ID,
        request({ ifMatch: [2n] }),
        writeOf([uuid(5)], ([id]) => [signature(id!)]),
      )
      .catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(WrongExpectedRevisionError);
    expect(stale).toMatchObject({ expected: 2n, actual: 3n });
    expect((await storedEvents()).map((event) => event.id)).toEqual([uuid(1), uuid(2), uuid(3), uuid(4)]);
  });

  it('catches up, reading only the new events, when its known state conflicts with another writer’s append', async () => {
    await writer.write(TREATY_ID, request(), registration);
    const elsewhere = writerOnTheStore();
    await elsewhere.write(TREATY_ID, request(), signing);
    store.eventsRead = 0;
    decisions = 0;

    const answer = await writer.write(TREATY_ID, request(), russianApproval);

    expect(answer).toEqual({ appended: ['LegislativeApprovalGiven'], revision: 2n });
    expect(decisions).toBe(2); // on the known state (its append conflicted), then on the caught-up one
    expect(store.eventsRead).toBe(1);
    expect(await counted('conflicts')).toBe(1);
    expect(await chainOfStoredEvents()).toMatchObject({ ok: true, checked: 3 });
  });

  it('answers a retry under its Idempotency-Key from the stored event, deciding and appending nothing', async () => {
    await writer.write(TREATY_ID, request(), registration);
    const keyed = request({ idempotencyKey: 'key-2' });
    await writer.write(TREATY_ID, keyed, signing);
    decisions = 0;

    const again = await writer.write(TREATY_ID, keyed, signing);

    expect(again).toEqual({ replayOf: uuid(2), fingerprint: expect.any(String) });
    expect(decisions).toBe(0);
    expect(await storedEvents()).toHaveLength(2);
  });

  it('answers a keyed write as a retry when another process appended a copy of it first, at the same revision', async () => {
    await writer.write(TREATY_ID, request(), registration);
    // Two copies of one request, in two processes, decide on the same state: the other's append lands first, and
    // the store answers ours as its idempotent repeat (the ids are derived from the key).
    const elsewhere = writerOnTheStore();
    const append = store.appendToStream.bind(store);
    jest.spyOn(store, 'appendToStream').mockImplementationOnce(async (...args) => {
      await elsewhere.write(TREATY_ID, request({ idempotencyKey: 'key-5', correlationId: 'the-copy' }), signing);
      return append(...args);
    });

    const answer = await writer.write(TREATY_ID, request({ idempotencyKey: 'key-5' }), signing);

    expect(answer).toEqual({ replayOf: uuid(2), fingerprint: expect.any(String) });
    expect((await storedEvents()).map((event) => event.metadata['correlationId'])).toEqual([
      'correlation-1',
      'the-copy',
    ]);
  });

  it('refuses a stale If-Match before deciding (412), and counts the conflict', async () => {
    await writer.write(TREATY_ID, request(), registration);

    await expect(writer.write(TREATY_ID, request({ ifMatch: [5n] }), signing)).rejects.toThrow(
      WrongExpectedRevisionError,
    );
    await expect(writer.write('never-registered', request({ ifMatch: '*' }), signing)).rejects.toThrow(
      WrongExpectedRevisionError,
    );
    expect(decisions).toBe(1); // the registration only
    expect(await counted('conflicts')).toBe(2);
  });

  it('takes an If-Match listing revisions: appends at the one that is current; a writer who gets in first is 412', async () => {
    await writer.write(TREATY_ID, request(), registration);
    await writer.write(TREATY_ID, request(), signing);
    const appendNow = store.appendToStream.bind(store);
    const append = jest.spyOn(store, 'appendToStream');

    const answer = await writer.write(TREATY_ID, request({ ifMatch: [0n, 1n] }), russianApproval);
    expect(answer).toEqual({ appended: ['LegislativeApprovalGiven'], revision: 2n });
    expect(append.mock.calls[0]![2]).toEqual({ expectedRevision: 1n });

    // The list holds at revision 2, and the write is appended there: another writer's event lands first.
    const elsewhere = writerOnTheStore();
    append.mockImplementationOnce(async (...args) => {
      await elsewhere.write(
        TREATY_ID,
        request(),
        writeOf([uuid(8)], ([id]) => [approval(id!, 'IR')]),
      );
      return appendNow(...args);
    });
    const raced = await writer
      .write(
        TREATY_ID,
        request({ ifMatch: [1n, 2n] }),
        writeOf([uuid(9)], ([id]) => [signatureReportedBy(id!, 'IRNA')]),
      )
      .catch((error: unknown) => error);
    expect(raced).toBeInstanceOf(WrongExpectedRevisionError);
    expect(raced).toMatchObject({ expected: 2n, actual: 3n });

    const none = (ifMatch: readonly [bigint, ...bigint[]]) =>
      writer
        .write(
          TREATY_ID,
          request({ ifMatch }),
          writeOf([uuid(10)], ([id]) => [signatureReportedBy(id!, 'IRNA')]),
        )
        .catch((error: unknown) => error);
    // Named by the last revision listed that the treaty has moved past, else by the latest listed.
    expect(await none([7n, 1n, 0n])).toMatchObject({ expected: 1n, actual: 3n });
    expect(await none([5n, 7n])).toMatchObject({ expected: 7n, actual: 3n });
    expect((await storedEvents()).map((event) => event.id)).toEqual([uuid(1), uuid(2), uuid(3), uuid(8)]);
  });

  it('decides again on the new state when another writer got in first, without If-Match', async () => {
    await writer.write(TREATY_ID, request(), registration);
    // Another process on the same store: it appends between this writer's read and append.
    const elsewhere = writerOnTheStore();
    const append = store.appendToStream.bind(store);
    const spy = jest.spyOn(store, 'appendToStream').mockImplementationOnce(async (...args) => {
      await elsewhere.write(
        TREATY_ID,
        request(),
        writeOf([uuid(9)], ([id]) => [signature(id!)]),
      );
      return append(...args);
    });
    decisions = 0;

    const answer = await writer.write(TREATY_ID, request(), russianApproval);

    expect(answer).toEqual({ appended: ['LegislativeApprovalGiven'], revision: 2n });
    expect(spy).toHaveBeenCalledTimes(3); // the conflicting append, the other writer's, the one decided again
    expect(decisions).toBe(3); // this writer's two decisions and the other writer's one
    expect((await storedEvents()).map((event) => event.id)).toEqual([uuid(1), uuid(9), uuid(3)]);
    expect(await counted('conflicts')).toBe(1);
  });

  it('gives up after five conflicts on a caught-up state: 503 TREATY_BUSY without If-Match, 412 with one', async () => {
    await writer.write(TREATY_ID, request(), registration);
    const spy = jest.spyOn(store, 'appendToStream').mockRejectedValue(new WrongExpectedRevisionError(stream, 0n, 1n));

    const busy = await writer.write(TREATY_ID, request(), signing).catch((error: unknown) => error);
    expect(busy).toBeInstanceOf(ApiProblem);
    expect(busy).toMatchObject({ status: 503, code: 'TREATY_BUSY' });
    // The first decision, on the state this process knew, is not one of the five: that state was only behind.
    expect(spy).toHaveBeenCalledTimes(6);

    spy.mockClear();
    const keyed = writer.write(TREATY_ID, request({ ifMatch: [0n], idempotencyKey: 'key-3' }), signing);
    await expect(keyed).rejects.toThrow(WrongExpectedRevisionError);
    expect(spy).toHaveBeenCalledTimes(5); // read again each time: the conflict might be this key's other request

    spy.mockClear();
    await expect(writer.write(TREATY_ID, request({ ifMatch: [0n] }), signing)).rejects.toThrow(
      WrongExpectedRevisionError,
    );
    expect(spy).toHaveBeenCalledTimes(1);
    expect(await counted('conflicts')).toBe(12);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED when the store holds some of the ids and not others', async () => {
    await writer.write(TREATY_ID, request(), registration);
    jest.spyOn(store, 'appendToStream').mockRejectedValueOnce(new IdempotencyConflictError(stream, [uuid(2)], 'mixed'));

    const refused = await writer
      .write(TREATY_ID, request({ idempotencyKey: 'key-4' }), signing)
      .catch((error: unknown) => error);

    expect(refused).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
  });
});

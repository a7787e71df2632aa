import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KEYS } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  RU_IR,
  dumaApproval,
  fixedClock,
  post,
  registerRuIr,
  signature,
  source,
  storedEvents,
} from '../support/treaty-requests';

const developments = `/treaties/${RU_IR.id}/developments`;

describe('optimistic concurrency with If-Match', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    await registerRuIr(subject.http);
  });
  afterAll(() => subject.close());

  it('lets exactly one of two editors racing with the same ETag win; the other gets 412 with the current revision', async () => {
    const etag = (await post(subject.http, developments, signature()).expect(201)).headers.etag as string;
    const [first, second] = await Promise.all([
      post(subject.http, developments, dumaApproval()).set('If-Match', etag),
      post(
        subject.http,
        developments,
        dumaApproval({ party: 'IR', body: 'Majlis', occurredOn: '2025-05-21' }),
        KEYS.otherEditor,
      ).set('If-Match', etag),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 412]);
    const loser = first.status === 412 ? first : second;
    expect(loser.body).toMatchObject({ code: 'REVISION_MISMATCH', currentRevision: '2' });
    // In the editor's terms: the treaty, not the store's stream.
    expect(loser.body.detail).toMatch(
      new RegExp(`^Treaty ${RU_IR.id} has changed since revision 1 \\(your If-Match\\)`),
    );
    expect(await storedEvents(subject, RU_IR.id)).toHaveLength(3);
  });

  it('accepts a current If-Match, and * for "the treaty exists"', async () => {
    const events = await storedEvents(subject, RU_IR.id);
    const current = `"${events.length - 1}"`;
    await post(
      subject.http,
      developments,
      dumaApproval({ type: 'ratification-completed', body: undefined, occurredOn: '2025-04-21' }),
    )
      .set('If-Match', current)
      .expect(201);
    await post(
      subject.http,
      developments,
      dumaApproval({ type: 'instruments-exchanged', party: undefined, body: undefined, occurredOn: '2025-05' }),
    )
      .set('If-Match', '*')
      .expect(201);
    const response = await post(subject.http, '/treaties/never-registered/developments', signature())
      .set('If-Match', '*')
      .expect(412);
    expect(response.body).toMatchObject({ code: 'REVISION_MISMATCH', currentRevision: 'no_stream' });
    expect(response.body.detail).toBe('Treaty never-registered does not exist, so If-Match * does not hold');
  });

  it('takes a weak ETag of the revision, as a compressing proxy leaves it, by revision (decision 0044)', async () => {
    const revision = (await storedEvents(subject, RU_IR.id)).length - 1;
    const stale = await post(subject.http, developments, dumaApproval({ body: 'Federation Council' }))
      .set('If-Match', `W/"${revision - 1}"`)
      .expect(412);
    expect(stale.body).toMatchObject({ code: 'REVISION_MISMATCH', currentRevision: String(revision) });
    await post(subject.http, developments, dumaApproval({ body: 'Federation Council', occurredOn: '2025-04-16' }))
      .set('If-Match', `W/"${revision}"`)
      .expect(201);
  });

  it('answers 400 INVALID_IF_MATCH for an If-Match that is not an ETag', async () => {
    const response = await post(subject.http, developments, dumaApproval()).set('If-Match', 'yesterday').expect(400);
    expect(response.body).toMatchObject({ code: 'INVALID_IF_MATCH' });
  });
});

describe('Idempotency-Key', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    await registerRuIr(subject.http);
    await post(subject.http, developments, signature()).expect(201);
  });
  afterAll(() => subject.close());

  it('answers a retry with the first answer and appends nothing, even when its If-Match has gone stale', async () => {
    const send = () =>
      post(subject.http, developments, dumaApproval()).set('Idempotency-Key', 'duma-vote-1').set('If-Match', '"1"');
    const first = await send().expect(201);
    await post(
      subject.http,
      developments,
      dumaApproval({ party: 'IR', body: 'Majlis', occurredOn: '2025-05-21' }),
    ).expect(201);
    const retry = await send().expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((await storedEvents(subject, RU_IR.id)).filter((event) => event.id === first.body.eventId)).toHaveLength(1);
    expect(await storedEvents(subject, RU_IR.id)).toHaveLength(4);
  });

  it('appends each event once when retries race', async () => {
    const body = dumaApproval({ type: 'ratification-completed', body: undefined, occurredOn: '2025-04-21' });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => post(subject.http, developments, body).set('Idempotency-Key', 'racing-retries')),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((answer) => answer.body.eventId)).size).toBe(1);
    expect(
      (await storedEvents(subject, RU_IR.id)).filter((event) => event.type === 'RatificationCompleted'),
    ).toHaveLength(1);
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body', async () => {
    const key = 'one-key-two-bodies';
    await post(
      subject.http,
      developments,
      dumaApproval({ type: 'instruments-exchanged', party: undefined, body: undefined, occurredOn: '2025-05' }),
    )
      .set('Idempotency-Key', key)
      .expect(201);
    const before = await storedEvents(subject, RU_IR.id);
    const response = await post(subject.http, developments, dumaApproval({ source: source({ publisher: 'Other' }) }))
      .set('Idempotency-Key', key)
      .expect(422);
    expect(response.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await storedEvents(subject, RU_IR.id)).toHaveLength(before.length);
  });

  it('scopes keys to the API key: another editor with the same key makes a new request', async () => {
    const body = dumaApproval({
      type: 'entered-into-force',
      party: undefined,
      body: undefined,
      occurredOn: '2025-06-01',
    });
    const mine = await post(subject.http, developments, body).set('Idempotency-Key', 'shared-key').expect(201);
    // Their report cites another source: the same source giving the same date again would add nothing (decision
    // 0040); under one editor's key, another body would be IDEMPOTENCY_KEY_REUSED.
    const theirs = await post(
      subject.http,
      developments,
      { ...body, source: source({ publisher: 'Other', publishedOn: '2025-06-01' }) },
      KEYS.otherEditor,
    )
      .set('Idempotency-Key', 'shared-key')
      .expect(201);
    expect(theirs.body.eventId).not.toBe(mine.body.eventId);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { KEYS } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, dumaApproval, fixedClock, post, signature, source, storedEvents } from '../support/treaty-requests';

/**
 * RFC 9110 §13.1.1: `If-Match: "a", "b"` holds when the current tag is any of those listed. Each tag is compared by
 * the revision it names, weak or strong, as decision 0044 has it; the write is appended at the revision that
 * matched, so another writer who gets in first still makes it 412.
 */
describe('If-Match with a list of entity tags', () => {
  let subject: TestApp;
  let treaties = 0;
  /** A treaty of its own, registered and signed: at revision 1, its status's ETag at hand. */
  const signedTreaty = async () => {
    const id = `ru-ir-if-match-${++treaties}`;
    await post(subject.http, '/treaties', { ...RU_IR, id }).expect(201);
    const signing = await post(subject.http, `/treaties/${id}/developments`, signature()).expect(201);
    const status = await request(subject.http).get(`/treaties/${id}`).expect(200);
    return {
      id,
      developments: `/treaties/${id}/developments`,
      signatureId: signing.body.eventId as string,
      statusEtag: status.headers.etag as string,
    };
  };

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
  });
  afterAll(() => subject.close());

  it.each([
    ['strong tags', '"0", "1"'],
    ['a weak tag first, as a proxy leaves one', 'W/"0", "1"'],
    ['the current one first', '"1", "0"'],
    ['two header lines', ['"0"', '"1"']],
  ])('appends a development when the current revision is listed: %s', async (_how, header) => {
    const treaty = await signedTreaty();
    // An array is sent as one header line each (superagent's types allow it for Cookie only).
    const answer = await post(subject.http, treaty.developments, dumaApproval())
      .set('If-Match', header as string)
      .expect(201);
    expect(answer.body).toMatchObject({ revision: '2' });
    expect(answer.headers.etag).toBe('"2"');
  });

  it("takes a status's ETag, weakened or not, among others", async () => {
    const treaty = await signedTreaty();
    await post(subject.http, treaty.developments, dumaApproval())
      .set('If-Match', `"7", W/${treaty.statusEtag}`)
      .expect(201);
  });

  it('answers 412 REVISION_MISMATCH when none of the listed revisions is current, and appends nothing', async () => {
    const treaty = await signedTreaty();
    const stale = await post(subject.http, treaty.developments, dumaApproval())
      .set('If-Match', '"0", W/"5"')
      .expect(412);
    expect(stale.body).toMatchObject({ code: 'REVISION_MISMATCH', currentRevision: '1' });
    expect(stale.body.detail).toMatch(/has changed since revision 0 \(your If-Match\): it is at revision 1/);
    expect(await storedEvents(subject, treaty.id)).toHaveLength(2);
    const unregistered = await post(subject.http, '/treaties', { ...RU_IR, id: 'ru-ir-if-match-none' })
      .set('If-Match', '"0", "1"')
      .expect(412);
    expect(unregistered.body).toMatchObject({ code: 'REVISION_MISMATCH', currentRevision: 'no_stream' });
  });

  it('lets exactly one of two editors racing with the same list win; the other gets 412', async () => {
    const treaty = await signedTreaty();
    const [first, second] = await Promise.all([
      post(subject.http, treaty.developments, dumaApproval()).set('If-Match', '"0", "1"'),
      post(
        subject.http,
        treaty.developments,
        dumaApproval({ party: 'IR', body: 'Majlis', occurredOn: '2025-05-21' }),
        KEYS.otherEditor,
      ).set('If-Match', '"0", "1"'),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 412]);
    expect((first.status === 412 ? first : second).body).toMatchObject({
      code: 'REVISION_MISMATCH',
      currentRevision: '2',
    });
    expect(await storedEvents(subject, treaty.id)).toHaveLength(3);
  });

  it('holds on every write route: batch, correction, retraction, and their dry runs', async () => {
    const treaty = await signedTreaty();
    const batch = `/treaties/${treaty.id}/developments:batch`;
    await post(subject.http, batch, [dumaApproval()]).set('If-Match', '"5", "6"').expect(412);
    const approved = await post(subject.http, batch, [dumaApproval()]).set('If-Match', '"0", "1"').expect(201);
    const approvalId = (approved.body.eventIds as string[])[0]!;

    const corrections = `${treaty.developments}/${approvalId}/corrections`;
    const correction = {
      changes: { occurredOn: '2025-04-09' },
      reason: 'The vote was on Wednesday',
      source: source({ publisher: 'State Duma press office', publishedOn: '2025-04-09' }),
    };
    const dryRun = await post(subject.http, `${corrections}?dryRun=true`, correction)
      .set('If-Match', '"1", "2"')
      .expect(200);
    expect(dryRun.headers.etag).toBe('"2"');
    await post(subject.http, `${corrections}?dryRun=true`, correction).set('If-Match', '"0", "1"').expect(412);
    await post(subject.http, corrections, correction).set('If-Match', '"0", "1"').expect(412);
    await post(subject.http, corrections, correction).set('If-Match', '"1", "2"').expect(201);

    const retractions = `${treaty.developments}/${treaty.signatureId}/retractions`;
    const retraction = { reason: 'Confused with another treaty', source: source({ publishedOn: '2025-04-10' }) };
    await post(subject.http, retractions, retraction).set('If-Match', '"1", "2"').expect(412);
    await post(subject.http, retractions, retraction).set('If-Match', '"2", W/"3"').expect(201);
    expect(await storedEvents(subject, treaty.id)).toHaveLength(5);
  });

  it('answers a retry under its Idempotency-Key with the first answer, also when its list has gone stale', async () => {
    const treaty = await signedTreaty();
    const send = () =>
      post(subject.http, treaty.developments, dumaApproval())
        .set('Idempotency-Key', 'listed-retry')
        .set('If-Match', '"0", "1"');
    const first = await send().expect(201);
    await post(
      subject.http,
      treaty.developments,
      dumaApproval({ party: 'IR', body: 'Majlis', occurredOn: '2025-05-21' }),
    )
      .set('If-Match', '"2"')
      .expect(201);
    const retry = await send().expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await storedEvents(subject, treaty.id)).toHaveLength(4);
  });

  it.each([
    ['* inside a list', '"1", *'],
    ['a tag that names no revision', '"1", "yesterday"'],
    ['a quote never closed', '"1", "2'],
    ['tags without a comma between them', '"1" "2"'],
    ['an empty list', ' , '],
  ])('answers 400 INVALID_IF_MATCH for %s, and appends nothing', async (_what, header) => {
    const treaty = await signedTreaty();
    const response = await post(subject.http, treaty.developments, dumaApproval()).set('If-Match', header).expect(400);
    expect(response.body).toMatchObject({ code: 'INVALID_IF_MATCH' });
    expect(response.body.detail).toContain('a list of them');
    expect(await storedEvents(subject, treaty.id)).toHaveLength(2);
  });

  it('keeps * as it was: it holds for a treaty on record, and only then', async () => {
    const treaty = await signedTreaty();
    await post(subject.http, treaty.developments, dumaApproval()).set('If-Match', '*').expect(201);
    await post(subject.http, '/treaties/never-registered/developments', signature()).set('If-Match', '*').expect(412);
  });
});

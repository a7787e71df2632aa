import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { appendCorrectionMadeBefore0042 } from '../support/correction-before-0042';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, dumaApproval, fixedClock, post, registerRuIr, signature, source } from '../support/treaty-requests';

const developments = `/treaties/${RU_IR.id}/developments`;
const council = (occurredOn: string, publisher: string) =>
  dumaApproval({ body: 'Federation Council', occurredOn, source: source({ publisher, publishedOn: '2025-04-18' }) });

/**
 * A log written before decision 0042, whose correction moved a disagreeing report onto the other's date: the status
 * lists the act recorded twice, so that an editor retracts the one recorded in error (decision 0049).
 */
describe('an act recorded twice', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    await registerRuIr(subject.http);
    await post(subject.http, developments, signature()).expect(201);
  });
  afterAll(() => subject.close());

  const status = async (minPosition?: bigint) =>
    (
      await request(subject.http)
        .get(`/treaties/${RU_IR.id}`)
        .query(minPosition === undefined ? {} : { minPosition: minPosition.toString() })
        .expect(200)
    ).body;

  it('is listed in the status until the copy is retracted', async () => {
    const first = (await post(subject.http, developments, council('2025-04-16', 'TASS')).expect(201)).body.eventId;
    const wrong = (await post(subject.http, developments, council('2025-04-17', 'RIA Novosti')).expect(201)).body
      .eventId;
    expect((await status()).recordedTwice).toEqual([]);

    // What a correction wrote before the decider refused it (409 DEVELOPMENT_ALREADY_ON_RECORD since decision 0042).
    const position = await appendCorrectionMadeBefore0042(subject, RU_IR.id, wrong, '2025-04-16');
    expect((await status(position)).recordedTwice).toEqual([
      { type: 'legislative-approval', party: 'RU', developmentIds: [first, wrong] },
    ]);

    await post(subject.http, `${developments}/${wrong}/retractions`, {
      reason: 'The same vote as TASS reported',
      source: source({ publishedOn: '2025-04-19' }),
    }).expect(201);
    expect((await status()).recordedTwice).toEqual([]);
  });
});

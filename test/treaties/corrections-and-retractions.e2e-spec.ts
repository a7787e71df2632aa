import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
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
const correction = (changes: Record<string, unknown>) => ({
  changes,
  reason: 'The vote was on Tuesday 8 April',
  source: source({ publisher: 'State Duma press office', publishedOn: '2025-04-09', url: undefined }),
});
const retraction = { reason: 'Confused with a committee vote', source: source({ publishedOn: '2025-04-10' }) };

describe('corrections and retractions', () => {
  let subject: TestApp;
  let approvalId: string;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    await registerRuIr(subject.http);
    await post(subject.http, developments, signature()).expect(201);
    approvalId = (await post(subject.http, developments, dumaApproval({ occurredOn: '2025-04-09' })).expect(201)).body
      .eventId as string;
  });
  afterAll(() => subject.close());

  it('appends a correction aimed at the development; the original event stays as it was', async () => {
    const response = await post(
      subject.http,
      `${developments}/${approvalId}/corrections`,
      correction({ occurredOn: '2025-04-08' }),
    ).expect(201);
    expect(response.body).toMatchObject({ eventType: 'DevelopmentCorrected' });
    const events = await storedEvents(subject, RU_IR.id);
    expect(events.find((event) => event.id === approvalId)?.data).toMatchObject({ occurredOn: '2025-04-09' });
    expect(events.find((event) => event.id === response.body.eventId)?.data).toMatchObject({
      developmentId: approvalId,
      changes: { occurredOn: '2025-04-08' },
    });
    // Its Location is the permalink by the correction's id, which answers the development as corrected.
    const permalink = await request(subject.http)
      .get(response.headers.location as string)
      .expect(200);
    expect(permalink.body.development).toMatchObject({ developmentId: approvalId, occurredOn: '2025-04-08' });
  });

  it.each([
    ['EMPTY_CORRECTION', 422, {}],
    ['PARTY_NOT_IN_TREATY', 422, { party: 'KP' }],
    ['DATE_BEFORE_SIGNATURE', 409, { occurredOn: '2024-12-31' }],
    ['DATE_IN_FUTURE', 422, { occurredOn: '2026' }],
  ])('refuses a correction that breaks a rule: %s', async (code, status, changes) => {
    const before = await storedEvents(subject, RU_IR.id);
    const response = await post(subject.http, `${developments}/${approvalId}/corrections`, correction(changes)).expect(
      status,
    );
    expect(response.body).toMatchObject({ code });
    expect(await storedEvents(subject, RU_IR.id)).toHaveLength(before.length);
  });

  it('changes only the vote counts a correction names; null clears one count (decision 0029)', async () => {
    const council = await post(
      subject.http,
      developments,
      dumaApproval({
        body: 'Federation Council',
        occurredOn: '2025-04-16',
        votes: { for: 150, against: 3, abstained: 1 },
      }),
    ).expect(201);
    const corrections = `${developments}/${council.body.eventId}/corrections`;
    // Corrected by a source of the vote's day or later: none could report it before.
    const councilCorrection = (changes: Record<string, unknown>) => ({
      ...correction(changes),
      source: source({ publisher: 'Federation Council press office', publishedOn: '2025-04-16', url: undefined }),
    });
    const votesShown = async () => {
      const status = await request(subject.http).get(`/treaties/${RU_IR.id}`).expect(200);
      const steps = status.body.ratification['RU'].steps as { developmentId: string; votes: unknown }[];
      return steps.find((step) => step.developmentId === council.body.eventId)?.votes;
    };

    await post(subject.http, corrections, councilCorrection({ votes: { for: 152 } })).expect(201);
    expect(await votesShown()).toEqual({ for: 152, against: 3, abstained: 1 });
    const cleared = await post(subject.http, corrections, councilCorrection({ votes: { abstained: null } })).expect(
      201,
    );
    expect(await votesShown()).toEqual({ for: 152, against: 3 });
    // The event records the counts as they now stand, so it reads the same to every consumer of the log.
    const events = await storedEvents(subject, RU_IR.id);
    expect(events.find((event) => event.id === cleared.body.eventId)?.data).toMatchObject({
      changes: { votes: { for: 152, against: 3 } },
    });
    await post(subject.http, corrections, councilCorrection({ votes: null })).expect(201);
    expect(await votesShown()).toBeNull();
  });

  it('says why a field cannot be corrected and what to do instead, not only that it "should not exist"', async () => {
    const refused = await post(
      subject.http,
      `${developments}/${approvalId}/corrections`,
      correction({ type: 'ratification-completed', venue: 'Kremlin' }),
    ).expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(refused.body.errors).toEqual([
      {
        field: 'changes.type',
        message: expect.stringMatching(/^changes\.type cannot be corrected .*: retract the development and report it/),
      },
      { field: 'changes.venue', message: expect.stringMatching(/^changes\.venue is not a field .*: it takes .*place/) },
    ]);
  });

  it('answers 404 DEVELOPMENT_NOT_FOUND for an id that names no development', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await post(subject.http, `${developments}/${unknown}/corrections`, correction({ occurredOn: '2025-04-08' })).expect(
      404,
    );
    const response = await post(subject.http, `${developments}/not-a-uuid/retractions`, retraction).expect(404);
    expect(response.body).toMatchObject({ code: 'DEVELOPMENT_NOT_FOUND' });
  });

  it("names the development when the id is a correction's or a corroboration's: correct or retract that one", async () => {
    // An editor correcting a correction pastes the id the write answered (its permalink resolves it): the answer
    // named no development at all, as if the id were unknown.
    const first = await post(
      subject.http,
      `${developments}/${approvalId}/corrections`,
      correction({ body: 'Duma' }),
    ).expect(201);
    const again = await post(
      subject.http,
      `${developments}/${first.body.eventId}/corrections`,
      correction({ body: 'State Duma' }),
    ).expect(404);
    expect(again.body).toMatchObject({
      code: 'DEVELOPMENT_NOT_FOUND',
      field: 'developmentId',
      developmentId: approvalId,
    });
    expect(again.body.detail).toContain(`a correction of development ${approvalId}`);
    expect(again.body.detail).toContain(`${developments}/${approvalId}/corrections`);
    const corroboration = await post(
      subject.http,
      developments,
      dumaApproval({ occurredOn: '2025-04', body: 'Duma', source: source({ publisher: 'Interfax' }) }),
    ).expect(201);
    expect(corroboration.body.eventType).toBe('DevelopmentCorroborated');
    const retracted = await post(
      subject.http,
      `${developments}/${corroboration.body.eventId}/retractions`,
      retraction,
    ).expect(404);
    expect(retracted.body).toMatchObject({ code: 'DEVELOPMENT_NOT_FOUND', developmentId: approvalId });
    expect(retracted.body.detail).toContain(`a corroborating report of development ${approvalId}`);
    // Nothing was written by either refusal, and the development is still on record.
    const events = await storedEvents(subject, RU_IR.id);
    expect(events.at(-1)?.id).toBe(corroboration.body.eventId);
  });

  it('refuses a correction that makes a report a second record of another (409); retracting it resolves', async () => {
    // Two papers disagree on the day of the Federation Council's vote. The second was wrong: moved onto the first's
    // date, it would be the same vote on record twice, listed twice in Russia's steps.
    const council = (occurredOn: string, publisher: string) =>
      dumaApproval({
        body: 'Federation Council',
        occurredOn,
        source: source({ publisher, publishedOn: '2025-04-18' }),
      });
    await post(subject.http, developments, council('2025-04-16', 'TASS')).expect(201);
    const wrong = await post(subject.http, developments, council('2025-04-17', 'RIA Novosti')).expect(201);
    const before = await storedEvents(subject, RU_IR.id);
    const refused = await post(subject.http, `${developments}/${wrong.body.eventId}/corrections`, {
      ...correction({ occurredOn: '2025-04-16' }),
      source: source({ publishedOn: '2025-04-18' }),
    }).expect(409);
    expect(refused.body).toMatchObject({ code: 'DEVELOPMENT_ALREADY_ON_RECORD', field: 'changes' });
    expect(refused.body.detail).toContain(`retract ${wrong.body.eventId as string} instead`);
    expect(await storedEvents(subject, RU_IR.id)).toHaveLength(before.length);
    await post(subject.http, `${developments}/${wrong.body.eventId}/retractions`, retraction).expect(201);
  });

  it('retracts a development with its corrections; retracting or correcting it again is refused', async () => {
    const response = await post(subject.http, `${developments}/${approvalId}/retractions`, retraction).expect(201);
    expect(response.body).toMatchObject({ eventType: 'DevelopmentRetracted' });
    const again = await post(subject.http, `${developments}/${approvalId}/retractions`, retraction).expect(409);
    expect(again.body).toMatchObject({ code: 'DEVELOPMENT_RETRACTED' });
    await post(subject.http, `${developments}/${approvalId}/corrections`, correction({ body: 'Duma' })).expect(409);
    const events = await storedEvents(subject, RU_IR.id);
    expect(events.filter((event) => event.id === approvalId)).toHaveLength(1);
  });

  it('answers 400 for a retraction without a reason', async () => {
    const response = await post(subject.http, `${developments}/${approvalId}/retractions`, { source: source() }).expect(
      400,
    );
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@timeline/event-store';
import { treatyStreamName } from '@timeline/treaty';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, dumaApproval, fixedClock, post, registerRuIr, signature, source } from '../support/treaty-requests';

const developments = `/treaties/${RU_IR.id}/developments`;
const get = (subject: TestApp, path: string) => request(subject.http).get(path);

describe('GET /treaties/{id}: the status projection', () => {
  let subject: TestApp;
  const positions: Record<string, string> = {};
  let dumaId: string;
  // Recorded time is the store's clock, not the test's: take instants between writes to ask knownAt about.
  const instants: Record<string, string> = {};
  const instant = async (name: string) => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    instants[name] = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
  };
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2025-06-01T12:00:00.000Z') });
    await instant('beforeRegistration');
    await registerRuIr(subject.http);
    positions.signed = (await post(subject.http, developments, signature()).expect(201)).body.position;
    await instant('afterSignature');
    const duma = await post(subject.http, developments, dumaApproval({ occurredOn: '2025-04-09' })).expect(201);
    dumaId = duma.body.eventId;
    positions.duma = duma.body.position;
  });
  afterAll(() => subject.close());

  it('reads the write it was asked to wait for, with the shape consumers rely on', async () => {
    const response = await get(subject, `/treaties/${RU_IR.id}?minPosition=${positions.duma}`).expect(200);
    // The revision (what a write's If-Match compares) and a digest of the bytes (decision 0059).
    expect(response.headers.etag).toMatch(/^"2-[A-Za-z0-9_-]+"$/);
    expect(response.body).toMatchObject({
      id: RU_IR.id,
      title: RU_IR.title,
      parties: ['RU', 'IR'],
      status: 'ratification-in-progress',
      signedOn: '2025-01-17',
      enteredIntoForceOn: null,
      revision: '2',
      position: positions.duma,
      ratification: {
        RU: {
          status: 'in-progress',
          completedOn: null,
          steps: [
            {
              type: 'legislative-approval',
              body: 'State Duma',
              occurredOn: '2025-04-09',
              sources: [expect.objectContaining({ publisher: 'The Moscow Times' })],
            },
          ],
        },
        IR: { status: 'pending', completedOn: null, steps: [] },
      },
    });
  });

  it('applies corrections, merges corroborating sources and leaves retracted developments out', async () => {
    await post(subject.http, `${developments}/${dumaId}/corrections`, {
      changes: { occurredOn: '2025-04-08' },
      reason: 'The vote was on Tuesday',
      source: source({ publisher: 'State Duma', publishedOn: '2025-04-08', url: undefined }),
    }).expect(201);
    await post(
      subject.http,
      developments,
      dumaApproval({
        occurredOn: '2025-04',
        source: source({ publisher: 'Brussels Morning Newspaper', publishedOn: '2025-05-21' }),
      }),
    ).expect(201);
    const majlis = await post(
      subject.http,
      developments,
      dumaApproval({
        party: 'IR',
        body: 'Majlis',
        occurredOn: '2025-05-21',
        source: source({ publisher: 'Reuters', publishedOn: '2025-05-21' }),
      }),
    ).expect(201);
    const retraction = await post(subject.http, `${developments}/${majlis.body.eventId}/retractions`, {
      reason: 'Reported too early',
      source: source({ publisher: 'Reuters', publishedOn: '2025-05-22' }),
    }).expect(201);

    const response = await get(subject, `/treaties/${RU_IR.id}?minPosition=${retraction.body.position}`).expect(200);
    const ru = response.body.ratification.RU;
    expect(ru.steps).toHaveLength(1);
    expect(ru.steps[0]).toMatchObject({ occurredOn: '2025-04-08' });
    expect(ru.steps[0].sources.map((s: { publisher: string }) => s.publisher)).toEqual([
      'The Moscow Times',
      'Brussels Morning Newspaper',
    ]);
    expect(response.body.ratification.IR).toMatchObject({ status: 'pending', steps: [] });
  });

  it('moves to ratified and in-force as parties complete and the treaty takes effect', async () => {
    const complete = (party: string, occurredOn: string) =>
      post(subject.http, developments, {
        type: 'ratification-completed',
        party,
        occurredOn,
        source: source({ publishedOn: occurredOn }),
      }).expect(201);
    await complete('RU', '2025-04-21');
    const ir = await complete('IR', '2025-05-28');
    let response = await get(subject, `/treaties/${RU_IR.id}?minPosition=${ir.body.position}`).expect(200);
    expect(response.body).toMatchObject({
      status: 'ratified',
      ratification: {
        RU: { status: 'completed', completedOn: '2025-04-21' },
        IR: { status: 'completed', completedOn: '2025-05-28' },
      },
    });
    const inForce = await post(subject.http, developments, {
      type: 'entered-into-force',
      occurredOn: '2025-05-30',
      source: source({ publishedOn: '2025-05-30' }),
    }).expect(201);
    response = await get(subject, `/treaties/${RU_IR.id}?minPosition=${inForce.body.position}`).expect(200);
    expect(response.body).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2025-05-30' });
  });

  it('answers asOf: the status as it stood in the world on that date', async () => {
    const before = await get(subject, `/treaties/${RU_IR.id}?asOf=2025-01-16`).expect(200);
    expect(before.body).toMatchObject({ status: 'registered', signedOn: null });
    const signed = await get(subject, `/treaties/${RU_IR.id}?asOf=2025-01-17`).expect(200);
    expect(signed.body).toMatchObject({ status: 'signed', signedOn: '2025-01-17' });
    const april = await get(subject, `/treaties/${RU_IR.id}?asOf=2025-04-30`).expect(200);
    expect(april.body).toMatchObject({
      status: 'ratification-in-progress',
      ratification: { RU: { status: 'completed' } },
    });
  });

  it('answers knownAt: the status as the record stood at that moment', async () => {
    const before = await get(subject, `/treaties/${RU_IR.id}?knownAt=${instants.beforeRegistration}`).expect(404);
    expect(before.body).toMatchObject({ code: 'TREATY_NOT_FOUND' });
    // Not "no treaty has the id": the auditor learns it was recorded later, and when.
    const firstRecordedAt = /first recorded at (\S+)$/.exec(before.body.detail as string)?.[1];
    expect(before.body.detail).toContain(`was not on record at knownAt ${instants.beforeRegistration}`);
    expect(firstRecordedAt! > instants.beforeRegistration!).toBe(true);
    expect(firstRecordedAt! < instants.afterSignature!).toBe(true);
    const timeline = await get(subject, `/treaties/${RU_IR.id}/timeline?knownAt=${instants.beforeRegistration}`);
    expect(timeline.status).toBe(404);
    expect(timeline.body.detail).toBe(before.body.detail);
    const signed = await get(subject, `/treaties/${RU_IR.id}?knownAt=${instants.afterSignature}`).expect(200);
    expect(signed.body).toMatchObject({ status: 'signed', revision: '1', ratification: { RU: { status: 'pending' } } });
    const both = await get(subject, `/treaties/${RU_IR.id}?knownAt=${instants.afterSignature}&asOf=2025-01-16`).expect(
      200,
    );
    expect(both.body).toMatchObject({ status: 'registered' });
    const now = await get(subject, `/treaties/${RU_IR.id}?knownAt=${new Date().toISOString()}`).expect(200);
    expect(now.body).toMatchObject({ status: 'in-force' });
  });

  it('answers 404 for an unknown treaty and 400 for malformed query parameters', async () => {
    await get(subject, '/treaties/no-such-treaty').expect(404);
    const response = await get(subject, `/treaties/${RU_IR.id}?asOf=yesterday`).expect(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    await get(subject, `/treaties/${RU_IR.id}?knownAt=2025-06-01`).expect(400);
    await get(subject, `/treaties/${RU_IR.id}?unknown=1`).expect(400);
  });

  it('refuses a date that is written right but does not exist as every other malformed date: 400 naming it', async () => {
    // 30 February matches YYYY-MM-DD; answered 422 INVALID_DATE, it was another status and code than 31-02-2025
    // for the same mistake, on every route that takes asOf or knownAt.
    for (const path of [`/treaties/${RU_IR.id}`, `/treaties/${RU_IR.id}/timeline`]) {
      for (const query of ['asOf=2025-02-30', 'knownAt=2025-02-30T00:00:00Z', 'asOf=2025-13-01']) {
        const field = query.split('=')[0];
        const response = await get(subject, `${path}?${query}`).expect(400);
        expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field }] });
      }
    }
    await get(subject, `/treaties/${RU_IR.id}?asOf=2024-02-29`).expect(200);
  });

  it('refuses a knownAt whose time of day does not exist as it refuses a day that does not: 400 naming it', async () => {
    // Written as a timestamp should be, like 2025-02-30T00:00:00Z, but no clock reads 25:00 or a minute's 60th second.
    for (const knownAt of ['2025-01-01T25:00:00Z', '2025-01-01T12:60:00Z', '2025-01-01T12:00:60Z']) {
      const response = await get(subject, `/treaties/${RU_IR.id}/timeline?knownAt=${knownAt}`);
      expect([knownAt, response.status, response.body.code, response.body.errors]).toEqual([
        knownAt,
        400,
        'VALIDATION_FAILED',
        [{ field: 'knownAt', message: expect.any(String) }],
      ]);
    }
    // The end of a day, as JavaScript reads it, is still taken (the treaty was not on record then), and so are the
    // lower-case "t" and "z" RFC 3339 allows.
    await get(subject, `/treaties/${RU_IR.id}/timeline?knownAt=2025-01-01T24:00:00Z`).expect(404);
    await get(subject, `/treaties/${RU_IR.id}/timeline?knownAt=2025-01-01t12:00:00z`).expect(404);
  });

  it('answers a conditional GET with 304 only while the status sent is current', async () => {
    const original = {
      id: 'ru-ir-trade-agreement',
      title: 'Trade agreement',
      parties: ['RU', 'IR'],
      category: 'trade',
    };
    const registered = await post(subject.http, '/treaties', original).expect(201);
    const first = await get(subject, `/treaties/${original.id}?minPosition=${registered.body.position}`).expect(200);
    expect(first.body.relations).toEqual([]);
    const etag = first.headers.etag!;
    await get(subject, `/treaties/${original.id}`).set('If-None-Match', etag).expect(304);

    // Another treaty's relation shows on this one's status, while this one's stream (its revision) stays as it was.
    const amending = await post(subject.http, '/treaties', {
      id: 'ru-ir-trade-protocol',
      title: 'Protocol amending the trade agreement',
      parties: ['RU', 'IR'],
      category: 'trade',
      relations: [{ type: 'amends', treatyId: original.id }],
    }).expect(201);
    const after = await get(subject, `/treaties/${original.id}?minPosition=${amending.body.position}`)
      .set('If-None-Match', etag)
      .expect(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.headers.etag).toMatch(/^"0-/);
    expect(after.body.relations).toEqual([
      { type: 'amended-by', treatyId: 'ru-ir-trade-protocol', direction: 'incoming' },
    ]);
    await get(subject, `/treaties/${original.id}`).set('If-None-Match', etag).expect(200);
    // What is sent now is current until it changes again: a 304 for it, where the revision alone could give none.
    await get(subject, `/treaties/${original.id}`).set('If-None-Match', after.headers.etag!).expect(304);
  });

  // Decision 0059: a build that renders views otherwise (the last one added `position` to sources) changes a status
  // with no event. The previous builds tagged it with the revision alone, so a client holding the old body kept it.
  it("sends the status in full to a client holding an older rendering's ETag, the revision alone", async () => {
    const current = await get(subject, `/treaties/${RU_IR.id}`).expect(200);
    const held = `"${current.body.revision}"`;
    const again = await get(subject, `/treaties/${RU_IR.id}`).set('If-None-Match', held).expect(200);
    expect(again.body).toEqual(current.body);
    await get(subject, `/treaties/${RU_IR.id}`).set('If-None-Match', `W/${held}`).expect(200);
  });

  it("takes the status's ETag as If-Match, and the revision alone as before, for the revision they name", async () => {
    const current = await get(subject, `/treaties/${RU_IR.id}`).expect(200);
    const written = await post(subject.http, developments, dumaApproval({ occurredOn: '2025-04-10' }))
      .set('If-Match', current.headers.etag!)
      .expect(201);
    // The status read before the write names a revision that has moved: 412, as a write's own ETag would.
    await post(subject.http, developments, dumaApproval({ occurredOn: '2025-04-11' }))
      .set('If-Match', current.headers.etag!)
      .expect(412);
    await post(subject.http, developments, dumaApproval({ occurredOn: '2025-04-11' }))
      .set('If-Match', `W/${current.headers.etag!}`)
      .expect(412);
    await post(subject.http, developments, dumaApproval({ occurredOn: '2025-04-11' }))
      .set('If-Match', `"${written.body.revision}"`)
      .expect(201);
  });

  it('reads at once at a minPosition that is no treaty event: an audit checkpoint, which the read model never applies', async () => {
    await request(subject.http).get('/audit/checkpoint').set('Authorization', bearer(KEYS.auditor)).expect(200);
    const store = subject.app.get<EventStore>(EVENT_STORE);
    let head: RecordedEvent | undefined;
    for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) head = event;
    expect(head?.streamName).toBe('audit-checkpoints');
    const response = await get(subject, `/treaties/${RU_IR.id}?minPosition=${head!.position}`);
    expect(response.status).toBe(200);
    await get(subject, `/treaties?minPosition=${head!.position}`).expect(200);
  }, 10_000);

  it('refuses at once a minPosition past the head of the log: 400 POSITION_PAST_HEAD, not a wait', async () => {
    const started = Date.now();
    const response = await get(subject, `/treaties/${RU_IR.id}?minPosition=999999999`).expect(400);
    expect(response.body).toMatchObject({ code: 'POSITION_PAST_HEAD', field: 'minPosition' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  // Last: it stops the projection, at an event it cannot apply, to make it lag behind a position on record.
  it('answers 504 PROJECTION_LAGGING when the read model does not reach minPosition in time', async () => {
    const store = subject.app.get<EventStore>(EVENT_STORE);
    const unreadable = await store.appendToStream(treatyStreamName(RU_IR.id), [
      { id: randomUUID(), type: 'NotATreatyEvent', data: {} },
    ]);
    const response = await get(subject, `/treaties/${RU_IR.id}?minPosition=${unreadable.position}`).expect(504);
    expect(response.body).toMatchObject({ code: 'PROJECTION_LAGGING' });
  }, 10_000);
});

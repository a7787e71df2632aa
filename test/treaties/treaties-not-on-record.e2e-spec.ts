import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { openLive } from '../support/live-and-downloads';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, fixedClock, post, source } from '../support/treaty-requests';

/**
 * A treaty named before it is registered (decision 0045): accepted, as a backfill imported in file order names
 * treaties the same file registers later, and marked in the namer's views until it is registered.
 */
const NAMED = {
  id: 'ru-ir-transport-corridor',
  title: 'Agreement on the North–South transport corridor',
  parties: ['RU', 'IR'],
  category: 'trade',
};
const statementNaming = {
  type: 'statement',
  speaker: 'Alexei Overchuk',
  quote: 'The partnership treaty opens the way to the corridor agreement.',
  occurredOn: '2025-03-04',
  treaties: [NAMED.id],
  parties: ['RU'],
  source: source({ publishedOn: '2025-03-04' }),
};
const marked = (developmentId: string) => ({
  treatyId: NAMED.id,
  reason: 'not-registered',
  relations: [],
  developmentIds: [developmentId],
});

describe('a development naming a treaty that is not registered, over HTTP', () => {
  let subject: TestApp;
  let statementId: string;
  let statementPosition: string;
  let beforeRegistration: string;

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    await subject.app.listen(0, '127.0.0.1');
    await post(subject.http, '/treaties', RU_IR).expect(201);
    const written = await post(subject.http, `/treaties/${RU_IR.id}/developments`, statementNaming).expect(201);
    statementId = written.body.eventId as string;
    statementPosition = written.body.position as string;
    await new Promise((resolve) => setTimeout(resolve, 5));
    beforeRegistration = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
  });
  afterAll(() => subject.close());

  it('is accepted, and the status, timeline and permalink say the treaty named is not on record', async () => {
    const read = (path: string) => request(subject.http).get(`${path}?minPosition=${statementPosition}`).expect(200);
    expect((await read(`/treaties/${RU_IR.id}`)).body.treatiesNotOnRecord).toEqual([marked(statementId)]);
    expect((await read(`/treaties/${RU_IR.id}/timeline`)).body.treatiesNotOnRecord).toEqual([marked(statementId)]);
    const permalink = await read(`/treaties/${RU_IR.id}/developments/${statementId}`);
    expect(permalink.body.treatiesNotOnRecord).toEqual([marked(statementId)]);
    // The link it marks leads nowhere.
    await request(subject.http).get(`/treaties/${NAMED.id}`).expect(404);
    // Folded on demand too (a past day, a past moment).
    const asOf = await request(subject.http).get(`/treaties/${RU_IR.id}/timeline?asOf=2025-05-01`).expect(200);
    expect(asOf.body.treatiesNotOnRecord).toEqual([marked(statementId)]);
  });

  it('is no longer marked once the treaty is registered, and sync and live clients are told', async () => {
    const registered = await post(subject.http, '/treaties', NAMED).expect(201);
    const at = registered.body.position as string;
    const status = await request(subject.http).get(`/treaties/${RU_IR.id}?minPosition=${at}`).expect(200);
    expect(status.body.treatiesNotOnRecord).toEqual([]);
    // Its own revision has not moved: its ETag names its stream, not what its views show.
    expect(status.body.revision).toBe('1');
    const timeline = await request(subject.http).get(`/treaties/${RU_IR.id}/timeline`).expect(200);
    expect(timeline.body.treatiesNotOnRecord).toEqual([]);
    const asOf = await request(subject.http).get(`/treaties/${RU_IR.id}?asOf=2025-05-01`).expect(200);
    expect(asOf.body.treatiesNotOnRecord).toEqual([]);
    // As the record stood before the registration, the treaty was not on record.
    const then = await request(subject.http).get(`/treaties/${RU_IR.id}?knownAt=${beforeRegistration}`).expect(200);
    expect(then.body.treatiesNotOnRecord).toEqual([marked(statementId)]);

    // Sync: the namer changed at the registration's position, though no event of its own came.
    const page = await request(subject.http).get(`/treaties?changedSince=${statementPosition}`).expect(200);
    expect(page.body.items.map((item: { id: string }) => item.id).sort()).toEqual([NAMED.id, RU_IR.id].sort());
    expect(page.body.items.find((item: { id: string }) => item.id === RU_IR.id).treatiesNotOnRecord).toEqual([]);
    expect(page.body.changedUpTo).toBe(at);
    // Live: a client resuming after the statement is sent the namer's new status, at that position.
    const live = await openLive(subject, statementPosition, `id: ${at}`);
    expect(live.status).toBe(200);
    const namer = live.text
      .split('\n\n')
      .map((message) => /^data: (.*)$/m.exec(message)?.[1])
      .filter((data): data is string => data !== undefined)
      .map((data) => JSON.parse(data) as { id: string; treatiesNotOnRecord?: unknown })
      .find((update) => update.id === RU_IR.id);
    expect(namer?.treatiesNotOnRecord).toEqual([]);
  });
});

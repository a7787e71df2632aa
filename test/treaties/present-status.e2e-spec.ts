import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { downloadText } from '../support/live-and-downloads';
import { startTestApp, type TestApp } from '../support/test-app';
import { post, source } from '../support/treaty-requests';
import { TWO_STATE_CONVENTION as CONVENTION, ratification as consent } from '../support/two-state-convention';

/**
 * Decision 0035 over HTTP: the present is today (the app's clock: 1 August 2026). A convention of two states, in
 * force 30 days after the second instrument: 25 July 2026 + 30 days = 24 August 2026, still ahead.
 */

describe('the present: a status as of today, with the dates the record sets ahead still to come', () => {
  let subject: TestApp;
  let lastPosition: string;
  const START = Date.parse('2026-08-01T12:00:00.000Z');
  let now = START;
  const get = (path: string) => request(subject.http).get(path);
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: () => new Date(now) });
    await post(subject.http, '/treaties', CONVENTION).expect(201);
    for (const [party, on] of [
      ['AT', '2026-07-20'],
      ['BE', '2026-07-25'],
    ] as const) {
      lastPosition = (
        await post(subject.http, `/treaties/${CONVENTION.id}/developments`, consent(party, on)).expect(201)
      ).body.position;
    }
  });
  afterAll(() => subject.close());

  it('is not in force before the day its clause computes, and says when that day comes', async () => {
    const { body } = await get(`/treaties/${CONVENTION.id}?minPosition=${lastPosition}`).expect(200);
    expect(body).toMatchObject({
      status: 'ratified',
      enteredIntoForceOn: null,
      enteredIntoForceOnExpected: '2026-08-24',
      nextChangeOn: '2026-08-24',
      asOf: null,
    });
    expect(body.ratification.AT).toMatchObject({ inForceOn: null });
    const then = await get(`/treaties/${CONVENTION.id}?asOf=2026-08-24`).expect(200);
    expect(then.body).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2026-08-24', nextChangeOn: null });
  });

  it('lists it by its status today, not by the one the record determines ahead', async () => {
    const listed = async (status: string) =>
      (await get(`/treaties?status=${status}`).expect(200)).body.items.map((item: { id: string }) => item.id);
    expect(await listed('ratified')).toEqual([CONVENTION.id]);
    expect(await listed('in-force')).toEqual([]);
  });

  it('answers a conditional read with 304 while it holds, and in full on the day the date comes', async () => {
    const first = await get(`/treaties/${CONVENTION.id}`).expect(200);
    await get(`/treaties/${CONVENTION.id}`).set('If-None-Match', first.headers['etag']!).expect(304);
    // The revision does not move on that day; the bytes, and so the ETag (decision 0059), do.
    now = Date.parse('2026-08-25T12:00:00.000Z');
    try {
      const that = await get(`/treaties/${CONVENTION.id}`).set('If-None-Match', first.headers['etag']!).expect(200);
      expect(that.body).toMatchObject({ status: 'in-force', revision: first.body.revision });
      expect(that.headers['etag']).not.toBe(first.headers['etag']);
    } finally {
      now = START;
    }
  });

  it('says the same in the treaties download, with the date expected', async () => {
    const csv = (await downloadText(subject.http, '/exports/treaties.csv')).body as string;
    const rows = parse<Record<string, string>>(csv, { columns: true, bom: true });
    expect(rows.find((row) => row.id === CONVENTION.id)).toMatchObject({
      status: 'ratified',
      enteredIntoForceOn: '',
      enteredIntoForceOnComputed: 'false',
      enteredIntoForceOnExpected: '2026-08-24',
    });
  });

  it('shows a dry run the status as it would be today, as the write would leave it', async () => {
    const statement = {
      type: 'statement',
      speaker: 'A. Spokesperson',
      quote: 'We look forward to it.',
      occurredOn: '2026-07-30',
      source: source({ publishedOn: '2026-07-30' }),
    };
    const { body } = await post(subject.http, `/treaties/${CONVENTION.id}/developments?dryRun=true`, statement).expect(
      200,
    );
    expect(body.status).toMatchObject({
      status: 'ratified',
      enteredIntoForceOn: null,
      enteredIntoForceOnExpected: '2026-08-24',
      nextChangeOn: '2026-08-24',
    });
  });

  it('at a knownAt later than now, is the present: nothing the service has not reached is taken to have come', async () => {
    // The real time (past 24 August 2026) and a later one are both ahead of the service's clock, 1 August 2026.
    for (const knownAt of [new Date().toISOString(), '2099-01-01T00:00:00Z']) {
      const { body } = await get(`/treaties/${CONVENTION.id}?knownAt=${knownAt}`).expect(200);
      expect(body).toMatchObject({
        status: 'ratified',
        enteredIntoForceOn: null,
        enteredIntoForceOnExpected: '2026-08-24',
        nextChangeOn: '2026-08-24',
      });
    }
  });
});

describe('the present at a knownAt: the dates ahead read against that moment’s day', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);
  let subject: TestApp;
  /** The clause's date: a month after the second instrument, given a week after the real time. */
  let computed: string;
  beforeAll(async () => {
    // The service's clock a year after the real one (which stores record events at), so a knownAt of now is a moment
    // in its past at which the record was as it is.
    const now = Date.now();
    subject = await startTestApp({}, { clock: () => new Date(now + 365 * DAY) });
    await post(subject.http, '/treaties', CONVENTION).expect(201);
    for (const [party, on] of [
      ['AT', isoDay(now + 6 * DAY)],
      ['BE', isoDay(now + 7 * DAY)],
    ] as const) {
      await post(subject.http, `/treaties/${CONVENTION.id}/developments`, consent(party, on)).expect(201);
    }
    computed = isoDay(now + 37 * DAY);
  });
  afterAll(() => subject.close());

  it('is as the present was then: the clause’s date, a month after the real time, still ahead', async () => {
    const get = (path: string) => request(subject.http).get(path).expect(200);
    expect((await get(`/treaties/${CONVENTION.id}`)).body).toMatchObject({ status: 'in-force', nextChangeOn: null });
    const knownAt = new Date().toISOString();
    expect((await get(`/treaties/${CONVENTION.id}?knownAt=${knownAt}`)).body).toMatchObject({
      status: 'ratified',
      enteredIntoForceOn: null,
      enteredIntoForceOnExpected: computed,
      nextChangeOn: computed,
    });
  });
});

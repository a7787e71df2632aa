import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import { collect } from '@timeline/event-store/testing';
import { KEYS, bearer } from '../support/api-keys';
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
const nested = (depth: number, open: string, close: string, inner = '1') =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

function postRaw(http: TestApp['http'], path: string, text: string, type = 'application/json') {
  return request(http).post(path).set('Authorization', bearer(KEYS.editor)).set('Content-Type', type).send(text);
}

describe('refused input: every bad request a clear 4xx with a stable code', () => {
  let subject: TestApp;
  let store: EventStore;
  let developmentId: string;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    store = subject.app.get<EventStore>(EVENT_STORE);
    await registerRuIr(subject.http);
    developmentId = (await post(subject.http, developments, signature()).expect(201)).body.eventId;
  });
  afterAll(() => subject.close());

  describe('depth', () => {
    it.each([
      ['arrays', '[', ']'],
      ['objects', '{"a":', '}'],
    ])(
      'refuses 2,000 nested %s in a source with 400 JSON_TOO_DEEP, before anything recurses',
      async (_, open, close) => {
        const body = JSON.stringify(dumaApproval()).replace(
          '"source":{',
          `"source":{"deep":${nested(2000, open, close)},`,
        );
        const response = await postRaw(subject.http, developments, body).expect(400);
        expect(response.body).toMatchObject({ code: 'JSON_TOO_DEEP', maxDepth: 32 });
        const correction = `{"changes":{"votes":${nested(2000, open, close)}},"reason":"r","source":${JSON.stringify(source())}}`;
        await postRaw(subject.http, `${developments}/${developmentId}/corrections`, correction).expect(400);
      },
    );

    it('takes a body at the deepest this API uses', async () => {
      const correction = {
        changes: { votes: { for: 412, against: 0 } },
        reason: 'The vote count was published later',
        source: source(),
      };
      await post(subject.http, `${developments}/${developmentId}/corrections`, correction).expect(422); // votes do not fit a signature
    });
  });

  describe('duplicate keys', () => {
    it('refuses a key given twice with 400 DUPLICATE_KEY naming it: the last no longer wins', async () => {
      const before = (await storedEvents(subject, RU_IR.id)).length;
      const text = `{"type":"signed","type":"terminated","occurredOn":"2025-02-01","source":${JSON.stringify(source())}}`;
      const response = await postRaw(subject.http, developments, text).expect(400);
      expect(response.body).toMatchObject({ code: 'DUPLICATE_KEY', field: 'type' });
      expect((await storedEvents(subject, RU_IR.id)).length).toBe(before);
    });

    it('names a nested one by its path, and sees through escapes', async () => {
      const text = `{"type":"signed","occurredOn":"2025-02-01","source":{"publisher":"A","publishe\\u0072":"B","publishedOn":"2025-02-01"}}`;
      const response = await postRaw(subject.http, developments, text).expect(400);
      expect(response.body).toMatchObject({ code: 'DUPLICATE_KEY', field: 'source.publisher' });
      const inArray = `{"type":"signed","occurredOn":"2025","signatories":[{"a":1,"a":2}],"source":{}}`;
      expect((await postRaw(subject.http, developments, inArray).expect(400)).body).toMatchObject({
        field: 'signatories.0.a',
      });
    });

    it('lets the same key appear in different objects', async () => {
      const body = JSON.stringify(dumaApproval({ occurredOn: '2025-04', source: source({ quote: 'x' }) }));
      await postRaw(subject.http, developments, body).expect(201);
    });
  });

  describe('media types', () => {
    it.each([
      ['text/plain', 'text/plain'],
      ['form-encoded', 'application/x-www-form-urlencoded'],
      ['multipart', 'multipart/form-data; boundary=x'],
      ['latin-1 JSON', 'application/json; charset=latin1'],
    ])('refuses a %s body with 415 UNSUPPORTED_MEDIA_TYPE', async (_, type) => {
      const response = await postRaw(subject.http, '/treaties', JSON.stringify(RU_IR), type).expect(415);
      expect(response.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    });

    it('refuses a body without a Content-Type with 415', async () => {
      const response = await request(subject.http)
        .post('/treaties')
        .set('Authorization', bearer(KEYS.editor))
        .send(Buffer.from(JSON.stringify(RU_IR)))
        .unset('Content-Type')
        .expect(415);
      expect(response.body).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('takes application/json with or without charset=utf-8, and +json types', async () => {
      const body = (id: string) => JSON.stringify({ ...RU_IR, id });
      await postRaw(subject.http, '/treaties', body('media-a'), 'application/json; charset=utf-8').expect(201);
      await postRaw(subject.http, '/treaties', body('media-b'), 'application/merge-patch+json').expect(201);
    });
  });

  describe('text', () => {
    const cases: [string, string][] = [
      ['only a zero-width space (Cf)', '\u200b'],
      ['a zero-width joiner (Cf)', 'A\u200dB'],
      ['a left-to-right mark (Cf)', 'A\u200eB'],
      ['an Arabic letter mark (Cf)', 'A\u061cB'],
      ['a tag character (Cf)', 'A\u{E0041}B'],
      ['a lone surrogate (Cs)', 'A\ud800B'],
      ['a private-use character (Co)', 'A\ue000B'],
      ['a line separator (Zl)', 'A\u2028B'],
      ['a paragraph separator (Zp)', 'A\u2029B'],
      ['only spaces and combining marks', ' \u0301 '],
    ];
    it.each(cases)('refuses a title or a publisher with %s', async (_, text) => {
      const title = await post(subject.http, '/treaties', { ...RU_IR, id: 'text-refused', title: text }).expect(400);
      expect(title.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(title.body.errors[0]).toMatchObject({ field: 'title' });
      const publisher = await post(subject.http, developments, dumaApproval({ source: source({ publisher: text }) }));
      expect(publisher.status).toBe(400);
      expect(publisher.body.errors[0]).toMatchObject({ field: 'source.publisher' });
    });

    it('refuses a line separator in a quote, where line breaks are allowed', async () => {
      const response = await post(
        subject.http,
        developments,
        dumaApproval({ source: source({ quote: 'first line\nsecond\u2028third' }) }),
      ).expect(400);
      expect(response.body.errors[0]).toMatchObject({ field: 'source.quote' });
    });

    it('takes Persian as it is spelled, with a zero-width non-joiner inside a word', async () => {
      const title = 'معاهده جامع مشارکت راهبردی که ایران و روسیه امضا کرده\u200cاند';
      await post(subject.http, '/treaties', { ...RU_IR, id: 'persian-title', title }).expect(201);
      const [registered] = await storedEvents(subject, 'persian-title');
      expect((registered!.data as { title: string }).title).toBe(title);
    });

    it('normalises names to NFC: a decomposed title is stored composed', async () => {
      const decomposed = 'Traite\u0301 de Moscou';
      await post(subject.http, '/treaties', { ...RU_IR, id: 'nfc-title', title: decomposed }).expect(201);
      const [registered] = await storedEvents(subject, 'nfc-title');
      expect((registered!.data as { title: string }).title).toBe('Trait\u00e9 de Moscou');
    });
  });

  describe('positions', () => {
    it('refuses Last-Event-ID past 2^63-1 on the public /live with 400, not 500', async () => {
      for (const id of ['9223372036854775808', '9999999999999999999']) {
        const response = await request(subject.http).get('/live').set('Last-Event-ID', id).expect(400);
        expect(response.body).toMatchObject({ code: 'INVALID_LAST_EVENT_ID' });
      }
    });

    it('refuses Last-Event-ID past the head with 400 POSITION_PAST_HEAD', async () => {
      const response = await request(subject.http).get('/live').set('Last-Event-ID', '9223372036854775807').expect(400);
      expect(response.body).toMatchObject({ code: 'POSITION_PAST_HEAD', field: 'Last-Event-ID' });
      const one = await request(subject.http)
        .get(`/treaties/${RU_IR.id}/live`)
        .set('Last-Event-ID', '123456789')
        .expect(400);
      expect(one.body).toMatchObject({ code: 'POSITION_PAST_HEAD' });
    });

    it('refuses /audit/log?after= out of range or past the head', async () => {
      const audit = (query: string) =>
        request(subject.http).get(`/audit/log?${query}`).set('Authorization', bearer(KEYS.auditor));
      expect((await audit('after=9223372036854775808').expect(400)).body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'after' }],
      });
      expect((await audit('after=9223372036854775807').expect(400)).body).toMatchObject({
        code: 'POSITION_PAST_HEAD',
        field: 'after',
      });
      await audit('after=0&limit=1').expect(200);
    });

    it('refuses ?minPosition= out of range at once, and past the head at once', async () => {
      for (const path of [`/treaties/${RU_IR.id}`, '/treaties', `/treaties/${RU_IR.id}/timeline`]) {
        const started = Date.now();
        expect(
          (await request(subject.http).get(`${path}?minPosition=9223372036854775808`).expect(400)).body,
        ).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'minPosition' }] });
        expect(
          (await request(subject.http).get(`${path}?minPosition=9223372036854775807`).expect(400)).body,
        ).toMatchObject({ code: 'POSITION_PAST_HEAD' });
        expect(Date.now() - started).toBeLessThan(1000);
      }
    });
  });

  describe('error lists', () => {
    it('lists at most 20 errors and counts the rest, for a body with thousands of unknown fields', async () => {
      const body = JSON.stringify(Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`bogus${i}`, 7])));
      const response = await postRaw(subject.http, '/treaties', body).expect(400);
      expect(response.body.errors).toHaveLength(20);
      expect(response.body.moreErrors).toBeGreaterThan(0);
      expect(response.text.length).toBeLessThan(10_000);
    });

    it('names a missing field once, as required, not by the rules a value would have broken', async () => {
      const development = await post(subject.http, developments, { occurredOn: '2025-04' }).expect(400);
      expect(development.body.errors).toEqual([
        { field: 'type', message: 'type is required' },
        { field: 'source', message: 'source is required' },
      ]);
      expect(development.body.detail).toBe('type: type is required; source: source is required');
      const webhook = await post(subject.http, '/webhooks', {}).expect(400);
      expect(webhook.body.errors).toEqual([{ field: 'url', message: 'url is required' }]);
      // A value that is there but wrong still says what is wrong with it, once.
      const page = await request(subject.http).get('/feeds/developments.atom?page=abc').expect(400);
      expect(page.body.errors).toEqual([{ field: 'page', message: 'page must be a whole number from 1' }]);
    });

    it('lists at most 20 unknown query parameters, without a key', async () => {
      const query = Array.from({ length: 900 }, (_, index) => `unknown${index}=1`).join('&');
      const response = await request(subject.http).get(`/treaties?${query}`).expect(400);
      expect(response.body.errors).toHaveLength(20);
      expect(response.body.moreErrors).toBe(880);
      expect(response.text.length).toBeLessThan(10_000);
    });
  });

  it('wrote nothing for any of it but the accepted bodies', async () => {
    const types = (await collect(store.readAll())).map((event) => event.type);
    expect(types.filter((type) => type === 'TreatyTerminated')).toEqual([]);
  });
});

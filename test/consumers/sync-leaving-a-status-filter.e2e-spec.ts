import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { dumaApproval, fixedClock, post, signature } from '../support/treaty-requests';

interface Page {
  readonly items: { id: string; status: string }[];
  readonly leftFilter?: string[];
  readonly nextCursor: string | null;
  readonly changedUpTo: string;
}

const sync = async (subject: TestApp, query: string): Promise<Page> =>
  (await request(subject.http).get(`/treaties?${query}`).expect(200)).body as Page;

const treaty = (id: string, parties: string[]) => ({ id, title: id, parties, category: 'security' });

describe('GET /treaties?changedSince=&status= tells a mirror which treaties left the status (decision 0050)', () => {
  let subject: TestApp;
  let signedAt: string;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    for (const [id, parties] of [
      ['ru-by-moves-on', ['RU', 'BY']],
      ['ru-kz-stays-signed', ['RU', 'KZ']],
      ['ru-am-never-signed', ['RU', 'AM']],
    ] as const) {
      await post(subject.http, '/treaties', treaty(id, [...parties])).expect(201);
    }
    await post(subject.http, '/treaties/ru-by-moves-on/developments', signature()).expect(201);
    signedAt = (await post(subject.http, '/treaties/ru-kz-stays-signed/developments', signature()).expect(201)).body
      .position as string;
    await post(subject.http, '/treaties/ru-by-moves-on/developments', dumaApproval()).expect(201);
    await post(subject.http, '/treaties', treaty('ru-uz-registered-later', ['RU', 'UZ'])).expect(201);
  });
  afterAll(() => subject.close());

  it('lists as leftFilter the treaties changed since that match the other filters but not the status now', async () => {
    const page = await sync(subject, `changedSince=${signedAt}&status=signed`);
    expect(page.items.map(({ id }) => id)).not.toContain('ru-by-moves-on');
    expect(page.leftFilter).toEqual(expect.arrayContaining(['ru-by-moves-on']));
    // A superset: one registered since never matched, but the read model keeps no history to tell.
    expect(page.leftFilter).toEqual(['ru-by-moves-on', 'ru-uz-registered-later']);
    const byParty = await sync(subject, `changedSince=${signedAt}&status=signed&party=BY`);
    expect(byParty).toMatchObject({ items: [], leftFilter: ['ru-by-moves-on'] });
  });

  it('leaves leftFilter out without a status filter, or when nothing left it', async () => {
    expect(await sync(subject, `changedSince=${signedAt}`)).not.toHaveProperty('leftFilter');
    expect(await sync(subject, `changedSince=${signedAt}&status=signed&party=KZ`)).not.toHaveProperty('leftFilter');
  });

  it('counts leftFilter ids in the page size, and a mirror that follows the pages drops each once', async () => {
    const dropped: string[] = [];
    let query = `changedSince=${signedAt}&status=signed&limit=1`;
    for (;;) {
      const page = await sync(subject, query);
      expect(page.items.length + (page.leftFilter?.length ?? 0)).toBeLessThanOrEqual(1);
      dropped.push(...(page.leftFilter ?? []));
      if (page.nextCursor === null) break;
      query = `changedSince=${signedAt}&cursor=${page.nextCursor}&status=signed&limit=1`;
    }
    expect(dropped).toEqual(['ru-by-moves-on', 'ru-uz-registered-later']);
  });
});

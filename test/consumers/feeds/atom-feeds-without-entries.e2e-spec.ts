import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { KEYS, bearer } from '../../support/api-keys';
import { parseValidAtom } from '../../support/atom-checks';
import { startTestApp, type TestApp } from '../../support/test-app';
import { fixedClock, post, signature } from '../../support/treaty-requests';

/**
 * RFC 4287 (4.2.15): a feed's `updated` is the most recent instant it changed in a way that matters. A feed with no
 * entry said 1970-01-01, an instant at which nothing of it existed; it says when what it is cut from last changed.
 */
const EPOCH = '1970-01-01T00:00:00.000Z';
const QUIET = { id: 'quiet-treaty', title: 'A treaty with nothing reported yet', parties: ['LU', 'MT'] };
const LATER = { id: 'later-treaty', title: 'A treaty registered later', parties: ['LU', 'SM'] };

describe('Atom feeds with no entry', () => {
  let subject: TestApp;
  /** When the log recorded each event, by the id of the treaty it registered. */
  const registeredAt = new Map<string, string>();

  const feed = async (path: string) => {
    const response = await request(subject.http).get(path).expect(200);
    return { response, feed: parseValidAtom(response.text) };
  };
  const recordedAt = async () => {
    const log = await request(subject.http).get('/audit/log').set('Authorization', bearer(KEYS.auditor)).expect(200);
    return log.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; data: { treatyId?: string }; recordedAt: string });
  };

  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    for (const treaty of [QUIET, LATER]) {
      await post(subject.http, '/treaties', { ...treaty, category: 'other' }).expect(201);
      // Apart in time, so that which registration dates a feed shows.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const event of await recordedAt()) registeredAt.set(event.data.treatyId!, event.recordedAt);
  });
  afterAll(() => subject.close());

  it("dates a treaty's feed by its registration, in its subscription document and its pages", async () => {
    for (const path of [`/treaties/${QUIET.id}/feed.atom`, `/treaties/${QUIET.id}/feed.atom?page=1`]) {
      const { feed: quiet } = await feed(path);
      expect(quiet.entries).toEqual([]);
      expect({ path, updated: quiet.updated }).toEqual({ path, updated: registeredAt.get(QUIET.id) });
    }
  });

  it("dates a party's feed, and every development's, by the last registration of the treaties they cover", async () => {
    expect(registeredAt.get(LATER.id)! > registeredAt.get(QUIET.id)!).toBe(true);
    expect((await feed('/parties/MT/feed.atom')).feed.updated).toBe(registeredAt.get(QUIET.id));
    expect((await feed('/parties/LU/feed.atom')).feed.updated).toBe(registeredAt.get(LATER.id));
    expect((await feed('/feeds/developments.atom')).feed.updated).toBe(registeredAt.get(LATER.id));
    expect((await feed('/feeds/developments.atom?page=1')).feed.updated).toBe(registeredAt.get(LATER.id));
  });

  it("dates the feed of a party in no treaty by the log's beginning, and holds its bytes for If-None-Match", async () => {
    // One host for every request: links in the feed name it, and each request here comes on a port of its own.
    const get = () => request(subject.http).get('/parties/CN/feed.atom').set('Host', 'timeline.example');
    const response = await get().expect(200);
    const none = parseValidAtom(response.text);
    expect(none.entries).toEqual([]);
    expect(none.updated).not.toBe(EPOCH);
    expect(none.updated).toBe(registeredAt.get(QUIET.id));
    await get().set('If-None-Match', response.headers.etag!).expect(304);
  });

  it('dates a feed by its newest entry once it has one, as before; a feed still empty keeps its date', async () => {
    await post(subject.http, `/treaties/${LATER.id}/developments`, signature()).expect(201);
    const signedAt = (await recordedAt()).at(-1)!.recordedAt;
    expect((await feed(`/treaties/${LATER.id}/feed.atom`)).feed.updated).toBe(signedAt);
    expect((await feed('/parties/LU/feed.atom')).feed.updated).toBe(signedAt);
    expect((await feed('/parties/MT/feed.atom')).feed.updated).toBe(registeredAt.get(QUIET.id));
    expect((await feed(`/treaties/${QUIET.id}/feed.atom`)).feed.updated).toBe(registeredAt.get(QUIET.id));
  });
});

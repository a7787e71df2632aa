import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventSource } from 'eventsource';
import request from 'supertest';
import { KEYS } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import { fixedClock, post, source } from '../support/treaty-requests';
import { WebhookReceiver, until } from '../support/webhook-receiver';

const CONVENTION = {
  id: 'convention-de-joins-then-not',
  title: 'Convention that DE was reported to join',
  parties: ['AT', 'IR'],
  category: 'other',
  kind: 'multilateral',
};
const developments = `/treaties/${CONVENTION.id}/developments`;

interface Posted {
  readonly eventId: string;
  readonly position: string;
}

interface SyncPage {
  readonly items: { id: string }[];
  readonly leftFilter?: string[];
}

const sync = async (subject: TestApp, query: string): Promise<SyncPage> =>
  (await request(subject.http).get(`/treaties?${query}`).expect(200)).body as SyncPage;

const listed = async (subject: TestApp, query: string): Promise<string[]> =>
  (await sync(subject, query)).items.map(({ id }) => id);

/** The SSE events a stream receives, by type and `id:`. */
function subscribe(url: string, lastEventId?: string) {
  const received: { type: string; id: string; treatyId: string }[] = [];
  const stream = new EventSource(url, {
    fetch: (input, init) =>
      fetch(input, { ...init, headers: { ...init.headers, ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) } }),
  });
  const receive = (message: MessageEvent) =>
    received.push({
      type: message.type,
      id: message.lastEventId,
      treatyId: (JSON.parse(message.data as string) as { id: string }).id,
    });
  stream.onmessage = receive;
  stream.addEventListener('left-filter', receive);
  const opened = new Promise<void>((resolve, reject) => {
    stream.onopen = () => resolve();
    stream.onerror = () => reject(new Error('SSE connection failed'));
  });
  return { received, opened, close: () => stream.close() };
}

/**
 * A party joins a treaty by the report of its accession; when that report is retracted (it was wrong), the treaty is
 * no longer the party's, and every way a consumer follows the party must say so (decision 0055): the listing, a sync,
 * a live stream (as it happens, and on a resume), and a webhook.
 */
describe('a treaty whose joining party is retracted leaves every filter by that party', () => {
  let subject: TestApp;
  const receiver = new WebhookReceiver();
  let signed: Posted;
  let accession: Posted;
  let retraction: Posted;
  let live: ReturnType<typeof subscribe>;
  let resumed: ReturnType<typeof subscribe>;
  beforeAll(async () => {
    await receiver.start();
    subject = await startTestApp(
      { webhooks: { allowPrivateTargets: true, retryBaseMs: 20, maxFailures: 1000, timeoutMs: 2000, leaseMs: 2000 } },
      { clock: fixedClock('2026-08-01T12:00:00.000Z') },
    );
    await subject.app.listen(0, '127.0.0.1');
    await post(subject.http, '/webhooks', { url: receiver.url, filter: { party: 'DE' } }, KEYS.reader).expect(201);
    await post(subject.http, '/treaties', CONVENTION).expect(201);
    signed = (
      await post(subject.http, developments, {
        type: 'signed',
        occurredOn: '2025-01-10',
        source: source({ publishedOn: '2025-01-10' }),
      }).expect(201)
    ).body as Posted;
    accession = (
      await post(subject.http, developments, {
        type: 'consent-to-be-bound',
        consentType: 'accession',
        party: 'DE',
        occurredOn: '2025-09-01',
        source: source({ publishedOn: '2025-09-02' }),
      }).expect(201)
    ).body as Posted;
    expect(await listed(subject, 'party=DE')).toEqual([CONVENTION.id]);
    const base = (await subject.app.getUrl()).replace('[::1]', '127.0.0.1');
    live = subscribe(`${base}/live?party=DE`);
    resumed = subscribe(`${base}/live?party=DE`, accession.position);
    await Promise.all([live.opened, resumed.opened]);
    retraction = (
      await post(subject.http, `${developments}/${accession.eventId}/retractions`, {
        reason: 'DE acceded to nothing: the report confused it with another convention',
        source: source({ publishedOn: '2025-09-03' }),
      }).expect(201)
    ).body as Posted;
  });
  afterAll(async () => {
    live?.close();
    resumed?.close();
    await subject.close();
    await receiver.stop();
  });

  it('is no longer listed under the party, and still under its original parties', async () => {
    const status = (await request(subject.http).get(`/treaties/${CONVENTION.id}`).expect(200)).body as {
      parties: string[];
    };
    expect(status.parties).toEqual(['AT', 'IR']);
    expect(await listed(subject, 'party=DE')).toEqual([]);
    expect(await listed(subject, 'party=AT')).toEqual([CONVENTION.id]);
  });

  it("is in a sync's leftFilter by the party, exactly for a party it once had", async () => {
    expect(await sync(subject, `changedSince=${accession.position}&party=DE`)).toMatchObject({
      items: [],
      leftFilter: [CONVENTION.id],
    });
    // A mirror that synced before DE joined never held it under DE: its parties then are folded (decision 0059).
    expect(await sync(subject, `changedSince=${signed.position}&party=DE`)).not.toHaveProperty('leftFilter');
    // A party the record never made the treaty's: nothing to drop.
    expect(await sync(subject, `changedSince=${accession.position}&party=FR`)).not.toHaveProperty('leftFilter');
    expect(await sync(subject, `changedSince=${accession.position}&party=AT`)).toMatchObject({
      items: [{ id: CONVENTION.id }],
    });
  });

  it('is sent as left-filter on a live stream by the party, as it happens and on a resume', async () => {
    const left = { type: 'left-filter', id: retraction.position, treatyId: CONVENTION.id };
    await until(() => live.received.length > 0 && resumed.received.length > 0, 10_000, 'the left-filter messages');
    expect(live.received).toEqual([left]);
    expect(resumed.received).toEqual([left]);
  });

  it('delivers the retraction to a webhook filtered by the party, after the accession', async () => {
    const delivered = () =>
      receiver.acknowledged.map((delivery) => (JSON.parse(delivery.body) as { data: { position: string } }).data);
    await until(() => delivered().some(({ position }) => position === retraction.position), 10_000, 'retraction');
    expect(delivered().map(({ position }) => position)).toEqual([accession.position, retraction.position]);
  });

  // Decision 0059: a client told at the retraction that the treaty left DE is not told again at each later change.
  it('is not sent again as left to a sync or a resume from after it left, when it changes again', async () => {
    const statement = (
      await post(subject.http, developments, {
        type: 'statement',
        speaker: 'A. Spokesperson',
        quote: 'The convention is in good hands.',
        occurredOn: '2025-09-10',
        source: source({ publishedOn: '2025-09-10' }),
      }).expect(201)
    ).body as Posted;
    expect(await sync(subject, `changedSince=${retraction.position}&party=DE`)).toMatchObject({ items: [] });
    expect(await sync(subject, `changedSince=${retraction.position}&party=DE`)).not.toHaveProperty('leftFilter');
    // Still told to a mirror from while DE was a party, at the treaty's last change.
    expect((await sync(subject, `changedSince=${accession.position}&party=DE`)).leftFilter).toEqual([CONVENTION.id]);

    const base = (await subject.app.getUrl()).replace('[::1]', '127.0.0.1');
    const after = subscribe(`${base}/live?party=DE`, retraction.position);
    const during = subscribe(`${base}/live?party=DE`, accession.position);
    try {
      await Promise.all([after.opened, during.opened]);
      // A treaty DE joins now comes live after the catch-up: whatever the catch-up sent came before it.
      const joined = (
        await post(subject.http, '/treaties', {
          ...CONVENTION,
          id: 'convention-de-is-party-of',
          parties: ['AT', 'DE'],
        }).expect(201)
      ).body as Posted;
      const registered = { type: 'message', id: joined.position, treatyId: 'convention-de-is-party-of' };
      await until(
        () => after.received.length > 0 && during.received.length > 1,
        10_000,
        'the new treaty on both streams',
      );
      expect(after.received).toEqual([registered]);
      expect(during.received).toEqual([
        { type: 'left-filter', id: statement.position, treatyId: CONVENTION.id },
        registered,
      ]);
    } finally {
      after.close();
      during.close();
    }
  });
});

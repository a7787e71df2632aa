import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { collect } from '@timeline/event-store/testing';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@timeline/event-store';
import { toTreatyEnvelope } from '@timeline/projections';
import {
  latestDateOnEarth,
  statusOn,
  TreatyHistoryFold,
  treatyStatusSummaryAfter,
  treatyStatusView,
  TREATY_STREAM_PREFIX,
  type TreatyStatusSummary,
} from '@timeline/treaty';
import { DEMO_TREATIES } from '../apps/api/src/demo/demo-data';
import type { App } from 'supertest/types';
import request from 'supertest';
import { startTestApp, whenReady } from './support/test-app';
import { storedEvents } from './support/treaty-requests';

describe('demo data', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'timeline-demo-'));
  const config = {
    dataDir,
    store: { kind: 'embedded', file: join(dataDir, 'events.db') },
    loadDemoData: true,
  } as const;
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loads into an empty store at start, through the editors use cases, every event citing its article', async () => {
    const subject = await startTestApp(config, { keepData: true });
    try {
      const store = subject.app.get<EventStore>(EVENT_STORE);
      const events = await collect(store.readAll());
      const posts = DEMO_TREATIES.reduce((count, treaty) => count + 1 + treaty.developments.length, 0);
      expect(events).toHaveLength(posts);
      expect(events.every((event) => event.metadata.actor === 'demo-loader')).toBe(true);
      const developments = events.filter((event) => event.type !== 'TreatyRegistered');
      for (const event of developments) {
        expect(event.data).toMatchObject({ source: { document: expect.stringMatching(/^\d{3}_[0-9a-f]{16}\.txt$/) } });
      }
      const ruIr = await storedEvents(subject, 'ru-ir-comprehensive-strategic-partnership');
      expect(ruIr.map((event) => event.type)).toEqual(
        expect.arrayContaining([
          'TreatyRegistered',
          'TreatySigned',
          'LegislativeApprovalGiven',
          'DevelopmentCorroborated',
          'StatementMade',
          'NegotiationsReported',
          'ContextReported',
        ]),
      );
      const registered = ruIr.find((event) => event.type === 'TreatyRegistered');
      expect(registered?.data).toMatchObject({
        relations: [{ type: 'builds-on', treatyId: 'ru-ir-2001-treaty-basis-mutual-relations' }],
      });
      // The start-up verification may read the log before the demo is in it; /health must end up showing it all.
      expect(await integrityOnceItHasChecked(subject.http, posts)).toMatchObject({ ok: true, checked: posts });
    } finally {
      await subject.close();
    }
  });

  it('shows a finer report refining a coarser one, and the diplomacy in the timeline', async () => {
    const subject = await startTestApp(config, { keepData: true });
    try {
      await whenReady(subject.http);
      const status = async (id: string) => (await request(subject.http).get(`/treaties/${id}`)).body as object;
      // 000 and 002 say "last year", 003 says "In June": June 2024.
      expect(await status('ru-kp-comprehensive-strategic-partnership')).toMatchObject({ signedOn: '2024-06' });
      // 000 and 004 say "in January", 001, 002 and 003 give the day.
      expect(await status('ru-ir-comprehensive-strategic-partnership')).toMatchObject({
        signedOn: '2025-01-17',
        kind: 'bilateral',
        relations: [{ type: 'builds-on', treatyId: 'ru-ir-2001-treaty-basis-mutual-relations', direction: 'outgoing' }],
      });
      expect(await status('ru-ir-2001-treaty-basis-mutual-relations')).toMatchObject({
        relations: [
          { type: 'built-on-by', treatyId: 'ru-ir-comprehensive-strategic-partnership', direction: 'incoming' },
        ],
      });
      // The article says the agreement "took effect", and nothing of how either side consented: both are bound.
      const bound = { status: 'completed', completedOn: null, consentImplied: true, inForceOn: '2025-05' };
      expect(await status('eaeu-ir-free-trade-agreement')).toMatchObject({
        enteredIntoForceOn: '2025-05',
        ratification: { EAEU: bound, IR: bound },
      });
      const timeline = (await request(subject.http).get('/treaties/ru-ir-comprehensive-strategic-partnership/timeline'))
        .body as { items: { type: string; occurredOn: string; summary?: string; sources: unknown[] }[] };
      // 001 and 003 say 2022, 002 says February 2022.
      expect(timeline.items.find((item) => item.summary === 'Russia invaded Ukraine')).toMatchObject({
        occurredOn: '2022-02',
        sources: [expect.anything(), expect.anything(), expect.anything()],
      });
      // 003 links the invasion to the series of treaties since, naming those with North Korea and Belarus.
      const kpTimeline = (
        await request(subject.http).get('/treaties/ru-kp-comprehensive-strategic-partnership/timeline')
      ).body as { linkedItems: { summary?: string; fromTreatyId: string }[] };
      expect(kpTimeline.linkedItems).toEqual([
        expect.objectContaining({
          summary: 'Russia invaded Ukraine',
          fromTreatyId: 'ru-ir-comprehensive-strategic-partnership',
        }),
      ]);
      for (const type of ['statement', 'negotiations', 'context']) {
        expect(timeline.items.map((item) => item.type)).toContain(type);
      }
    } finally {
      await subject.close();
    }
  });

  it('lists every treaty under the status, category and parties its status view gives, kept one event at a time', async () => {
    const subject = await startTestApp(config, { keepData: true });
    try {
      await whenReady(subject.http);
      const streams = new Map<string, RecordedEvent[]>();
      for (const event of await collect(subject.app.get<EventStore>(EVENT_STORE).readAll())) {
        if (!event.streamName.startsWith(TREATY_STREAM_PREFIX)) continue;
        streams.set(event.streamName, [...(streams.get(event.streamName) ?? []), event]);
      }
      const today = latestDateOnEarth(new Date());
      for (const events of streams.values()) {
        const envelopes = events.map(toTreatyEnvelope);
        const fold = new TreatyHistoryFold();
        let summary: TreatyStatusSummary | null = null;
        for (const [index, envelope] of envelopes.entries()) {
          fold.add(envelope);
          summary = treatyStatusSummaryAfter(summary, fold.history()!, [envelope]);
          const view = treatyStatusView(envelopes.slice(0, index + 1), { today })!;
          expect([statusOn(summary, today), summary.category, summary.parties]).toEqual([
            view.status,
            view.category,
            view.parties,
          ]);
        }
        const view = treatyStatusView(envelopes)!;
        const listed = async (filter: string) =>
          (
            (await request(subject.http).get(`/treaties?${filter}&limit=500`)).body as { items: { id: string }[] }
          ).items.map((item) => item.id);
        expect(await listed(`status=${view.status}`)).toContain(view.id);
        expect(await listed(`category=${view.category}`)).toContain(view.id);
        for (const party of view.parties) expect(await listed(`party=${party}`)).toContain(view.id);
      }
    } finally {
      await subject.close();
    }
  });

  it('is not loaded twice when the service starts again', async () => {
    const subject = await startTestApp(config, { keepData: true });
    try {
      const events = await collect(subject.app.get<EventStore>(EVENT_STORE).readAll());
      const posts = DEMO_TREATIES.reduce((count, treaty) => count + 1 + treaty.developments.length, 0);
      expect(events).toHaveLength(posts);
    } finally {
      await subject.close();
    }
  });

  it('is not loaded into a store that holds other data', async () => {
    const subject = await startTestApp({ loadDemoData: false });
    await subject.app
      .get<EventStore>(EVENT_STORE)
      .appendToStream('treaty-other', [
        { id: '9a3a4c1e-0000-4000-8000-000000000001', type: 'TreatyRegistered', data: { treatyId: 'other' } },
      ]);
    const restarted = await startTestApp({ ...subject.config, loadDemoData: true }, { keepData: true });
    try {
      expect(await collect(restarted.app.get<EventStore>(EVENT_STORE).readAll())).toHaveLength(1);
    } finally {
      await restarted.close();
      await subject.close();
    }
  });
});

/** /health's integrity report, once a verification has covered `events` events (or after five seconds). */
async function integrityOnceItHasChecked(http: App, events: number): Promise<unknown> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const integrity = ((await request(http).get('/health')).body as { details?: { integrity?: { checked?: number } } })
      .details?.integrity;
    if (integrity?.checked === events || Date.now() > deadline) return integrity;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

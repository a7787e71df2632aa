import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { EVENT_STORE, type AppendResult, type EventStore, type NewEvent } from '@timeline/event-store';
import { waitFor } from '@timeline/event-store/testing';
import { ReadModelFiles, openReadModelDatabase } from '@timeline/projections';
import { decide, evolve, initialState, toEventData, treatyStreamName, type TreatyState } from '@timeline/treaty';
import { TODAY, register, report } from '@timeline/treaty/testing';
import { ReadModels } from '../../apps/api/src/read-models/read-models.service';
import { rebuildProjections } from '../../apps/api/src/read-models/rebuild-projections';
import { startTestApp, whenReady, type TestApp } from '../support/test-app';
import { RU_IR, post, source } from '../support/treaty-requests';

describe('projections: rebuild, failure, demo', () => {
  let subject: TestApp;
  afterEach(() => subject.close());

  const caughtUp = async (readModels: ReadModels, store: EventStore) => {
    let head = 0n;
    for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) head = event.position;
    await readModels.waitForPosition(head, 5000);
  };

  it('rebuilds beside the live read model, finds it identical, and swaps it in with no empty window', async () => {
    subject = await startTestApp({ loadDemoData: true });
    const store = subject.app.get<EventStore>(EVENT_STORE);
    const readModels = subject.app.get(ReadModels);
    const developments = `/treaties/${RU_IR.id}/developments`;
    const timeline = await request(subject.http)
      .get(`${developments.replace('/developments', '')}/timeline`)
      .expect(200);
    const majlis = (timeline.body.items as { eventId: string; type: string; party?: string }[]).find(
      (item) => item.party === 'IR',
    );
    await post(subject.http, `${developments}/${majlis!.eventId}/corrections`, {
      changes: { body: 'Islamic Consultative Assembly (Majlis)' },
      reason: 'Official name',
      source: source({ publisher: 'IRNA', publishedOn: '2025-05-22' }),
    }).expect(201);
    await caughtUp(readModels, store);
    const before = await request(subject.http).get('/treaties').expect(200);

    const dryRun = await rebuildProjections(store, subject.config, { dryRun: true });
    expect(dryRun.differences).toEqual([]);
    expect(dryRun.events).toBeGreaterThan(20);
    // Each part in a worker thread of its own, one per core unless configured (decision 0027).
    expect(dryRun.parts).toBe(Math.min(availableParallelism(), 8));
    for (const rebuildWorkers of [1, 3]) {
      const report = await rebuildProjections(store, { ...subject.config, rebuildWorkers }, { dryRun: true });
      expect([report.parts, report.events, report.differences]).toEqual([rebuildWorkers, dryRun.events, []]);
    }

    const liveFile = readModels.projection.file;
    const reads = (async () => {
      // Keep reading while the swap happens: every answer must be complete.
      for (let index = 0; index < 60; index++) {
        const response = await request(subject.http).get('/treaties').expect(200);
        expect(response.body.items).toHaveLength(before.body.items.length);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    const report = await rebuildProjections(store, subject.config, { dryRun: false });
    expect(report.differences).toEqual([]);
    await waitFor(() => readModels.projection.file === report.file, 5000);
    await reads;
    expect(readModels.projection.file).not.toBe(liveFile);
    const after = await request(subject.http).get('/treaties').expect(200);
    expect(after.body).toEqual(before.body);

    const written = await post(subject.http, developments, {
      type: 'ratification-completed',
      party: 'IR',
      occurredOn: '2025-05',
      source: source({ publishedOn: '2025-06-01' }),
    }).expect(201);
    const status = await request(subject.http)
      .get(`/treaties/${RU_IR.id}?minPosition=${written.body.position}`)
      .expect(200);
    expect(status.body.ratification.IR.status).toBe('completed');
  }, 20_000);

  it('keeps serving the current read model until a promoted one has caught up with the log', async () => {
    subject = await startTestApp();
    const store = subject.app.get<EventStore>(EVENT_STORE);
    const readModels = subject.app.get(ReadModels);
    // 1,200 events: a projection from scratch catches up over several batches, letting requests in between.
    for (let treaty = 0; treaty < 120; treaty++) await appendTreaty(store, `switch-${treaty}`, 10);
    await caughtUp(readModels, store);
    const liveFile = readModels.projection.file;

    const published = new Map<string, bigint>();
    const feed = readModels.updates.subscribe((update) => published.set(update.treatyId, update.position));
    const writtenDuringTheSwitch = new Map<string, bigint>();
    // An empty read model: once promoted, its projection replays the whole log while the live one keeps serving.
    const fromScratch = join(subject.config.dataDir, 'projections-from-scratch.db');
    openReadModelDatabase(fromScratch).close();
    new ReadModelFiles(subject.config.dataDir).promote(fromScratch);
    let reads = 0;
    while (readModels.projection.file === liveFile) {
      const treatyId = `during-${reads}`;
      writtenDuringTheSwitch.set(treatyId, (await appendTreaty(store, treatyId, 1)).position);
      const treaty = await request(subject.http).get(`/treaties/switch-${reads % 120}`);
      expect(treaty.status).toBe(200);
      expect(treaty.body.revision).toBe('9');
      expect((await request(subject.http).get('/health/ready')).status).toBe(200);
      reads += 1;
    }
    expect(reads).toBeGreaterThan(0);
    expect(readModels.projection.file).toContain('projections-from-scratch.db');
    expect(readModels.projection.status.kind).toBe('live');
    for (let treaty = 0; treaty < 120; treaty++) {
      expect((await request(subject.http).get(`/treaties/switch-${treaty}`).expect(200)).body.revision).toBe('9');
    }
    expect((await whenReady(subject.http)).status).toBe(200);
    // The live feed lost nothing on the way: every treaty written during and after the switch was published at
    // its position.
    writtenDuringTheSwitch.set('after-the-switch', (await appendTreaty(store, 'after-the-switch', 1)).position);
    await caughtUp(readModels, store);
    feed.unsubscribe();
    expect(Object.fromEntries(published)).toMatchObject(Object.fromEntries(writtenDuringTheSwitch));
  }, 20_000);

  it('publishes a catch-up once it ends: each changed treaty, once, at its current status', async () => {
    const before = await startTestApp({}, { keepData: true });
    const { dataDir } = before.config;
    // Written round-robin, so that every batch of the catch-up holds part of every treaty's history.
    const treaties = Array.from({ length: 100 }, (_, index) => decidedTreaty(`round-robin-${index}`, 12));
    for (let round = 0; round < 12; round++) {
      for (const [index, events] of treaties.entries()) {
        await before.app
          .get<EventStore>(EVENT_STORE)
          .appendToStream(treatyStreamName(`round-robin-${index}`), [events[round]!]);
      }
    }
    await before.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `projections.db${suffix}`), { force: true });

    subject = await startTestApp({ dataDir, store: { kind: 'embedded', file: join(dataDir, 'events.db') } });
    const readModels = subject.app.get(ReadModels);
    const published: { treatyId: string; revision: unknown }[] = [];
    const feed = readModels.updates.subscribe((update) =>
      published.push({ treatyId: update.treatyId, revision: update.status.revision }),
    );
    await caughtUp(readModels, subject.app.get<EventStore>(EVENT_STORE));
    feed.unsubscribe();
    expect(readModels.projection.status.kind).toBe('live');
    expect(published).toHaveLength(100);
    expect(new Set(published.map((update) => update.treatyId)).size).toBe(100);
    expect(published.every((update) => update.revision === '11')).toBe(true);
  });

  it('shows the Russia–Iran treaty from the five articles: signed, approved by both parliaments, not yet ratified', async () => {
    subject = await startTestApp({ loadDemoData: true });
    await caughtUp(subject.app.get(ReadModels), subject.app.get<EventStore>(EVENT_STORE));
    const response = await request(subject.http).get(`/treaties/${RU_IR.id}`).expect(200);
    expect(response.body).toMatchObject({
      status: 'ratification-in-progress',
      signedOn: '2025-01-17',
      ratification: {
        RU: {
          status: 'in-progress',
          steps: expect.arrayContaining([expect.objectContaining({ body: 'State Duma', occurredOn: '2025-04-08' })]),
        },
        IR: { status: 'in-progress', steps: [expect.objectContaining({ body: 'Majlis', occurredOn: '2025-05-21' })] },
      },
    });
    const fta = await request(subject.http).get('/treaties/eaeu-ir-free-trade-agreement').expect(200);
    expect(fta.body).toMatchObject({ status: 'in-force', enteredIntoForceOn: '2025-05' });
  });

  it('stops at an event it cannot apply and says so in /health/ready, naming the event', async () => {
    subject = await startTestApp();
    const store = subject.app.get<EventStore>(EVENT_STORE);
    const id = randomUUID();
    await store.appendToStream('treaty-from-the-future', [
      { id, type: 'TreatyAnnexed', data: { treatyId: 'from-the-future' } },
    ]);
    await waitFor(() => subject.app.get(ReadModels).projection.status.kind === 'failed');
    const response = await request(subject.http).get('/health/ready').expect(503);
    expect(response.body).toMatchObject({
      status: 'error',
      error: {
        projections: {
          status: 'down',
          'treaty-status': { state: 'failed', failedAt: { eventId: id, type: 'TreatyAnnexed' } },
        },
      },
    });
  });
});

/** A treaty's registration and `events - 1` chamber approvals, as decided, to append straight to the store. */
function decidedTreaty(treatyId: string, events: number): NewEvent[] {
  let state: TreatyState = initialState();
  return Array.from({ length: events }, (_, index) => {
    const eventId = randomUUID();
    const command =
      index === 0
        ? register({ eventId, treatyId })
        : report(eventId, {
            type: 'legislative-approval',
            party: 'RU',
            body: `Chamber ${index}`,
            occurredOn: '2025-04-08',
          });
    const event = decide(command, state, { today: TODAY });
    state = evolve(state, event);
    return { id: eventId, type: event.type, data: toEventData(event), metadata: { schemaVersion: 1 } };
  });
}

function appendTreaty(store: EventStore, treatyId: string, events: number): Promise<AppendResult> {
  return store.appendToStream(treatyStreamName(treatyId), decidedTreaty(treatyId, events));
}

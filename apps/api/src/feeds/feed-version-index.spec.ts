import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Database } from 'better-sqlite3';
import { InMemoryEventStore } from '@timeline/event-store';
import {
  openReadModelDatabase,
  ProjectionRunner,
  TreatyStatusQueries,
  treatyStatusProjection,
  type TreatyUpdate,
} from '@timeline/projections';
import {
  decide,
  evolve,
  initialState,
  toEventData,
  treatyStreamName,
  type TreatyCommand,
  type TreatyState,
} from '@timeline/treaty';
import { correct, register, report, retract, source, uuid } from '@timeline/treaty/testing';
import { recordsIn } from './development-reads.service';
import { entryVersionsOf, inLogOrder, type EntryVersion } from './entry-versions';
import { FeedVersionIndex } from './feed-version-index';

const PARTIES = ['AT', 'BE', 'CZ', 'DK', 'FR'] as const;
const TODAY = '2025-12-01';

/** What a feed's versions were before the index: derived from every treaty's timeline, on each request. */
function derived(treaties: TreatyStatusQueries, party?: string): EntryVersion[] {
  return [...recordsIn(treaties, party)].flatMap(entryVersionsOf).sort(inLogOrder);
}

/** A small deterministic generator (mulberry32), so that a failing walk can be walked again from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Counts the turns of the event loop, one immediate per turn, until stopped (a timer counts milliseconds). */
function countTurns(): { readonly counted: number; stop(): void } {
  let counted = 0;
  let counting = true;
  const count = () => {
    counted += 1;
    if (counting) setImmediate(count);
  };
  setImmediate(count);
  return {
    get counted() {
      return counted;
    },
    stop: () => {
      counting = false;
    },
  };
}

describe('FeedVersionIndex', () => {
  let dir: string;
  let store: InMemoryEventStore;
  let db: Database;
  let runner: ProjectionRunner<TreatyUpdate>;
  let treaties: TreatyStatusQueries;
  const states = new Map<string, TreatyState>();
  const developments = new Map<string, string[]>();
  let ids = 0;

  /** Decides the command on the treaty's state and appends what it decides; false when the decider refuses it. */
  const write = async (treatyId: string, command: (eventId: string) => TreatyCommand): Promise<boolean> => {
    const eventId = uuid(++ids);
    let event;
    try {
      event = decide(command(eventId), states.get(treatyId) ?? initialState(), { today: TODAY });
    } catch {
      return false;
    }
    states.set(treatyId, evolve(states.get(treatyId) ?? initialState(), event));
    const appended = await store.appendToStream(treatyStreamName(treatyId), [
      { id: eventId, type: event.type, data: toEventData(event), metadata: {} },
    ]);
    expect(await runner.waitForPosition(appended.position, 10_000)).toBe(true);
    return true;
  };

  const registerTreaty = (treatyId: string, parties: readonly string[]) =>
    write(treatyId, (eventId) =>
      register({ eventId, treatyId, parties, kind: 'multilateral', title: `Convention ${treatyId}` }),
    );

  const reportOn = async (treatyId: string, development: Record<string, unknown>) => {
    const developmentId = uuid(ids + 1);
    const written = await write(treatyId, (eventId) => report(eventId, development));
    if (written) developments.set(treatyId, [...(developments.get(treatyId) ?? []), developmentId]);
    return written ? developmentId : undefined;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'timeline-feed-index-'));
    store = new InMemoryEventStore();
    db = openReadModelDatabase(join(dir, 'projections.db'));
    runner = new ProjectionRunner(store, db, treatyStatusProjection);
    void runner.start();
    treaties = new TreatyStatusQueries(db);
    states.clear();
    developments.clear();
  });

  afterEach(async () => {
    await runner.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("takes a treaty into a party's feed with all its versions when it gains the party, and out when that is retracted", async () => {
    const index = new FeedVersionIndex(treaties);
    await registerTreaty('convention', ['AT', 'BE']);
    const signature = await reportOn('convention', { type: 'signed', occurredOn: '2025-01-10' });
    expect(await index.versions('FR')).toEqual([]);

    const accession = await reportOn('convention', {
      type: 'consent-to-be-bound',
      consentType: 'accession',
      party: 'FR',
      occurredOn: '2025-03-01',
    });
    expect((await index.versions('FR')).map((version) => version.developmentId)).toEqual([signature, accession]);

    expect(await write('convention', (eventId) => retract(eventId, accession!))).toBe(true);
    expect(await index.versions('FR')).toEqual([]);
    expect(await index.versions()).toEqual(derived(treaties));
  });

  it("marks a corrected development's earlier version as no longer its latest", async () => {
    const index = new FeedVersionIndex(treaties);
    await registerTreaty('convention', ['AT', 'BE']);
    const signature = await reportOn('convention', { type: 'signed', occurredOn: '2025-01-10' });
    expect((await index.versions()).map((version) => version.latest)).toEqual([true]);

    await write('convention', (eventId) => correct(eventId, signature!, { occurredOn: '2025-01-11' }));
    const versions = await index.versions();
    expect(versions.map((version) => [version.developmentId, version.latest])).toEqual([
      [signature, false],
      [signature, true],
    ]);
  });

  it('is built over many turns of the event loop, and holds what was written while it was built', async () => {
    for (let n = 0; n < 12; n++) {
      await registerTreaty(`treaty-${n}`, ['AT', 'BE']);
      await reportOn(`treaty-${n}`, { type: 'signed', occurredOn: '2025-01-10' });
    }
    const index = new FeedVersionIndex(treaties, { treatiesPerTurn: 1 });
    const turns = countTurns();
    let versions;
    try {
      const built = index.versions('FR');
      // Written while the index reads the treaties one per turn: an accession by FR, a new treaty, a retraction.
      await reportOn('treaty-0', {
        type: 'consent-to-be-bound',
        consentType: 'accession',
        party: 'FR',
        occurredOn: '2025-03-01',
      });
      await registerTreaty('treaty-late', ['FR', 'BE']);
      await write('treaty-11', (eventId) => retract(eventId, developments.get('treaty-11')![0]!));
      versions = await built;
    } finally {
      turns.stop();
    }
    expect(turns.counted).toBeGreaterThan(12);
    expect(versions).toEqual(derived(treaties, 'FR'));
    expect(versions.map((version) => version.treatyId)).toEqual(['treaty-0', 'treaty-0']);
    expect(await index.versions()).toEqual(derived(treaties));
  });

  it('takes in many changes (a bulk import) over many turns too, with what was written meanwhile', async () => {
    await registerTreaty('treaty-0', ['AT', 'FR']);
    const index = new FeedVersionIndex(treaties, { treatiesPerTurn: 1 });
    expect(await index.versions('FR')).toEqual(derived(treaties, 'FR'));
    for (let n = 1; n < 12; n++) {
      await registerTreaty(`treaty-${n}`, ['FR', 'BE']);
      await reportOn(`treaty-${n}`, { type: 'signed', occurredOn: '2025-01-10' });
    }
    // Turns of the event loop that other work is given while the index takes the changes in.
    const turns = countTurns();
    let versions;
    let alsoAsked;
    try {
      const refreshed = index.versions('FR');
      alsoAsked = index.versions();
      // Written while the changes are read one per turn: a retraction in a treaty already read, and a new treaty.
      await write('treaty-1', (eventId) => retract(eventId, developments.get('treaty-1')![0]!));
      await registerTreaty('treaty-late', ['FR', 'BE']);
      versions = await refreshed;
    } finally {
      turns.stop();
    }
    expect(turns.counted).toBeGreaterThan(11);
    expect(versions).toEqual(derived(treaties, 'FR'));
    expect(await alsoAsked).toEqual(derived(treaties));
    expect(versions.filter((version) => version.treatyId === 'treaty-1').map((version) => version.latest)).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('redoes, at the next request, a build or a refresh that a failed read cut short', async () => {
    await registerTreaty('convention', ['AT', 'BE']);
    let failing = true;
    const flaky = {
      treatyIds: (party?: string) => treaties.treatyIds(party),
      partiesOnRecord: (treatyId: string) => treaties.partiesOnRecord(treatyId),
      viewsChangedAfter: (position: bigint) => treaties.viewsChangedAfter(position),
      timeline: (treatyId: string) => {
        if (failing) throw new Error('SQLITE_BUSY: database is locked');
        return treaties.timeline(treatyId);
      },
    };
    const index = new FeedVersionIndex(flaky);
    await expect(index.versions()).rejects.toThrow('SQLITE_BUSY');
    failing = false;
    expect(await index.versions()).toEqual(derived(treaties));

    await reportOn('convention', { type: 'signed', occurredOn: '2025-01-10' });
    failing = true;
    await expect(index.versions()).rejects.toThrow('SQLITE_BUSY');
    failing = false;
    expect(await index.versions()).toEqual(derived(treaties));
    expect(await index.versions()).toHaveLength(1);
  });

  // Every step of a random walk over registrations, reports, accessions, corrections and retractions: the index
  // answers what deriving the feed from every treaty's timeline answers, for the feed of every development and for
  // each party's: with every party's feed kept, and with two kept at once, so that feeds are dropped and cut anew.
  it.each([
    [1, 5],
    [2, 5],
    [3, 2],
  ])('answers what the derivation from every timeline answers, walk %i (%i party feeds kept)', async (seed, kept) => {
    const next = random(seed * 7919);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const index = new FeedVersionIndex(treaties, { partyFeedsKept: kept });
    const registered: string[] = [];
    const written = { accessions: 0, corrections: 0, retractions: 0 };
    for (let step = 0; step < 60; step++) {
      const roll = next();
      const treatyId = registered.length > 0 ? pick(registered) : undefined;
      const onRecord = treatyId === undefined ? [] : (developments.get(treatyId) ?? []);
      if (treatyId === undefined || roll < 0.15) {
        const id = `treaty-${registered.length}`;
        if (await registerTreaty(id, [pick(PARTIES.slice(0, 2)), pick(PARTIES.slice(2, 4))])) registered.push(id);
      } else if (roll < 0.35) {
        await reportOn(treatyId, { type: 'signed', occurredOn: `2025-01-${10 + Math.floor(next() * 10)}` });
      } else if (roll < 0.5) {
        const party = pick(PARTIES);
        const accession = { type: 'consent-to-be-bound', consentType: 'accession', party, occurredOn: '2025-03-01' };
        if (await reportOn(treatyId, accession)) written.accessions += 1;
      } else if (roll < 0.6) {
        await reportOn(treatyId, {
          type: 'statement',
          occurredOn: '2025-04-01',
          speaker: 'A spokesman',
          quote: 'We welcome it.',
          source: source({ publisher: `Publisher ${step}` }),
        });
      } else if (roll < 0.8 && onRecord.length > 0) {
        const day = 10 + Math.floor(next() * 18);
        const correction = (eventId: string) => correct(eventId, pick(onRecord), { occurredOn: `2025-02-${day}` });
        if (await write(treatyId, correction)) written.corrections += 1;
      } else if (onRecord.length > 0) {
        if (await write(treatyId, (eventId) => retract(eventId, pick(onRecord)))) written.retractions += 1;
      }
      const party = pick(PARTIES);
      expect({ step, party, versions: await index.versions(party) }).toEqual({
        step,
        party,
        versions: derived(treaties, party),
      });
      if (step % 3 === 0) expect(await index.versions()).toEqual(derived(treaties));
    }
    // The walk did what it is for.
    expect(Math.min(written.accessions, written.corrections, written.retractions)).toBeGreaterThan(0);
  });
});

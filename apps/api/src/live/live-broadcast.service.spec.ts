import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Subject } from 'rxjs';
import type { TreatyUpdate } from '@timeline/projections';
import type { DayCame, DayTurns } from '../day-turns/day-turns.service';
import type { ReadModels } from '../read-models/read-models.service';
import { LiveBroadcast, type LiveOptions } from './live-broadcast.service';
import type { LiveFilter } from './live-filter';
import { FakeSseResponse } from './testing/fake-sse-response';

const OPTIONS: LiveOptions = { heartbeatMs: 60_000, maxUnreadMessages: 256, maxUnreadBytes: 1_000_000 };

const update = (
  treatyId: string,
  position: bigint,
  status: string,
  parties: string[],
  previousStatus?: string,
  previousParties?: string[],
): TreatyUpdate => ({
  treatyId,
  position,
  lastAtPosition: true,
  deleted: false,
  status: { id: treatyId, status, parties },
  previousStatus,
  previousParties,
});

/** The read models as the feed sees them: live updates, and the changes after a position (what a resume reads). */
class FakeReadModels {
  readonly updates = new Subject<TreatyUpdate>();
  readonly log: TreatyUpdate[] = [];

  /** Each treaty's status by day, as the read model renders the present on a day. */
  readonly onDay = new Map<string, Record<string, unknown>>();

  readonly treaties = {
    status: (treatyId: string, day: string) => this.onDay.get(`${treatyId}@${day}`),
    changedAfter: (position: bigint, limit: number): TreatyUpdate[] => {
      const latest = new Map(this.log.map((entry) => [entry.treatyId, entry]));
      return [...latest.values()]
        .filter((entry) => entry.position > position)
        .sort((a, b) => Number(a.position - b.position))
        .slice(0, limit);
    },
    // Every party an update ever showed the treaty with, as the read model keeps them (decision 0055).
    partiesOnceNamed: (treatyId: string): string[] => [
      ...new Set(
        this.log
          .filter((entry) => entry.treatyId === treatyId)
          .flatMap((entry) => (entry.status as { parties: string[] }).parties),
      ),
    ],
    // Its parties as the last update at or before the position showed them (decision 0059).
    partiesAt: (treatyId: string, position: bigint): string[] | undefined =>
      this.log
        .filter((entry) => entry.treatyId === treatyId && entry.position <= position)
        .map((entry) => (entry.status as { parties: string[] }).parties)
        .at(-1),
  };

  commit(entry: TreatyUpdate): void {
    this.log.push(entry);
    this.updates.next(entry);
  }
}

/** Updates are fanned out on the event loop's next turn, after the writer's answer. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function startBroadcast() {
  const readModels = new FakeReadModels();
  const dayTurns = { days: new Subject<DayCame>() };
  const broadcast = new LiveBroadcast(readModels as unknown as ReadModels, OPTIONS, dayTurns as unknown as DayTurns);
  broadcast.onModuleInit();
  const subscribe = (filter: LiveFilter, after?: bigint) => {
    const response = new FakeSseResponse();
    broadcast.subscribe(response.asResponse, filter, after);
    return response;
  };
  return { readModels, broadcast, subscribe, dayTurns };
}

describe('LiveBroadcast', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('serialises each update once, however many subscribe and however they filter, and shares the bytes', async () => {
    const { readModels, broadcast, subscribe } = startBroadcast();
    const filters: LiveFilter[] = [{}, { treaty: 'ru-ir' }, { party: 'IR' }, { status: 'signed' }];
    const responses = Array.from({ length: 1000 }, (_, index) => subscribe(filters[index % filters.length]!));
    expect(broadcast.size).toEqual({ streams: 1000, groups: 4 });
    const stringify = jest.spyOn(JSON, 'stringify');
    readModels.commit(update('ru-ir', 5n, 'signed', ['RU', 'IR']));
    readModels.commit(update('ru-ir', 6n, 'ratification-in-progress', ['RU', 'IR']));
    await nextTurn();
    expect(stringify).toHaveBeenCalledTimes(2);
    const first = responses[0]!.written.at(-2)!;
    expect(responses.every((response) => response.written.includes(first))).toBe(true);
    expect(responses[0]!.ids).toEqual(['5', '6']);
    expect(responses[3]!.ids).toEqual(['5']);
  });

  it('sends each subscriber the updates its filter selects, and only those', async () => {
    const { readModels, subscribe } = startBroadcast();
    const all = subscribe({});
    const ruIr = subscribe({ treaty: 'ru-ir' });
    const ruIrAgain = subscribe({ treaty: 'ru-ir' });
    const iran = subscribe({ party: 'IR' });
    const signed = subscribe({ status: 'signed' });
    const belarusSigned = subscribe({ party: 'BY', status: 'signed' });
    const ruByRatified = subscribe({ treaty: 'ru-by', status: 'ratified' });
    readModels.commit(update('ru-ir', 1n, 'signed', ['RU', 'IR']));
    readModels.commit(update('ru-by', 2n, 'signed', ['RU', 'BY']));
    readModels.commit(update('ru-ir', 3n, 'ratified', ['RU', 'IR'], 'signed'));
    readModels.commit(update('ru-by', 4n, 'ratified', ['RU', 'BY'], 'signed'));
    await nextTurn();
    expect(all.ids).toEqual(['1', '2', '3', '4']);
    expect(ruIr.ids).toEqual(['1', '3']);
    expect(ruIrAgain.ids).toEqual(['1', '3']);
    expect(iran.ids).toEqual(['1', '3']);
    // A stream filtered by status also hears of the update that takes a treaty out of it, as `left-filter`.
    expect(signed.ids).toEqual(['1', '2', '3', '4']);
    expect(signed.text).toContain('id: 3\nevent: left-filter\ndata: {"id":"ru-ir","status":"ratified"');
    expect(belarusSigned.ids).toEqual(['2', '4']);
    expect(belarusSigned.text).toContain('id: 4\nevent: left-filter\ndata: {"id":"ru-by","status":"ratified"');
    expect(ruByRatified.ids).toEqual(['4']);
    expect(ruByRatified.text).not.toContain('left-filter');
    expect(all.text).toContain('id: 4\ndata: {"id":"ru-by","status":"ratified","parties":["RU","BY"]}\n\n');
  });

  it('resumes after Last-Event-ID: each treaty changed since, once, then live, nothing missed or repeated', async () => {
    const { readModels, subscribe } = startBroadcast();
    readModels.commit(update('ru-ir', 1n, 'signed', ['RU', 'IR']));
    readModels.commit(update('ru-by', 2n, 'signed', ['RU', 'BY']));
    readModels.commit(update('ru-ir', 3n, 'ratification-in-progress', ['RU', 'IR']));
    readModels.commit(update('ru-ir', 4n, 'ratified', ['RU', 'IR']));
    const resumed = subscribe({ party: 'IR' }, 1n);
    readModels.commit(update('ru-by', 5n, 'ratified', ['RU', 'BY']));
    readModels.commit(update('ru-ir', 6n, 'in-force', ['RU', 'IR']));
    await nextTurn();
    expect(resumed.ids).toEqual(['4', '6']);
  });

  it('resumes a stream filtered by status with what left it since: each treaty changed since that no longer matches', async () => {
    const { readModels, subscribe } = startBroadcast();
    readModels.commit(update('ru-ir', 1n, 'signed', ['RU', 'IR']));
    readModels.commit(update('ru-by', 2n, 'signed', ['RU', 'BY']));
    readModels.commit(update('ru-ir', 3n, 'ratification-in-progress', ['RU', 'IR'], 'signed'));
    readModels.commit(update('ru-kz', 4n, 'registered', ['RU', 'KZ']));
    const resumed = subscribe({ status: 'signed', party: 'IR' }, 2n);
    readModels.commit(update('ru-ir', 5n, 'ratified', ['RU', 'IR'], 'ratification-in-progress'));
    await nextTurn();
    // ru-kz never matched, but the read model cannot tell: a superset, and not of another party's treaty.
    expect(resumed.ids).toEqual(['3']);
    expect(resumed.text).toContain(
      'id: 3\nevent: left-filter\ndata: {"id":"ru-ir","status":"ratification-in-progress"',
    );
    const signed = subscribe({ status: 'signed' }, 2n);
    expect(signed.ids).toEqual(['4', '5']);
    expect(signed.text).not.toContain('data: {"id":"ru-by"');
  });

  it('tells a stream filtered by party of the update that takes the treaty out of it, live and on a resume', async () => {
    const { readModels, subscribe } = startBroadcast();
    readModels.commit(update('conv', 1n, 'signed', ['AT', 'IR']));
    readModels.commit(update('conv', 2n, 'signed', ['AT', 'IR', 'DE'], 'signed', ['AT', 'IR']));
    readModels.commit(update('other', 3n, 'signed', ['AT', 'FR']));
    const live = subscribe({ party: 'DE' });
    const liveSigned = subscribe({ party: 'DE', status: 'signed' });
    await nextTurn();
    // DE's accession retracted: the treaty no longer shows under `party=DE`, whatever the status.
    readModels.commit(update('conv', 4n, 'signed', ['AT', 'IR'], 'signed', ['AT', 'IR', 'DE']));
    await nextTurn();
    expect(live.text).toContain('id: 4\nevent: left-filter\ndata: {"id":"conv"');
    expect(liveSigned.text).toContain('id: 4\nevent: left-filter\ndata: {"id":"conv"');
    // On a resume: told of the treaty DE was a party of at the client's position, not of one DE never was.
    const resumed = subscribe({ party: 'DE' }, 2n);
    expect(resumed.ids).toEqual(['4']);
    expect(resumed.text).toContain('id: 4\nevent: left-filter\ndata: {"id":"conv"');
    // Nor of one DE joined and left after it (decision 0059): the client never held it under DE.
    const before = subscribe({ party: 'DE' }, 1n);
    expect(before.ids).toEqual([]);
  });

  it('does not tell a resume by party, again at each change, of a treaty that left the party before its position', async () => {
    const { readModels, subscribe } = startBroadcast();
    readModels.commit(update('conv', 1n, 'signed', ['AT', 'DE']));
    readModels.commit(update('conv', 2n, 'signed', ['AT'], 'signed', ['AT', 'DE']));
    readModels.commit(update('conv', 3n, 'ratification-in-progress', ['AT'], 'signed', ['AT']));
    readModels.commit(update('conv', 4n, 'ratified', ['AT'], 'ratification-in-progress', ['AT']));
    // Told at 2 that it left, the client resumes after a later change, or at 2 itself: nothing to tell.
    expect(subscribe({ party: 'DE' }, 3n).ids).toEqual([]);
    expect(subscribe({ party: 'DE' }, 2n).ids).toEqual([]);
    // A client at 1 held it under DE: told, once, at the treaty's last change.
    const held = subscribe({ party: 'DE' }, 1n);
    expect(held.ids).toEqual(['4']);
    expect(held.text).toContain('id: 4\nevent: left-filter\ndata: {"id":"conv"');
  });

  it('writes a long catch-up as fast as the client reads it: never dropped, nothing missed or sent twice', async () => {
    const { readModels, broadcast } = startBroadcast();
    for (let index = 0; index < 1200; index++) readModels.commit(update(`t-${index}`, BigInt(index), 'signed', ['RU']));
    const slow = new FakeSseResponse(300);
    broadcast.subscribe(slow.asResponse, {}, 99n);
    const drained = async () => {
      slow.drain();
      await new Promise((resolve) => setImmediate(resolve));
    };
    expect(slow.ids).toHaveLength(299); // the opening frame was the first write
    readModels.commit(update('t-0', 1200n, 'ratified', ['RU']));
    await drained();
    expect(slow.ids).toHaveLength(599);
    while (slow.writableNeedDrain) await drained();
    readModels.commit(update('t-1', 1201n, 'ratified', ['RU']));
    await nextTurn();
    const expected = [...Array.from({ length: 1100 }, (_, index) => String(index + 100)), '1200', '1201'];
    expect(slow.ids).toEqual(expected);
    expect(slow.destroyed).toBe(false);
  });

  it("fans out on the next turn of the event loop, in order, so that a writer's answer does not wait for it", async () => {
    const { readModels, subscribe } = startBroadcast();
    const all = subscribe({});
    readModels.commit(update('ru-ir', 1n, 'signed', ['RU', 'IR']));
    readModels.commit(update('ru-by', 2n, 'signed', ['RU', 'BY']));
    expect(all.ids).toEqual([]);
    await nextTurn();
    expect(all.ids).toEqual(['1', '2']);
  });

  it('forgets a subscriber that leaves, and a group once it is empty', async () => {
    const { readModels, broadcast, subscribe } = startBroadcast();
    const leaving = subscribe({ party: 'IR' });
    const staying = subscribe({});
    leaving.destroy();
    readModels.commit(update('ru-ir', 1n, 'signed', ['RU', 'IR']));
    await nextTurn();
    expect(broadcast.size).toEqual({ streams: 1, groups: 1 });
    expect(leaving.ids).toEqual([]);
    expect(staying.ids).toEqual(['1']);
  });

  it("moves a filtered stream's last event id with its heartbeat past what it filtered out, once", async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    try {
      const { readModels, broadcast, subscribe } = startBroadcast();
      const [all, belarus] = [subscribe({}), subscribe({ party: 'BY' })];
      readModels.commit(update('ru-by', 1n, 'signed', ['RU', 'BY']));
      readModels.commit(update('ru-ir', 2n, 'signed', ['RU', 'IR']));
      readModels.commit(update('ru-kz', 3n, 'signed', ['RU', 'KZ']));
      await nextTurn();
      expect([all.ids, belarus.ids]).toEqual([['1', '2', '3'], ['1']]);
      jest.advanceTimersByTime(OPTIONS.heartbeatMs);
      // The unfiltered stream has every id already; the filtered one learns that it has all it selects up to 3.
      expect(all.text.endsWith('\nevent: heartbeat\ndata: {}\n\n')).toBe(true);
      expect(all.text).not.toContain('id: 3\nevent: heartbeat');
      expect(belarus.text.endsWith('id: 3\nevent: heartbeat\ndata: {}\n\n')).toBe(true);
      // Said once: the next beat, with nothing published since, is a plain one.
      jest.advanceTimersByTime(OPTIONS.heartbeatMs);
      expect(belarus.text.match(/id: 3\n/g)).toHaveLength(1);
      expect(belarus.text.match(/event: heartbeat/g)).toHaveLength(2);
      // What it selects after that still comes, with its own id.
      readModels.commit(update('by-ir', 4n, 'signed', ['BY', 'IR']));
      await nextTurn();
      expect(belarus.ids).toEqual(['1', '3', '4']);
      broadcast.onModuleDestroy();
    } finally {
      jest.useRealTimers();
    }
  });

  it('sends one heartbeat to every stream at each beat, and ends every stream on shutdown', () => {
    jest.useFakeTimers();
    try {
      const { broadcast, subscribe } = startBroadcast();
      const responses = [subscribe({}), subscribe({ treaty: 'ru-ir' })];
      jest.advanceTimersByTime(OPTIONS.heartbeatMs);
      expect(responses.map((response) => response.text.match(/event: heartbeat/g)?.length)).toEqual([1, 1]);
      broadcast.onModuleDestroy();
      expect(responses.map((response) => response.ended)).toEqual([true, true]);
      expect(broadcast.size).toEqual({ streams: 0, groups: 0 });
    } finally {
      jest.useRealTimers();
    }
  });

  it('announces a day that changes a treaty’s status to the streams its status then matches, with no id', async () => {
    const { readModels, subscribe, dayTurns } = startBroadcast();
    readModels.onDay.set('at-be@2026-08-24', { id: 'at-be', status: 'in-force', parties: ['AT', 'BE'] });
    const all = subscribe({});
    const inForce = subscribe({ status: 'in-force' });
    const ratified = subscribe({ status: 'ratified' });
    const signed = subscribe({ status: 'signed' });
    const party = subscribe({ party: 'BE' });
    const other = subscribe({ treaty: 'ru-ir' });
    // An update queued before the day was seen goes out first.
    readModels.commit(update('ru-ir', 7n, 'signed', ['RU', 'IR']));
    dayTurns.days.next({
      day: '2026-08-24',
      turns: [{ treatyId: 'at-be', day: '2026-08-24', status: 'in-force', previousStatus: 'ratified' }],
    });
    await nextTurn();
    const text = (response: FakeSseResponse) => Buffer.concat(response.written).toString();
    const frame = text(inForce).trim();
    expect(frame).toMatch(/^event: date-came\ndata: /);
    expect(frame).not.toMatch(/^id:/m);
    const message = JSON.parse(frame.split('data: ')[1]!);
    expect(message).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      treatyId: 'at-be',
      day: '2026-08-24',
      previousStatus: 'ratified',
      status: { id: 'at-be', status: 'in-force', parties: ['AT', 'BE'] },
    });
    expect(text(all).indexOf('"ru-ir"')).toBeLessThan(text(all).indexOf('event: date-came'));
    expect(text(party)).toContain('event: date-came');
    // The day takes it out of `ratified`: that stream hears of it too, the message saying both (decision 0050).
    expect(text(ratified)).toContain(`event: date-came\ndata: ${JSON.stringify(message)}`);
    expect(text(signed)).not.toContain('date-came');
    expect(text(other)).not.toContain('date-came');
    expect(all.ids).toEqual(['7']);
  });
});

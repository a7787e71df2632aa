import { describe, expect, it } from '@jest/globals';
import type { EncodedAppend } from './group-writer';
import { RecentAppends } from './recent-appends';

/** An append of `count` events to `stream` as the writer encodes it, each event's data `size` characters long. */
function append(stream: string, count: number, size = 10): EncodedAppend {
  return {
    streamName: stream,
    expected: 'any',
    ids: Array.from({ length: count }, (_, index) => `${stream}-${index}`),
    types: Array.from({ length: count }, () => 'SomethingHappened'),
    data: Array.from({ length: count }, () => JSON.stringify({ text: 'x'.repeat(Math.max(0, size - 12)) })),
    metadata: Array.from({ length: count }, () => '{}'),
    recordedAt: '2026-12-04T12:00:00.000Z',
  };
}

/** A page larger than any read of these tests. */
const PAGE = 512;

/** The positions a read after `after` through `head` is answered with, or undefined when the run cannot answer. */
const positionsThrough = (recent: RecentAppends, after: bigint, head: bigint, limit = PAGE) =>
  recent.rowsThrough(after, head, limit)?.map((row) => row[0]);

describe('RecentAppends', () => {
  it("places each event of an append at its position and revision, from the commit's last ones", () => {
    const recent = new RecentAppends();
    recent.record(append('a', 3), { position: 12n, nextExpectedRevision: 4n });
    expect(recent.rowsThrough(9n, 12n, PAGE)).toEqual([
      [10n, 'a-0', 'a', 2n, 'SomethingHappened', '{"text":""}', '{}', '2026-12-04T12:00:00.000Z'],
      [11n, 'a-1', 'a', 3n, 'SomethingHappened', '{"text":""}', '{}', '2026-12-04T12:00:00.000Z'],
      [12n, 'a-2', 'a', 4n, 'SomethingHappened', '{"text":""}', '{}', '2026-12-04T12:00:00.000Z'],
    ]);
  });

  it('answers a read that it holds entirely, up to the head the reader saw, and no other', () => {
    const recent = new RecentAppends();
    recent.record(append('a', 2), { position: 11n, nextExpectedRevision: 1n });
    recent.record(append('b', 1), { position: 12n, nextExpectedRevision: 0n });
    expect(positionsThrough(recent, 9n, 12n)).toEqual([10n, 11n, 12n]);
    expect(positionsThrough(recent, 10n, 11n)).toEqual([11n]);
    expect(positionsThrough(recent, 12n, 12n)).toEqual([]);
    // Before the run begins, or past its end (someone else's commit): the file answers.
    expect(positionsThrough(recent, 8n, 12n)).toBeUndefined();
    expect(positionsThrough(recent, 11n, 13n)).toBeUndefined();
  });

  it('starts a new run when an append does not follow the last one held (another connection wrote between)', () => {
    const recent = new RecentAppends();
    recent.record(append('a', 1), { position: 10n, nextExpectedRevision: 0n });
    recent.record(append('b', 1), { position: 12n, nextExpectedRevision: 0n });
    expect(positionsThrough(recent, 9n, 12n)).toBeUndefined();
    expect(positionsThrough(recent, 11n, 12n)).toEqual([12n]);
  });

  it('keeps the newest events up to its count, and lets the oldest go', () => {
    const recent = new RecentAppends(4);
    for (let position = 1n; position <= 10n; position++) {
      recent.record(append(`s${position}`, 1), { position, nextExpectedRevision: 0n });
    }
    expect(positionsThrough(recent, 5n, 10n)).toBeUndefined();
    expect(positionsThrough(recent, 6n, 10n)).toEqual([7n, 8n, 9n, 10n]);
  });

  it('lets appends go whole, and keeps none of more events than it keeps: the run goes on after it', () => {
    const recent = new RecentAppends(4);
    recent.record(append('a', 2), { position: 2n, nextExpectedRevision: 1n });
    recent.record(append('b', 2), { position: 4n, nextExpectedRevision: 1n });
    recent.record(append('c', 1), { position: 5n, nextExpectedRevision: 0n });
    // Five events held would be one too many: the oldest append goes, both of its events.
    expect(positionsThrough(recent, 1n, 5n)).toBeUndefined();
    expect(positionsThrough(recent, 2n, 5n)).toEqual([3n, 4n, 5n]);
    // As many events as it keeps: kept, alone.
    recent.record(append('full', 4), { position: 9n, nextExpectedRevision: 3n });
    expect(positionsThrough(recent, 4n, 9n)).toBeUndefined();
    expect(positionsThrough(recent, 5n, 9n)).toEqual([6n, 7n, 8n, 9n]);
    recent.record(append('large', 5), { position: 14n, nextExpectedRevision: 4n });
    expect(positionsThrough(recent, 9n, 14n)).toBeUndefined();
    expect(positionsThrough(recent, 13n, 14n)).toBeUndefined();
    recent.record(append('d', 1), { position: 15n, nextExpectedRevision: 0n });
    expect(positionsThrough(recent, 14n, 15n)).toEqual([15n]);
  });

  it('makes rows only for the events a reader takes, from where it asks, inside an append too', () => {
    const recent = new RecentAppends();
    const mixed: EncodedAppend = { ...append('a', 4), types: ['Wanted', 'Other', 'Wanted', 'Wanted'] };
    recent.record(mixed, { position: 13n, nextExpectedRevision: 7n });
    recent.record(append('b', 2), { position: 15n, nextExpectedRevision: 1n });
    const wanted = (streamName: string, type: string) => streamName === 'b' || type === 'Wanted';
    expect(recent.rowsThrough(10n, 15n, PAGE, wanted)?.map((row) => [row[0], row[1], row[3]])).toEqual([
      [12n, 'a-2', 6n],
      [13n, 'a-3', 7n],
      [14n, 'b-0', 0n],
      [15n, 'b-1', 1n],
    ]);
    expect(recent.rowsThrough(9n, 14n, PAGE, () => false)).toEqual([]);
    // A page's worth at most: the rest is the next read's, from the last row delivered.
    expect(recent.rowsThrough(10n, 15n, 3, wanted)?.map((row) => row[0])).toEqual([12n, 13n, 14n]);
    expect(positionsThrough(recent, 9n, 15n, 2)).toEqual([10n, 11n]);
  });

  it('keeps fewer of large events: at most 4 MB of their text, whatever the count', () => {
    const recent = new RecentAppends();
    const megabyte = 1024 * 1024;
    for (let position = 1n; position <= 6n; position++) {
      recent.record(append(`s${position}`, 1, megabyte), { position, nextExpectedRevision: 0n });
    }
    expect(positionsThrough(recent, 2n, 6n)).toBeUndefined();
    expect(positionsThrough(recent, 3n, 6n)).toEqual([4n, 5n, 6n]);
    // Appends of several events let go whole when their text is too much together.
    const pairs = new RecentAppends();
    pairs.record(append('p', 2, megabyte), { position: 2n, nextExpectedRevision: 1n });
    pairs.record(append('q', 2, megabyte), { position: 4n, nextExpectedRevision: 1n });
    pairs.record(append('r', 2, megabyte), { position: 6n, nextExpectedRevision: 1n });
    expect(positionsThrough(pairs, 2n, 6n)).toBeUndefined();
    expect(positionsThrough(pairs, 3n, 6n)).toBeUndefined();
    expect(positionsThrough(pairs, 4n, 6n)).toEqual([5n, 6n]);
    // One event is kept whatever its size; an append of several larger than the bound, not at all.
    recent.record(append('huge', 1, 5 * megabyte), { position: 7n, nextExpectedRevision: 0n });
    expect(positionsThrough(recent, 6n, 7n)).toEqual([7n]);
    recent.record(append('large', 5, megabyte), { position: 12n, nextExpectedRevision: 4n });
    expect(positionsThrough(recent, 11n, 12n)).toBeUndefined();
    recent.record(append('after', 1), { position: 13n, nextExpectedRevision: 0n });
    expect(positionsThrough(recent, 12n, 13n)).toEqual([13n]);
  });

  it('keeps nothing when told to keep none: every read goes to the file', () => {
    const recent = new RecentAppends(0);
    recent.record(append('a', 1), { position: 1n, nextExpectedRevision: 0n });
    expect(positionsThrough(recent, 0n, 1n)).toBeUndefined();
    expect(() => new RecentAppends(-1)).toThrow(RangeError);
    expect(() => new RecentAppends(1.5)).toThrow(RangeError);
  });
});

import { describe, expect, it } from '@jest/globals';
import { EventStoreUnavailableError } from '@timeline/event-store';
import { KnownStreamRevisions } from './known-stream-revisions';

describe('KnownStreamRevisions', () => {
  it('keeps the last revision seen of a stream, whatever order reads and subscriptions report it in', () => {
    const known = new KnownStreamRevisions();
    known.note('treaty-a', 3n);
    known.note('treaty-a', 1n);
    expect(known.of('treaty-a')).toBe(3n);
    expect(known.of('treaty-b')).toBeUndefined();
  });

  it('remembers at most its capacity, forgetting the stream touched longest ago', () => {
    const known = new KnownStreamRevisions(3);
    for (const stream of ['a', 'b', 'c']) known.note(stream, 0n);
    known.note('a', 1n); // touched again: now the most recent
    known.note('d', 0n);
    expect(['a', 'b', 'c', 'd'].map((stream) => known.of(stream))).toEqual([1n, undefined, 0n, 0n]);
  });

  it('forgets a stream deleted for good', () => {
    const known = new KnownStreamRevisions();
    known.note('a', 2n);
    known.forget('a');
    expect(known.of('a')).toBeUndefined();
  });

  it('refuses an answer that ends before the revision seen, as the store unavailable', () => {
    expect(() => KnownStreamRevisions.assertReaches('a', 1n, 2n)).toThrow(EventStoreUnavailableError);
    expect(() => KnownStreamRevisions.assertReaches('a', undefined, 0n)).toThrow(/without any event/);
    expect(() => KnownStreamRevisions.assertReaches('a', 2n, 2n)).not.toThrow();
    expect(() => KnownStreamRevisions.assertReaches('a', undefined, undefined)).not.toThrow();
  });
});

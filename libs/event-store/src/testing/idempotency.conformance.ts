import { describe, expect, it } from '@jest/globals';
import { ANY, IdempotencyConflictError, NO_STREAM, STREAM_EXISTS } from '..';
import { collect, newEvents, uniqueStreamName, type StoreUnderTest } from './conformance-helpers';

export function idempotencyConformance(subject: StoreUnderTest): void {
  describe('idempotent append', () => {
    it.each([
      ['any', ANY, 1],
      ['no_stream', NO_STREAM, 0],
      ['stream_exists', STREAM_EXISTS, 1],
      ['an exact revision', 0n, 1],
    ] as const)(
      'returns the original result and writes nothing when re-sent expecting %s',
      async (_label, expected, existing) => {
        const stream = uniqueStreamName();
        if (existing > 0) await subject.store.appendToStream(stream, newEvents(existing));
        const events = newEvents(3);
        const original = await subject.store.appendToStream(stream, events, {
          expectedRevision: expected,
        });
        const retried = await subject.store.appendToStream(stream, events, {
          expectedRevision: expected,
        });
        expect(retried).toEqual(original);
        expect(await collect(subject.store.readStream(stream))).toHaveLength(existing + 3);
      },
    );

    it('returns the original result even when the stream has moved on since', async () => {
      const stream = uniqueStreamName();
      const events = newEvents(2);
      const original = await subject.store.appendToStream(stream, events, {
        expectedRevision: NO_STREAM,
      });
      await subject.store.appendToStream(stream, newEvents(5));
      const retried = await subject.store.appendToStream(stream, events, {
        expectedRevision: NO_STREAM,
      });
      expect(retried).toEqual(original);
      expect(await collect(subject.store.readStream(stream))).toHaveLength(7);
    });

    it('refuses an append whose ids are only partly stored, and writes nothing', async () => {
      const stream = uniqueStreamName();
      const stored = newEvents(2);
      await subject.store.appendToStream(stream, stored);
      for (const mixed of [
        [stored[1]!, ...newEvents(1)],
        [...newEvents(2), stored[0]!],
      ]) {
        await expect(subject.store.appendToStream(stream, mixed)).rejects.toBeInstanceOf(IdempotencyConflictError);
        expect(await collect(subject.store.readStream(stream))).toHaveLength(2);
      }
      // Nothing of the refused appends took a revision or a position: the next append follows the stored ones.
      const next = await subject.store.appendToStream(stream, newEvents(1), { expectedRevision: 1n });
      expect(next.nextExpectedRevision).toBe(2n);
    });
  });
}

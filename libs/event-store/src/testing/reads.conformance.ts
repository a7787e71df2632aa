import { beforeEach, describe, expect, it } from '@jest/globals';
import { END, StreamNotFoundError } from '..';
import { collect, newEvents, uniqueStreamName, type StoreUnderTest } from './conformance-helpers';

export function readsConformance(subject: StoreUnderTest): void {
  describe('readStream', () => {
    let stream: string;
    beforeEach(async () => {
      stream = uniqueStreamName();
      await subject.store.appendToStream(stream, newEvents(5));
    });

    it('reads forwards from a revision, inclusive, up to a count', async () => {
      const events = await collect(subject.store.readStream(stream, { fromRevision: 1n, maxCount: 3 }));
      expect(events.map((event) => event.revision)).toEqual([1n, 2n, 3n]);
    });

    it('reads backwards from the end, or from a revision inclusive', async () => {
      const fromEnd = await collect(
        subject.store.readStream(stream, {
          direction: 'backwards',
          maxCount: 2,
        }),
      );
      expect(fromEnd.map((event) => event.revision)).toEqual([4n, 3n]);
      const fromTwo = await collect(
        subject.store.readStream(stream, {
          direction: 'backwards',
          fromRevision: 2n,
        }),
      );
      expect(fromTwo.map((event) => event.revision)).toEqual([2n, 1n, 0n]);
      const fromStart = await collect(
        subject.store.readStream(stream, { direction: 'backwards', fromRevision: 'start' }),
      );
      expect(fromStart.map((event) => event.revision)).toEqual([0n]);
    });

    it('raises a typed not-found error for a stream with no events', async () => {
      const error = await collect(subject.store.readStream(uniqueStreamName())).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StreamNotFoundError);
    });
  });

  describe('readAll', () => {
    it('reads every stream in commit order, forwards from a position inclusive', async () => {
      const a = uniqueStreamName();
      const b = uniqueStreamName();
      const first = await subject.store.appendToStream(a, newEvents(1));
      await subject.store.appendToStream(b, newEvents(2));
      await subject.store.appendToStream(a, newEvents(1));
      const ours = (await collect(subject.store.readAll({ fromPosition: first.position }))).filter((event) =>
        [a, b].includes(event.streamName),
      );
      expect(ours.map((event) => `${event.streamName === a ? 'a' : 'b'}${event.revision}`)).toEqual([
        'a0',
        'b0',
        'b1',
        'a1',
      ]);
      expect(ours[0]!.position).toBe(first.position);
    });

    it('reads backwards from a position, exclusive, and from the end', async () => {
      const stream = uniqueStreamName();
      await subject.store.appendToStream(stream, newEvents(3));
      const positions = (await collect(subject.store.readStream(stream))).map((event) => event.position);
      const before = await collect(
        subject.store.readAll({
          direction: 'backwards',
          fromPosition: positions[2]!,
          maxCount: 2,
        }),
      );
      expect(before.map((event) => event.position)).toEqual([positions[1], positions[0]]);
      const latest = await collect(subject.store.readAll({ direction: 'backwards', maxCount: 1 }));
      expect(latest[0]!.position).toBe(positions[2]);
    });

    it('returns nothing forwards from the end', async () => {
      await subject.store.appendToStream(uniqueStreamName(), newEvents(2));
      expect(await collect(subject.store.readAll({ fromPosition: END }))).toEqual([]);
    });
  });
}

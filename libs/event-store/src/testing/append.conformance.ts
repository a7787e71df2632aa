import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  ANY,
  InvalidAppendError,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type NewEvent,
} from '..';
import { collect, newEvents, uniqueStreamName, type StoreUnderTest } from './conformance-helpers';

export function appendConformance(subject: StoreUnderTest): void {
  describe('appendToStream', () => {
    it('starts a new stream at revision 0 and reports the position of its last event', async () => {
      const stream = uniqueStreamName();
      const first = await subject.store.appendToStream(stream, newEvents(1), {
        expectedRevision: NO_STREAM,
      });
      const second = await subject.store.appendToStream(stream, newEvents(3), {
        expectedRevision: 0n,
      });
      expect(first.nextExpectedRevision).toBe(0n);
      expect(second.nextExpectedRevision).toBe(3n);
      expect(second.position).toBeGreaterThan(first.position);
      const events = await collect(subject.store.readStream(stream));
      expect(events.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n]);
      expect(events[3]!.position).toBe(second.position);
    });

    it('keeps id, type, data and metadata as written, and records the time', async () => {
      const stream = uniqueStreamName();
      const event: NewEvent = {
        id: randomUUID(),
        type: 'TreatySigned',
        data: {
          place: 'Москва — Kremlin ✍️',
          parties: ['RU', 'IR'],
          nested: { votes: 412, ok: true, none: null },
        },
        metadata: { actor: 'editor-1', correlationId: randomUUID() },
      };
      const before = Date.now();
      await subject.store.appendToStream(stream, [event]);
      const [recorded] = await collect(subject.store.readStream(stream));
      expect(recorded).toMatchObject({
        id: event.id,
        type: event.type,
        data: event.data,
        streamName: stream,
      });
      expect(recorded!.metadata).toMatchObject(event.metadata!);
      expect(recorded!.recordedAt).toBeInstanceOf(Date);
      expect(recorded!.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(recorded!.recordedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    });

    it('gives every event a global position that increases in commit order across streams', async () => {
      const a = uniqueStreamName();
      const b = uniqueStreamName();
      const results = [];
      for (let round = 0; round < 3; round++) {
        results.push(await subject.store.appendToStream(a, newEvents(2)));
        results.push(await subject.store.appendToStream(b, newEvents(1)));
      }
      const positions = results.map((result) => result.position);
      expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
      expect(new Set(positions).size).toBe(positions.length);
    });

    it.each([
      ['any', ANY, 'missing', true],
      ['any', ANY, 'existing', true],
      ['no_stream', NO_STREAM, 'missing', true],
      ['no_stream', NO_STREAM, 'existing', false],
      ['stream_exists', STREAM_EXISTS, 'missing', false],
      ['stream_exists', STREAM_EXISTS, 'existing', true],
      ['the exact revision', 1n, 'existing', true],
      ['a stale revision', 0n, 'existing', false],
      ['a revision on a missing stream', 0n, 'missing', false],
    ] as const)('expecting %s on a %s stream: accepted=%s', async (_label, expectedRevision, state, accepted) => {
      const stream = uniqueStreamName();
      if (state === 'existing') await subject.store.appendToStream(stream, newEvents(2));
      const attempt = subject.store.appendToStream(stream, newEvents(1), {
        expectedRevision,
      });
      if (accepted) {
        await expect(attempt).resolves.toMatchObject({
          nextExpectedRevision: state === 'existing' ? 2n : 0n,
        });
        return;
      }
      const error = await attempt.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({
        streamName: stream,
        expected: expectedRevision,
        actual: state === 'existing' ? 1n : NO_STREAM,
      });
      const stored = state === 'existing' ? await collect(subject.store.readStream(stream)) : [];
      expect(stored).toHaveLength(state === 'existing' ? 2 : 0);
    });

    it('writes all events of an append or none: a conflicting append leaves the stream as it was', async () => {
      const stream = uniqueStreamName();
      await subject.store.appendToStream(stream, newEvents(2));
      await expect(
        subject.store.appendToStream(stream, newEvents(50), {
          expectedRevision: 0n,
        }),
      ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(await collect(subject.store.readStream(stream))).toHaveLength(2);
    });

    it('refuses an append with an event that no store could write, and writes none of its events', async () => {
      const stream = uniqueStreamName();
      const good = newEvents(2);
      await expect(
        subject.store.appendToStream(stream, [...good, { ...newEvents(1)[0]!, id: 'not-a-uuid' }]),
      ).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(subject.store.appendToStream(stream, [good[0]!, good[0]!])).rejects.toBeInstanceOf(
        InvalidAppendError,
      );
      await expect(subject.store.appendToStream(stream, [])).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(collect(subject.store.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
    });

    it('refuses a stream name or an event type that is not well-formed Unicode (a lone surrogate)', async () => {
      const stream = uniqueStreamName();
      await expect(subject.store.appendToStream(`${stream}-\uD83C`, newEvents(1))).rejects.toBeInstanceOf(
        InvalidAppendError,
      );
      await expect(subject.store.appendToStream(stream, newEvents(1, 'Broken\uDF0DHappened'))).rejects.toBeInstanceOf(
        InvalidAppendError,
      );
      await expect(collect(subject.store.readStream(stream))).rejects.toBeInstanceOf(StreamNotFoundError);
      // A pair is one character, outside the Basic Multilingual Plane: written and read back as it is.
      await subject.store.appendToStream(`${stream}-\u{1F30D}`, newEvents(1, 'Globe\u{1F30D}Happened'));
      const [event] = await collect(subject.store.readStream(`${stream}-\u{1F30D}`));
      expect(event).toMatchObject({ streamName: `${stream}-\u{1F30D}`, type: 'Globe\u{1F30D}Happened' });
    });
  });
}

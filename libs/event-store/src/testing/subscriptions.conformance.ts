import { describe, expect, it } from '@jest/globals';
import { END, streamPartitionOf, type RecordedEvent, type StreamPartition } from '..';
import {
  collect,
  labelOf,
  newEvents,
  readUntil,
  uniqueStreamName,
  waitFor,
  type StoreUnderTest,
} from './conformance-helpers';

export function subscriptionsConformance(subject: StoreUnderTest): void {
  describe('subscribeToAll', () => {
    it('delivers the events after its position, says once that it caught up, then delivers live events', async () => {
      const stream = uniqueStreamName();
      const marker = await subject.store.appendToStream(stream, newEvents(1));
      await subject.store.appendToStream(stream, newEvents(2));
      const seen: string[] = [];
      const reading = readUntil(subject.store.subscribeToAll({ fromPosition: marker.position }), (message) => {
        if (message.kind === 'caught-up') seen.push('caught-up');
        else if (message.kind === 'event' && message.event.streamName === stream)
          seen.push(`e${message.event.revision}`);
        return seen.includes('e4');
      });
      await waitFor(() => seen.includes('caught-up'));
      await subject.store.appendToStream(stream, newEvents(2));
      await reading;
      expect(seen).toEqual(['e1', 'e2', 'caught-up', 'e3', 'e4']);
    });

    it('misses and repeats nothing across the catch-up/live boundary while appends race with it', async () => {
      const streams = [uniqueStreamName(), uniqueStreamName()];
      const marker = await subject.store.appendToStream(streams[0]!, newEvents(1));
      const writing = (async () => {
        for (let round = 0; round < 40; round++) {
          await subject.store.appendToStream(streams[round % 2]!, newEvents(1 + (round % 3)));
          if (round % 5 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const delivered: RecordedEvent[] = [];
      const total = Array.from({ length: 40 }, (_, round) => 1 + (round % 3)).reduce((sum, count) => sum + count, 0);
      await readUntil(subject.store.subscribeToAll({ fromPosition: marker.position }), (message) => {
        if (message.kind === 'event' && streams.includes(message.event.streamName)) delivered.push(message.event);
        return delivered.length === total;
      });
      await writing;
      const stored = (await collect(subject.store.readAll({ fromPosition: marker.position }))).filter(
        (event) => streams.includes(event.streamName) && event.position > marker.position,
      );
      expect(delivered.map((event) => labelOf(event, streams))).toEqual(stored.map((event) => labelOf(event, streams)));
      expect(new Set(delivered.map((event) => event.id)).size).toBe(total);
    });

    it('starting at the end delivers only events appended afterwards', async () => {
      const stream = uniqueStreamName();
      await subject.store.appendToStream(stream, newEvents(3));
      const seen: string[] = [];
      const reading = readUntil(subject.store.subscribeToAll({ fromPosition: END }), (message) => {
        if (message.kind === 'caught-up') seen.push('caught-up');
        else if (message.kind === 'event' && message.event.streamName === stream)
          seen.push(`e${message.event.revision}`);
        return seen.includes('e3');
      });
      await waitFor(() => seen.includes('caught-up'));
      await subject.store.appendToStream(stream, newEvents(1));
      await reading;
      expect(seen).toEqual(['caught-up', 'e3']);
    });

    it.each(['stream-name', 'event-type'] as const)('filters on the %s prefix', async (on) => {
      const prefix = uniqueStreamName('filtered');
      const wanted = `${prefix}-wanted`;
      const other = uniqueStreamName('other');
      const marker = await subject.store.appendToStream(other, newEvents(1));
      const wantedType = on === 'event-type' ? `${prefix}Happened` : 'SomethingHappened';
      await subject.store.appendToStream(other, newEvents(2, 'SomethingElseHappened'));
      await subject.store.appendToStream(wanted, newEvents(2, wantedType));
      await subject.store.appendToStream(other, newEvents(1, 'SomethingElseHappened'));
      const seen: string[] = [];
      await readUntil(
        subject.store.subscribeToAll({
          fromPosition: marker.position,
          filter: { on, prefixes: [prefix] },
        }),
        (message) => {
          if (message.kind === 'event')
            seen.push(`${message.event.streamName === wanted ? 'w' : 'o'}${message.event.revision}`);
          return message.kind === 'caught-up';
        },
      );
      expect(seen).toEqual(['w0', 'w1']);
    });

    it('keeps every event with a filter of no prefixes, as with none', async () => {
      const marker = await subject.store.appendToStream(uniqueStreamName(), newEvents(1));
      const stream = uniqueStreamName('any');
      await subject.store.appendToStream(stream, newEvents(2));
      const seen: string[] = [];
      await readUntil(
        subject.store.subscribeToAll({ fromPosition: marker.position, filter: { on: 'stream-name', prefixes: [] } }),
        (message) => {
          if (message.kind === 'event' && message.event.streamName === stream) seen.push(`e${message.event.revision}`);
          return message.kind === 'caught-up';
        },
      );
      expect(seen).toEqual(['e0', 'e1']);
    });

    it('filters on a prefix outside the Basic Multilingual Plane as on any other', async () => {
      const prefix = `${uniqueStreamName('astral')}-\u{1F30D}`;
      const marker = await subject.store.appendToStream(uniqueStreamName(), newEvents(1));
      await subject.store.appendToStream(`${prefix}-wanted`, newEvents(2));
      await subject.store.appendToStream(uniqueStreamName('after'), newEvents(1));
      const seen: string[] = [];
      await readUntil(
        subject.store.subscribeToAll({
          fromPosition: marker.position,
          filter: { on: 'stream-name', prefixes: [prefix] },
        }),
        (message) => {
          if (message.kind === 'event') seen.push(`${message.event.streamName}@${message.event.revision}`);
          return message.kind === 'caught-up';
        },
      );
      expect(seen).toEqual([`${prefix}-wanted@0`, `${prefix}-wanted@1`]);
    });

    it('delivers every match that follows long runs of events its filter skips, live and in order', async () => {
      const prefix = uniqueStreamName('rare');
      const others = uniqueStreamName('common');
      const seen: string[] = [];
      let caughtUp = false;
      const reading = readUntil(
        subject.store.subscribeToAll({ fromPosition: END, filter: { on: 'stream-name', prefixes: [prefix] } }),
        (message) => {
          if (message.kind === 'caught-up') caughtUp = true;
          else if (message.kind === 'event') seen.push(`${message.event.streamName}@${message.event.revision}`);
          return seen.length === 3;
        },
      );
      await waitFor(() => caughtUp);
      for (let round = 0; round < 3; round++) {
        // Long runs of events the filter skips, in appends of several sizes, then one it takes.
        for (const count of [120, 1, 200]) await subject.store.appendToStream(others, newEvents(count));
        await subject.store.appendToStream(`${prefix}-${round}`, newEvents(1));
      }
      await reading;
      expect(seen).toEqual([`${prefix}-0@0`, `${prefix}-1@0`, `${prefix}-2@0`]);
    });

    it('catches up on more matches than a page holds, among events its filter skips, missing none', async () => {
      const prefix = uniqueStreamName('many');
      const others = uniqueStreamName('common');
      const marker = await subject.store.appendToStream(others, newEvents(1));
      const matches = 300; // more than a page of the embedded stores (256): the first page is cut short by its limit
      for (let round = 0; round < matches / 50; round++) {
        await subject.store.appendToStream(`${prefix}-${round}`, newEvents(50));
        await subject.store.appendToStream(others, newEvents(50));
      }
      let delivered = 0;
      await readUntil(
        subject.store.subscribeToAll({
          fromPosition: marker.position,
          filter: { on: 'stream-name', prefixes: [prefix] },
        }),
        (message) => {
          if (message.kind === 'event') delivered += 1;
          return message.kind === 'caught-up';
        },
      );
      expect(delivered).toBe(matches);
    });

    it('splits the log by stream into parts that together deliver it whole, each stream in one part, in order', async () => {
      const streams = Array.from({ length: 12 }, () => uniqueStreamName('part'));
      const marker = await subject.store.appendToStream(uniqueStreamName(), newEvents(1));
      for (let round = 0; round < 3; round++) {
        for (const stream of streams) await subject.store.appendToStream(stream, newEvents(1));
      }
      const read = async (partition?: StreamPartition): Promise<RecordedEvent[]> => {
        const events: RecordedEvent[] = [];
        await readUntil(
          subject.store.subscribeToAll({ fromPosition: marker.position, ...(partition ? { partition } : {}) }),
          (message) => {
            if (message.kind === 'event' && streams.includes(message.event.streamName)) events.push(message.event);
            return message.kind === 'caught-up';
          },
        );
        return events;
      };
      const whole = await read();
      const parts = await Promise.all([0, 1, 2].map((index) => read({ index, count: 3 })));
      parts.forEach((part, index) => {
        expect(part.every((event) => streamPartitionOf(event.streamName, 3) === index)).toBe(true);
        expect(part.map((event) => event.position)).toEqual(
          part.map((event) => event.position).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
        );
      });
      // Twelve streams in one part of three would be a broken hash (or one chance in 177,147).
      expect(parts.filter((part) => part.length > 0).length).toBeGreaterThan(1);
      const rejoined = parts.flat().sort((a, b) => (a.position < b.position ? -1 : 1));
      expect(rejoined.map((event) => event.id)).toEqual(whole.map((event) => event.id));
      expect(whole).toHaveLength(36);
    });

    it('refuses a part that names none', () => {
      for (const partition of [
        { index: 2, count: 2 },
        { index: -1, count: 2 },
        { index: 0, count: 0 },
        { index: 0.5, count: 2 },
      ]) {
        expect(() => subject.store.subscribeToAll({ partition })).toThrow(RangeError);
      }
    });

    it('refuses a filter prefix with a lone surrogate, which no name can start with in UTF-8', () => {
      for (const prefix of ['\uD83C', 'treaty-\uDF0D', '\uDF0D\uD83C']) {
        for (const on of ['stream-name', 'event-type'] as const) {
          expect(() => subject.store.subscribeToAll({ filter: { on, prefixes: ['ok-', prefix] } })).toThrow(RangeError);
        }
      }
    });

    it('ends at once when its signal aborts, even while it waits for new events', async () => {
      const controller = new AbortController();
      let caughtUp = false;
      const iteration = (async () => {
        for await (const message of subject.store.subscribeToAll({
          fromPosition: END,
          signal: controller.signal,
        })) {
          if (message.kind === 'caught-up') caughtUp = true;
        }
      })();
      await waitFor(() => caughtUp);
      controller.abort();
      await expect(iteration).resolves.toBeUndefined();
    });

    it('does not hold writers back while a subscriber does not read', async () => {
      const stream = uniqueStreamName();
      const subscription = subject.store.subscribeToAll({ fromPosition: END })[Symbol.asyncIterator]();
      await subscription.next();
      for (let index = 0; index < 200; index++) await subject.store.appendToStream(stream, newEvents(1));
      const next = await subscription.next();
      await subscription.return?.();
      expect(next.done).toBe(false);
      expect((await collect(subject.store.readStream(stream))).length).toBe(200);
      // 200 appends one after another: about 5 s through the EventStoreDB double alone, more on a busy machine.
    }, 60_000);
  });

  describe('subscribeToStream', () => {
    it('catches up on one stream after a revision, then follows it live', async () => {
      const stream = uniqueStreamName();
      await subject.store.appendToStream(stream, newEvents(3));
      await subject.store.appendToStream(uniqueStreamName(), newEvents(2));
      const seen: string[] = [];
      const reading = readUntil(subject.store.subscribeToStream(stream, { fromRevision: 0n }), (message) => {
        seen.push(
          message.kind !== 'event'
            ? message.kind
            : `${message.event.streamName === stream ? 'e' : 'x'}${message.event.revision}`,
        );
        return seen.includes('e3');
      });
      await waitFor(() => seen.includes('caught-up'));
      await subject.store.appendToStream(stream, newEvents(1));
      await reading;
      expect(seen).toEqual(['e1', 'e2', 'caught-up', 'e3']);
    });

    it('waits for a stream that does not exist yet', async () => {
      const stream = uniqueStreamName();
      const seen: string[] = [];
      const reading = readUntil(subject.store.subscribeToStream(stream), (message) => {
        seen.push(message.kind !== 'event' ? message.kind : `e${message.event.revision}`);
        return seen.includes('e1');
      });
      await waitFor(() => seen.includes('caught-up'));
      await subject.store.appendToStream(stream, newEvents(2));
      await reading;
      expect(seen).toEqual(['caught-up', 'e0', 'e1']);
    });
  });
}

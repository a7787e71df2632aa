import { describe, expect, it } from '@jest/globals';
import { keepStreamPartition, streamPartitionOf } from './stream-partition';
import type { SubscriptionMessage } from './event-store.port';
import type { RecordedEvent } from './events';

describe('streamPartitionOf', () => {
  it("is one hash everywhere: FNV-1a, then MurmurHash3's finalizer, scaled to the count", () => {
    // Pinned: the embedded store computes the same function in its queries, and a part must mean one thing.
    const full = 2 ** 32;
    expect(streamPartitionOf('', full)).toBe(0xab3e7c0b);
    expect(streamPartitionOf('a', full)).toBe(0x1a80b1b3);
    expect(streamPartitionOf('foobar', full)).toBe(0x0c0da6dc);
    expect(streamPartitionOf('foobar', 7)).toBe(Math.floor((0x0c0da6dc * 7) / full));
  });

  it('spreads treaty streams evenly over the parts, whatever the parity of their names', () => {
    for (const count of [2, 3]) {
      const counts = Array.from({ length: count }, () => 0);
      for (let index = 0; index < 3000; index++) counts[streamPartitionOf(`treaty-bench-${index}`, count)]! += 1;
      expect(Math.min(...counts)).toBeGreaterThan((3000 / count) * 0.9);
    }
    // Names that differ only in their last characters: FNV-1a alone puts them all in one part, by its high bits or
    // by its low ones (the parity of the odd code units).
    const lastCharacters = Array.from({ length: 20 }, (_, index) => `s-${index}`);
    const sameParity = ['treaty-aa', 'treaty-ac', 'treaty-ca', 'treaty-ee', 'treaty-bb', 'treaty-dd', 'treaty-bd'];
    for (const names of [lastCharacters, sameParity]) {
      expect(new Set(names.map((name) => streamPartitionOf(name, 2))).size).toBe(2);
    }
  });
});

describe('keepStreamPartition', () => {
  it("keeps the part's events and deletions, and the caught-up marker", async () => {
    const names = Array.from({ length: 20 }, (_, index) => `s-${index}`);
    const messages: SubscriptionMessage[] = [
      ...names.map((streamName, index) => ({
        kind: 'event' as const,
        event: { streamName, position: BigInt(index) } as RecordedEvent,
      })),
      { kind: 'caught-up' },
      ...names.map((streamName, index) => ({
        kind: 'stream-deleted' as const,
        streamName,
        position: BigInt(20 + index),
        recordedAt: new Date('2026-01-01T00:00:00.000Z'),
      })),
    ];
    async function* source() {
      yield* messages;
    }
    const kept: SubscriptionMessage[] = [];
    for await (const message of keepStreamPartition(source(), { index: 1, count: 2 })) kept.push(message);
    const inPart = names.filter((name) => streamPartitionOf(name, 2) === 1);
    expect(inPart.length).toBeGreaterThan(0);
    expect(inPart.length).toBeLessThan(names.length);
    expect(kept).toEqual([
      ...messages
        .slice(0, 20)
        .filter((message) => message.kind === 'event' && inPart.includes(message.event.streamName)),
      { kind: 'caught-up' },
      ...messages
        .slice(21)
        .filter((message) => message.kind === 'stream-deleted' && inPart.includes(message.streamName)),
    ]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { keepStreamPartition, streamPartitionOf } from './stream-partition';
import type { SubscriptionMessage } from './event-store.port';
import type { RecordedEvent } from './events';

describe('streamPartitionOf', () => {
  it('is FNV-1a over the name (the published test vectors), modulo the count', () => {
    const full = 2 ** 32;
    expect(streamPartitionOf('', full)).toBe(0x811c9dc5);
    expect(streamPartitionOf('a', full)).toBe(0xe40c292c);
    expect(streamPartitionOf('foobar', full)).toBe(0xbf9cf968);
    expect(streamPartitionOf('foobar', 7)).toBe(0xbf9cf968 % 7);
  });

  it('spreads treaty streams over the parts', () => {
    const counts = [0, 0];
    for (let index = 0; index < 1000; index++) counts[streamPartitionOf(`treaty-bench-${index}`, 2)]! += 1;
    expect(Math.min(...counts)).toBeGreaterThan(400);
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

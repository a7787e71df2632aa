import { describe, expect, it } from '@jest/globals';
import { collect, newEvents, readUntil, uniqueStreamName, type StoreUnderTest } from './conformance-helpers';

const TOTAL = 10_000;
const BATCH = 500;

export function sizesConformance(subject: StoreUnderTest): void {
  describe('10,000 events', () => {
    it('stores them in one stream and reads them back in order both ways, and a subscription catches up on them', async () => {
      const stream = uniqueStreamName('large');
      let revision: bigint | 'no_stream' = 'no_stream';
      for (let written = 0; written < TOTAL; written += BATCH) {
        const result = await subject.store.appendToStream(stream, newEvents(BATCH), { expectedRevision: revision });
        revision = result.nextExpectedRevision;
      }
      expect(revision).toBe(BigInt(TOTAL - 1));

      const forwards = await collect(subject.store.readStream(stream));
      expect(forwards).toHaveLength(TOTAL);
      expect(forwards.every((event, index) => event.revision === BigInt(index))).toBe(true);
      const backwards = await collect(subject.store.readStream(stream, { direction: 'backwards' }));
      expect(backwards.map((event) => event.id)).toEqual(forwards.map((event) => event.id).reverse());

      let delivered = 0;
      // Catching up on 10,000 events through the EventStoreDB double (a fresh one for each test) takes several
      // seconds on a busy machine: the default wait of readUntil is for a few events.
      await readUntil(
        subject.store.subscribeToStream(stream),
        (message) => {
          if (message.kind === 'event') delivered += 1;
          return message.kind === 'caught-up';
        },
        120_000,
      );
      expect(delivered).toBe(TOTAL);
    }, 180_000);
  });
}

import { describe, expect, it } from '@jest/globals';
import { AppendSignal } from './append-signal';
import type { RecordedEvent } from './events';
import type { SubscriptionMessage } from './event-store.port';
import { tailSubscription, type TailPage } from './tail-subscription';

const eventAt = (position: bigint): RecordedEvent =>
  ({ id: `e${position}`, position, revision: 0n, streamName: 's', type: 'T', data: {} }) as unknown as RecordedEvent;

describe('tailSubscription', () => {
  it('starts the next read where the last one says it looked through, past the events its filter skipped', async () => {
    const appends = new AppendSignal();
    const readsAfter: bigint[] = [];
    const pages: TailPage<bigint>[] = [
      { events: [eventAt(3n)], lookedThrough: 40n },
      { events: [], lookedThrough: 90n },
      { events: [eventAt(95n)] },
    ];
    const subscription = tailSubscription<bigint>(
      {
        readPage: (after) => {
          readsAfter.push(after);
          appends.notify(); // as if an append landed after each read: the next read follows at once
          return pages.shift() ?? { events: [] };
        },
        cursorOf: (event) => event.position,
        appends,
      },
      0n,
    );
    const messages: SubscriptionMessage[] = [];
    for await (const message of subscription) {
      messages.push(message);
      if (message.kind === 'event' && message.event.position === 95n) break;
    }
    expect(readsAfter).toEqual([0n, 40n, 90n]);
    expect(messages.map((message) => (message.kind === 'event' ? message.event.position : message.kind))).toEqual([
      3n,
      'caught-up',
      95n,
    ]);
  });
});

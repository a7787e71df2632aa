import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import type { Response } from 'express';
import { Subject } from 'rxjs';
import type { TreatyUpdate } from '@timeline/projections';
import { resumePosition, toSseMessages } from './sse-messages';

function fakeResponse() {
  const response = Object.assign(new EventEmitter(), { writableNeedDrain: false, destroyed: false });
  return Object.assign(response, { destroy: () => (response.destroyed = true) });
}

const update = (position: bigint): TreatyUpdate => ({ treatyId: 't', position, status: { id: 't' } });

describe('toSseMessages', () => {
  it('sends each update with its position as the SSE id', () => {
    const updates = new Subject<TreatyUpdate>();
    const response = fakeResponse();
    const sent: unknown[] = [];
    const subscription = toSseMessages(updates, response as unknown as Response, {
      heartbeatMs: 60_000,
      maxUnreadMessages: 2,
      maxUnreadBytes: 1_000_000,
    }).subscribe((message) => sent.push(message));
    updates.next(update(7n));
    subscription.unsubscribe();
    expect(sent).toEqual([{ id: '7', data: { id: 't' } }]);
  });

  it('drops a subscriber that leaves more than the bound unread, and keeps one that catches up', () => {
    const updates = new Subject<TreatyUpdate>();
    const response = fakeResponse();
    let completed = false;
    toSseMessages(updates, response as unknown as Response, {
      heartbeatMs: 60_000,
      maxUnreadMessages: 2,
      maxUnreadBytes: 1_000_000,
    }).subscribe({
      complete: () => (completed = true),
    });
    response.writableNeedDrain = true;
    updates.next(update(1n));
    updates.next(update(2n));
    response.writableNeedDrain = false;
    response.emit('drain');
    response.writableNeedDrain = true;
    updates.next(update(3n));
    updates.next(update(4n));
    expect(completed).toBe(false);
    updates.next(update(5n));
    expect(completed).toBe(true);
    expect(response.destroyed).toBe(true);
    expect(updates.observed).toBe(false);
  });

  it('drops a subscriber by the bytes it leaves unread, however few the messages', () => {
    const updates = new Subject<TreatyUpdate>();
    const response = fakeResponse();
    let completed = false;
    toSseMessages(updates, response as unknown as Response, {
      heartbeatMs: 60_000,
      maxUnreadMessages: 256,
      maxUnreadBytes: 40_000,
    }).subscribe({ complete: () => (completed = true) });
    const big = (position: bigint): TreatyUpdate => ({
      treatyId: 't',
      position,
      status: { id: 't', parties: Array.from({ length: 200 }, (_, index) => `P${index}`.repeat(20)) },
    });
    response.writableNeedDrain = true;
    updates.next(big(1n));
    updates.next(big(2n));
    expect(completed).toBe(false);
    updates.next(big(3n)); // about 43 KB unread: past the bound, with 3 messages of the 256 allowed
    expect(completed).toBe(true);
    expect(response.destroyed).toBe(true);
  });
});

describe('resumePosition', () => {
  it('reads a position, and nothing from an absent header', () => {
    expect(resumePosition('42')).toBe(42n);
    expect(resumePosition('9223372036854775807')).toBe(2n ** 63n - 1n);
    expect(() => resumePosition('9223372036854775808')).toThrow('Last-Event-ID');
    expect(() => resumePosition('9999999999999999999')).toThrow('Last-Event-ID');
    expect(resumePosition(undefined)).toBeUndefined();
    expect(() => resumePosition('yesterday')).toThrow('Last-Event-ID');
  });
});

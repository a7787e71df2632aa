import { describe, expect, it } from '@jest/globals';
import { HEARTBEAT_FRAME, SseFrame } from './sse-frame';
import { SseSubscriber } from './sse-subscriber';
import { FakeSseResponse } from './testing/fake-sse-response';

/** An update of treaty `t` at a position, as the subscriber needs it. */
const at = (position: bigint, treatyId = 't') => ({ treatyId, position });

const frame = (position: number, bytes = 10): SseFrame =>
  SseFrame.of(`id: ${position}\ndata: "${'x'.repeat(bytes)}"\n\n`);

describe('SseSubscriber', () => {
  it('opens with the SSE headers, then sends each position once, in order', () => {
    const response = new FakeSseResponse();
    const subscriber = new SseSubscriber(response.asResponse, { maxUnreadMessages: 2, maxUnreadBytes: 1e6 }, 3n);
    subscriber.start();
    subscriber.sendUpdate(at(3n), frame(3));
    subscriber.sendUpdate(at(7n), frame(7));
    subscriber.sendUpdate(at(7n), frame(7));
    subscriber.sendUpdate(at(5n), frame(5));
    expect(response.status).toBe(200);
    expect(response.ids).toEqual(['7']);
  });

  it('sends each treaty once at a position that several share, and none at the position it resumes after', () => {
    const response = new FakeSseResponse();
    const subscriber = new SseSubscriber(response.asResponse, { maxUnreadMessages: 9, maxUnreadBytes: 1e6 }, 3n);
    subscriber.start();
    subscriber.sendUpdate(at(3n, 'a'), SseFrame.of('data: "a at 3"\n\n'));
    subscriber.sendUpdate(at(5n, 'a'), SseFrame.of('data: "a at 5"\n\n'));
    subscriber.passOver(at(5n, 'b'));
    subscriber.sendUpdate(at(5n, 'c'), SseFrame.of('id: 5\ndata: "c at 5"\n\n'));
    subscriber.sendUpdate(at(5n, 'a'), SseFrame.of('data: "a at 5, again"\n\n'));
    subscriber.sendUpdate(at(5n, 'b'), SseFrame.of('data: "b at 5, passed over"\n\n'));
    subscriber.sendUpdate(at(4n, 'd'), SseFrame.of('data: "d at 4"\n\n'));
    expect(response.data).toEqual(['a at 5', 'c at 5']);
  });

  it('drops a subscriber that leaves more than the bound unread, and keeps one that catches up', () => {
    const response = new FakeSseResponse();
    const subscriber = new SseSubscriber(response.asResponse, { maxUnreadMessages: 2, maxUnreadBytes: 1e6 }, undefined);
    subscriber.start();
    response.writableNeedDrain = true;
    subscriber.sendUpdate(at(1n), frame(1));
    subscriber.send(HEARTBEAT_FRAME);
    response.drain();
    response.writableNeedDrain = true;
    subscriber.sendUpdate(at(3n), frame(3));
    subscriber.sendUpdate(at(4n), frame(4));
    expect(subscriber.open).toBe(true);
    subscriber.sendUpdate(at(5n), frame(5));
    expect(subscriber.open).toBe(false);
    expect(response.destroyed).toBe(true);
    subscriber.sendUpdate(at(6n), frame(6));
    expect(response.ids).toEqual(['1', '3', '4']);
  });

  it('drops a subscriber by the bytes it leaves unread, however few the messages', () => {
    const response = new FakeSseResponse();
    const subscriber = new SseSubscriber(
      response.asResponse,
      { maxUnreadMessages: 256, maxUnreadBytes: 40_000 },
      undefined,
    );
    subscriber.start();
    response.writableNeedDrain = true;
    subscriber.sendUpdate(at(1n), frame(1, 14_000));
    subscriber.sendUpdate(at(2n), frame(2, 14_000));
    expect(subscriber.open).toBe(true);
    subscriber.sendUpdate(at(3n), frame(3, 14_000)); // about 42 KB unread: past the bound, with 3 messages of the 256 allowed
    expect(subscriber.open).toBe(false);
    expect(response.destroyed).toBe(true);
  });

  it('writes nothing once its connection is gone, before the response hears of it', () => {
    const response = new FakeSseResponse();
    const subscriber = new SseSubscriber(response.asResponse, { maxUnreadMessages: 2, maxUnreadBytes: 1e6 }, undefined);
    subscriber.start();
    subscriber.sendUpdate(at(1n), frame(1));
    response.destroyed = true; // the client went away: its socket is destroyed, and no 'close' has run yet
    subscriber.sendUpdate(at(2n), frame(2));
    subscriber.send(HEARTBEAT_FRAME);
    expect(response.ids).toEqual(['1']);
    expect(response.written).toHaveLength(2); // the opening and update 1
  });

  it('ends its stream cleanly, once', () => {
    const response = new FakeSseResponse();
    const subscriber = new SseSubscriber(response.asResponse, { maxUnreadMessages: 2, maxUnreadBytes: 1e6 }, undefined);
    subscriber.start();
    subscriber.end();
    subscriber.end();
    subscriber.sendUpdate(at(1n), frame(1));
    expect(response.ended).toBe(true);
    expect(response.ids).toEqual([]);
  });
});

import type { Response } from 'express';
import { OPENING_FRAME, SSE_HEADERS, type SseFrame } from './sse-frame';

export interface SseLimits {
  /**
   * Messages a subscriber may leave unread (sent while its connection is full) before it is dropped: its buffer,
   * not the service's memory, is what fills up.
   */
  readonly maxUnreadMessages: number;
  /** The same bound in bytes: one message can be a treaty with hundreds of parties (TIMELINE_SSE_MAX_BUFFERED_BYTES). */
  readonly maxUnreadBytes: number;
}

/**
 * One open SSE stream: writes the frames it is given to its response as they are, and remembers the last
 * position sent so that nothing goes out twice. A subscriber that stops reading is dropped: what is written while
 * its connection is full is counted (in messages and bytes, a frame's length) until the next 'drain'.
 */
export class SseSubscriber {
  /** The position of the last update sent: updates at or before it are not sent again. */
  lastSent: bigint;
  private unread = 0;
  private unreadBytes = 0;
  private ended = false;

  constructor(
    private readonly response: Response,
    private readonly limits: SseLimits,
    after: bigint | undefined,
  ) {
    this.lastSent = after ?? -1n;
    response.on('drain', () => {
      this.unread = 0;
      this.unreadBytes = 0;
    });
  }

  get open(): boolean {
    return !this.ended && !this.response.destroyed;
  }

  /** True while the connection is full: a catch-up waits for it to drain before it reads more. */
  get full(): boolean {
    return this.response.writableNeedDrain;
  }

  /** Sends the headers at once, and keeps the socket open and unbuffered for as long as the stream lasts. */
  start(): void {
    const socket = this.response.socket;
    socket?.setKeepAlive(true);
    socket?.setNoDelay(true);
    socket?.setTimeout(0);
    this.response.writeHead(200, SSE_HEADERS);
    this.response.flushHeaders();
    this.response.write(OPENING_FRAME);
  }

  /** Sends an update's frame unless this subscriber already has that position. */
  sendUpdate(position: bigint, frame: SseFrame): void {
    if (position <= this.lastSent) return;
    this.lastSent = position;
    this.send(frame);
  }

  /** Counts a position as seen without sending it (a catch-up's update that the filter does not select). */
  passOver(position: bigint): void {
    if (position > this.lastSent) this.lastSent = position;
  }

  send(frame: SseFrame): void {
    if (!this.open) return;
    if (this.response.writableNeedDrain) {
      this.unread += 1;
      this.unreadBytes += frame.length;
      if (this.unread > this.limits.maxUnreadMessages || this.unreadBytes > this.limits.maxUnreadBytes) {
        this.ended = true;
        this.response.destroy();
        return;
      }
    }
    this.response.write(frame);
  }

  /** Ends the stream cleanly (the service is shutting down): the client reconnects with its Last-Event-ID. */
  end(): void {
    if (!this.open) return;
    this.ended = true;
    this.response.end();
  }

  waitForDrain(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        this.response.off('drain', done);
        this.response.off('close', done);
        resolve();
      };
      this.response.on('drain', done);
      this.response.on('close', done);
    });
  }
}

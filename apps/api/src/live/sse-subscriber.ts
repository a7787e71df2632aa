import type { Socket } from 'node:net';
import type { Response } from 'express';
import type { TreatyUpdate } from '@timeline/projections';
import { OPENING, SSE_HEADERS, type SseFrame } from './sse-frame';

/** What a subscriber needs of an update to send it once: which treaty, at which position. */
export type SentUpdate = Pick<TreatyUpdate, 'treatyId' | 'position'>;

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
 * One open SSE stream: writes the frames it is given as they are, and remembers what it has sent so that nothing
 * goes out twice. Once the headers are out, frames go straight to the socket, already framed as the
 * response's chunks: the response's own `write` would frame each one again, in four writes, for each subscriber.
 * A subscriber that stops reading is dropped: what is written while its connection is full is counted (in
 * messages and bytes) until the next 'drain'.
 */
export class SseSubscriber {
  /**
   * The position of the last update sent: updates before it are not sent again, nor those at it already sent.
   * Several treaties can change at one position (an event and the treaties it names).
   */
  lastSent: bigint;
  /**
   * Which treaties' updates at {@link lastSent} were sent: one id (nearly always), a set (a position several
   * share), or null for all of them (the position a client resumes after). No allocation per update: this runs
   * for every subscriber of every update.
   */
  private sentAtLast: string | Set<string> | null = null;
  private socket: Socket | null = null;
  private chunked = false;
  private unread = 0;
  private unreadBytes = 0;
  private ended = false;

  constructor(
    private readonly response: Response,
    private readonly limits: SseLimits,
    after: bigint | undefined,
  ) {
    this.lastSent = after ?? -1n;
  }

  get open(): boolean {
    return !this.ended && !this.response.destroyed;
  }

  /** True while the connection is full: a catch-up waits for it to drain before it writes more. */
  get full(): boolean {
    return this.socket?.writableNeedDrain ?? false;
  }

  /**
   * Sends the headers at once and keeps the socket open and unbuffered for as long as the stream lasts. A HEAD
   * request gets the headers only.
   */
  start(): void {
    this.response.writeHead(200, SSE_HEADERS);
    if (this.response.req.method === 'HEAD') return this.end();
    this.response.write(OPENING);
    this.socket = this.response.socket;
    this.chunked = this.response.chunkedEncoding;
    this.socket?.setKeepAlive(true);
    this.socket?.setNoDelay(true);
    this.socket?.setTimeout(0);
    this.socket?.on('drain', () => {
      this.unread = 0;
      this.unreadBytes = 0;
    });
  }

  /** Sends an update's frame unless this subscriber already has it. */
  sendUpdate(update: SentUpdate, frame: SseFrame): void {
    if (this.takes(update)) this.send(frame);
  }

  /** Counts an update as seen without sending it (a catch-up's update that the filter does not select). */
  passOver(update: SentUpdate): void {
    this.takes(update);
  }

  /**
   * Counts every update up to `position` as seen (a heartbeat tells the client it has had all it selects up to
   * there), as when a client resumes after it.
   */
  passTo(position: bigint): void {
    if (position <= this.lastSent) return;
    this.lastSent = position;
    this.sentAtLast = null;
  }

  private takes({ position, treatyId }: SentUpdate): boolean {
    if (position > this.lastSent) {
      this.lastSent = position;
      this.sentAtLast = treatyId;
      return true;
    }
    const sent = this.sentAtLast;
    if (position < this.lastSent || sent === null || sent === treatyId) return false;
    if (typeof sent === 'string') this.sentAtLast = new Set([sent, treatyId]);
    else if (sent.has(treatyId)) return false;
    else sent.add(treatyId);
    return true;
  }

  send(frame: SseFrame): void {
    // Runs once per subscriber per update: the socket's own state says whether it is open (the response's
    // `destroyed`, behind Express's prototype chain, was a third of the fan-out's JavaScript).
    const socket = this.socket;
    if (this.ended || socket === null || socket.destroyed) return;
    const bytes = this.chunked ? frame.chunk : frame.message;
    if (socket.writableNeedDrain) {
      this.unread += 1;
      this.unreadBytes += bytes.length;
      if (this.unread > this.limits.maxUnreadMessages || this.unreadBytes > this.limits.maxUnreadBytes) {
        this.ended = true;
        this.response.destroy();
        return;
      }
    }
    socket.write(bytes);
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
        this.socket?.off('drain', done);
        this.response.off('close', done);
        resolve();
      };
      this.socket?.on('drain', done);
      this.response.on('close', done);
    });
  }
}

import type { MessageEvent } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, interval, map, merge } from 'rxjs';
import type { TreatyUpdate } from '@timeline/projections';
import { parsePosition } from '../http/positions';
import { ApiProblem } from '../problems/api-problem';

export interface SseOptions {
  readonly heartbeatMs: number;
  /**
   * Messages a subscriber may leave unread (sent while its connection is full) before it is dropped: its buffer,
   * not the service's memory, is what fills up.
   */
  readonly maxUnreadMessages: number;
  /** The same bound in bytes: one message can be a treaty with hundreds of parties (TIMELINE_SSE_MAX_BUFFERED_BYTES). */
  readonly maxUnreadBytes: number;
}

/** `Last-Event-ID` (the position a reconnecting client last received), or undefined on a first connection. */
export function resumePosition(lastEventId: string | undefined): bigint | undefined {
  if (lastEventId === undefined || lastEventId === '') return undefined;
  const position = parsePosition(lastEventId);
  if (position === undefined) {
    throw new ApiProblem(400, 'INVALID_LAST_EVENT_ID', 'Last-Event-ID must be a position received from this feed');
  }
  return position;
}

/**
 * Turns updates into SSE messages (`id:` the global position, `data:` the treaty's status), adds heartbeats so
 * proxies keep idle streams open, and drops a subscriber that stops reading.
 */
export function toSseMessages(updates: Observable<TreatyUpdate>, response: Response, options: SseOptions) {
  const messages: Observable<MessageEvent> = merge(
    updates.pipe(map((update) => ({ id: update.position.toString(), data: update.status }))),
    interval(options.heartbeatMs).pipe(map(() => ({ type: 'heartbeat', data: {} }))),
  );
  return new Observable<MessageEvent>((subscriber) => {
    // NestJS waits for 'drain' before each write and queues the rest: count what queues while the socket is full,
    // in messages and in bytes (measured only then, so a subscriber that keeps up costs no second serialisation).
    let unread = 0;
    let unreadBytes = 0;
    const drained = (): void => {
      unread = 0;
      unreadBytes = 0;
    };
    response.on('drain', drained);
    const subscription = messages.subscribe({
      next: (message) => {
        if (response.writableNeedDrain) {
          unread += 1;
          unreadBytes += messageBytes(message);
          if (unread > options.maxUnreadMessages || unreadBytes > options.maxUnreadBytes) {
            subscriber.complete();
            response.destroy();
            return;
          }
        }
        subscriber.next(message);
      },
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    });
    return () => {
      response.off('drain', drained);
      subscription.unsubscribe();
    };
  });
}

/** What a message takes on the wire, near enough: its data as JSON, its id and the SSE framing. */
function messageBytes(message: MessageEvent): number {
  const data = typeof message.data === 'string' ? message.data : JSON.stringify(message.data);
  return Buffer.byteLength(data) + (message.id?.length ?? 0) + 32;
}

import type { TreatyUpdate } from '@timeline/projections';

/**
 * SSE messages as the bytes that go on the wire, built once and written as they are to every subscriber that
 * receives them: the cost of serialising an update does not grow with its subscribers.
 */
export type SseFrame = Buffer;

/** An update's message: `id:` its global position, `data:` the treaty's status as one line of JSON. */
export function updateFrame(update: TreatyUpdate): SseFrame {
  return Buffer.from(`id: ${update.position}\ndata: ${JSON.stringify(update.status)}\n\n`);
}

/** Keeps idle streams open through proxies; an event of its own type, so clients' `onmessage` never sees it. */
export const HEARTBEAT_FRAME: SseFrame = Buffer.from('event: heartbeat\ndata: {}\n\n');

/** The first bytes of a stream, sent with its headers so that the client knows at once that it is subscribed. */
export const OPENING_FRAME: SseFrame = Buffer.from('\n');

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream',
  Connection: 'keep-alive',
  'Cache-Control': 'private, no-cache, no-store, must-revalidate, max-age=0, no-transform',
  Pragma: 'no-cache',
  Expires: '0',
  'X-Accel-Buffering': 'no',
} as const;

import type { TreatyUpdate } from '@timeline/projections';
import { DATE_CAME_SSE_EVENT } from '../day-turns/date-came';
import type { DateCameMessage } from '../day-turns/date-came-message';

/**
 * An SSE message as the bytes that go on the wire, built once and written as they are to every subscriber that
 * receives it: the cost of serialising an update does not grow with its subscribers. `message` is the SSE text;
 * `chunk` the same framed as an HTTP/1.1 chunk (its length in hex, CRLF, the message, CRLF), for the responses
 * in chunked transfer encoding (all but HTTP/1.0 clients'), so that it goes to their sockets in one write.
 */
export class SseFrame {
  readonly chunk: Buffer;

  constructor(readonly message: Buffer) {
    this.chunk = Buffer.concat([Buffer.from(`${message.length.toString(16)}\r\n`), message, CRLF]);
  }

  static of(text: string): SseFrame {
    return new SseFrame(Buffer.from(text));
  }
}

const CRLF = Buffer.from('\r\n');

/**
 * An update's message: `data:` the treaty's status as one line of JSON, after `id:` its global position when it is
 * the last update at that position. The others at that position (treaties named by the event there) carry no id:
 * a client that loses its connection between them resumes before that position and gets them again, where an id
 * on each would make it skip those it had not had yet.
 */
export function updateFrame(update: TreatyUpdate): SseFrame {
  const id = update.lastAtPosition ? `id: ${update.position}\n` : '';
  // A treaty deleted for good has no status: `{ id, deleted: true }`, as an event of its own type (decision 0024).
  const type = update.deleted ? 'event: treaty-deleted\n' : '';
  return SseFrame.of(`${id}${type}data: ${JSON.stringify(update.status)}\n\n`);
}

/** The SSE event of an update that takes a treaty out of a stream's filter by status. */
export const LEFT_FILTER_SSE_EVENT = 'left-filter';

/**
 * An update that takes the treaty out of the stream's filter by status: the treaty's status now (which no longer
 * matches), as an event of its own type so that a client drops the treaty rather than keep it; `id:` as any update's.
 */
export function leftFilterFrame(update: TreatyUpdate): SseFrame {
  const id = update.lastAtPosition ? `id: ${update.position}\n` : '';
  return SseFrame.of(`${id}event: ${LEFT_FILTER_SSE_EVENT}\ndata: ${JSON.stringify(update.status)}\n\n`);
}

/**
 * A treaty whose status a date set ahead changes as its day comes (decision 0039): an event of its own type, with
 * no `id:`, so that the client's last event id stays the log position it resumes from (the turn has none).
 */
export function dateCameFrame(message: DateCameMessage): SseFrame {
  return SseFrame.of(`event: ${DATE_CAME_SSE_EVENT}\ndata: ${JSON.stringify(message)}\n\n`);
}

/** Keeps idle streams open through proxies; an event of its own type, so clients' `onmessage` never sees it. */
export const HEARTBEAT_FRAME = SseFrame.of('event: heartbeat\ndata: {}\n\n');

/**
 * A heartbeat that also moves the client's last event id to `position`: browsers (and the SSE standard) set the
 * id of any message that has one, heartbeats included, and send it back as `Last-Event-ID` when they reconnect.
 */
export function heartbeatFrame(position: bigint): SseFrame {
  return SseFrame.of(`id: ${position}\nevent: heartbeat\ndata: {}\n\n`);
}

/** The first bytes of a stream, sent with its headers so that the client knows at once that it is subscribed. */
export const OPENING = '\n';

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream',
  Connection: 'keep-alive',
  'Cache-Control': 'private, no-cache, no-store, must-revalidate, max-age=0, no-transform',
  Pragma: 'no-cache',
  Expires: '0',
  'X-Accel-Buffering': 'no',
} as const;

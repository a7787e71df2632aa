import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Level, Logger } from 'pino';
import { correlationIdOf } from './correlation-id.middleware';
import { redactHeaders, redactQuery, redactUrl } from './redaction';

type LoggedRequest = IncomingMessage & {
  /** Set by the key guard once it knows the caller. */
  principal?: { keyId: string };
  /** Express's: the URL as received, before a router trimmed it. */
  originalUrl?: string;
  /** Express's parsed query string. */
  query?: unknown;
};

/**
 * One line per request, written once its answer has gone or its connection closed, with its method, path, status,
 * time, correlation id and the caller's key fingerprint; no header or query parameter whose name could carry a
 * credential (see `redaction.ts`). A client's error (4xx) is logged at warn and a failure of the service (5xx) at
 * error; the exception filter logs a failure's stack on a line of its own.
 *
 * Nothing is built until the answer has gone, and nothing at all for a line its level drops. pino-http, used before,
 * made a child logger per request at its start and serialised the request into it, whatever the level: about a
 * tenth of a write's CPU (issue 14; decision 0078).
 */
export function requestLogging(logger: Logger) {
  return (request: LoggedRequest, response: ServerResponse, next: () => void): void => {
    const started = performance.now();
    // Read now: once the connection has closed, the socket no longer knows its peer. Node keeps them per socket.
    const peer = { remoteAddress: request.socket.remoteAddress, remotePort: request.socket.remotePort };
    // A response emits `close` once, after `finish` or without it when the connection went first.
    response.once('close', () => {
      // An answer never begun has no status: the client went before it, or the server answered on the socket.
      const status = response.headersSent ? response.statusCode : null;
      const level = levelOf(status);
      if (!logger.isLevelEnabled(level)) return;
      const milliseconds = Math.round(performance.now() - started);
      const finished = response.writableFinished;
      logger[level](
        {
          req: describeRequest(request, peer),
          res: { statusCode: status, headers: response.getHeaders() },
          responseTime: milliseconds,
          ...(request.principal ? { principal: request.principal.keyId } : {}),
          ...(finished ? {} : { aborted: true }),
        },
        `${request.method} ${pathOf(request.originalUrl ?? request.url)} ${status ?? '-'} ${milliseconds} ms` +
          (finished ? '' : ' (connection closed before the answer ended)'),
      );
    });
    next();
  };
}

function describeRequest(request: LoggedRequest, peer: object): Record<string, unknown> {
  const url = request.originalUrl ?? request.url;
  return {
    id: correlationIdOf(request),
    method: request.method,
    ...(url !== undefined ? { url: redactUrl(url) } : {}),
    ...(request.query !== undefined ? { query: redactQuery(request.query) } : {}),
    headers: redactHeaders(request.headers),
    ...peer,
  };
}

function levelOf(status: number | null): Level {
  if (status === null) return 'info';
  if (status >= 500) return 'error';
  if (status >= 400) return 'warn';
  return 'info';
}

/** The path only: a query string may carry what must not be logged, and the request record has it, redacted. */
const pathOf = (url: string | undefined): string => (url ?? '').split('?', 1)[0] ?? '';

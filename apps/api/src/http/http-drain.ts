import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { problem } from '../problems/api-problem';

/** Long enough for a load balancer to have taken the replica out of its rotation (or for a client's retry). */
const RETRY_AFTER_SECONDS = '2';

/**
 * Stops the HTTP server taking new work while letting the work it has taken finish (decision 0094). Without it, a
 * client on a keep-alive connection went on writing after SIGTERM: `server.close()` refuses new connections only,
 * and waited for ever for the busy ones.
 *
 * Once `begin` is called: the port is closed; idle connections are closed, and each connection that becomes idle
 * is closed in turn; every answer still to be written says `Connection: close`; a request that arrives afterwards on
 * an open connection is answered `503 SHUTTING_DOWN` with `Retry-After`, unread, and its connection closed.
 * `settled` resolves once every answer but the live streams' has been written (the live streams are ended by
 * their own module as the app closes).
 */
export class HttpDrain {
  private draining = false;
  private readonly answering = new Set<ServerResponse>();
  private changed: (() => void) | undefined;

  constructor(private readonly server: Server) {
    // Before Express's listener: a request is counted from the moment it was read.
    server.prependListener('request', (_request: IncomingMessage, response: ServerResponse) => this.track(response));
  }

  get started(): boolean {
    return this.draining;
  }

  /** The requests read whose answer is not yet written, live streams left out. */
  get inFlight(): number {
    return [...this.answering].filter((response) => !isLiveStream(response)).length;
  }

  /** Express middleware, first in the chain: new work that arrives while draining is refused before it is read. */
  readonly refuseNewWork = (_request: Request, response: Response, next: NextFunction): void => {
    if (!this.draining) return next();
    const body = JSON.stringify(
      problem(503, 'SHUTTING_DOWN', 'The service is shutting down: send the request again, on a new connection'),
    );
    response
      .status(503)
      .setHeader('Connection', 'close')
      .setHeader('Retry-After', RETRY_AFTER_SECONDS)
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Content-Type', 'application/problem+json; charset=utf-8')
      .setHeader('Content-Length', Buffer.byteLength(body))
      .end(body);
  };

  /** Closes the port and the idle connections; from now on every connection closes after its current answer. */
  begin(): void {
    if (this.draining) return;
    this.draining = true;
    this.server.close();
    for (const response of this.answering) {
      if (!response.headersSent) response.setHeader('Connection', 'close');
    }
    this.server.closeIdleConnections();
  }

  /** Resolves once every answer but the live streams' has been written, or at `deadline` (ms since the epoch). */
  async settled(deadline: number): Promise<boolean> {
    while (this.inFlight > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.changed = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return true;
  }

  /** What is left at the deadline: its clients see the connection end without an answer. */
  closeAll(): void {
    this.server.closeAllConnections();
  }

  private track(response: ServerResponse): void {
    this.answering.add(response);
    if (this.draining && !response.headersSent) response.setHeader('Connection', 'close');
    response.once('close', () => {
      this.answering.delete(response);
      if (!this.draining) return;
      // The connection is idle once its answer is written (unless a pipelined request is already being read).
      setImmediate(() => this.server.closeIdleConnections());
      const changed = this.changed;
      this.changed = undefined;
      changed?.();
    });
  }
}

/** Read with getHeader: the app sets headers (helmet's) before a stream's writeHead, which then keeps them readable. */
function isLiveStream(response: ServerResponse): boolean {
  return String(response.getHeader('Content-Type') ?? '').startsWith('text/event-stream');
}

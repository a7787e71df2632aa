import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  /** The request's path and query, as the service sent it. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The status the receiver answered; 0 when the connection was gone before it could. */
  readonly answered: number;
  /** When the request arrived (Date.now()). */
  readonly at: number;
}

export interface ReceiverBehaviour {
  /** Answer 500 to this many requests first. */
  failFirst?: number;
  /** Answer 500 to every request while true. */
  failing?: boolean;
  /** Wait this long before answering each request. */
  delayMs?: number;
  /** Called with each request's number (from 0) and body once it has arrived; the answer waits until it settles. */
  beforeAnswer?: (index: number, body: string) => Promise<void>;
}

/**
 * A webhook receiver on 127.0.0.1 that records every request and answers as told: failing, slowly, or not at all
 * (stopped, then started again on the same port).
 */
export class WebhookReceiver {
  readonly requests: ReceivedDelivery[] = [];
  private server: Server | undefined;
  private port = 0;
  private failed = 0;
  private arrived = 0;

  constructor(readonly behaviour: ReceiverBehaviour = {}) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hook`;
  }

  /** The requests answered 2xx: what the service may count as acknowledged. */
  get acknowledged(): ReceivedDelivery[] {
    return this.requests.filter((request) => request.answered >= 200 && request.answered < 300);
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let body = '';
      const at = Date.now();
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        const answer = () => {
          const fail = this.behaviour.failing || this.failed < (this.behaviour.failFirst ?? 0);
          if (fail) this.failed += 1;
          const status = fail ? 500 : 204;
          // A request whose connection was cut (the receiver stopped while it waited) was never answered.
          const cut = request.socket.destroyed;
          this.requests.push({
            url: request.url ?? '',
            headers: request.headers,
            body,
            answered: cut ? 0 : status,
            at,
          });
          if (!cut) response.writeHead(status).end();
        };
        const index = this.arrived++;
        const go = () => {
          if (this.behaviour.delayMs) setTimeout(answer, this.behaviour.delayMs);
          else answer();
        };
        // Answered however the hook ends: its test checks what the hook did.
        void Promise.resolve()
          .then(() => this.behaviour.beforeAnswer?.(index, body))
          .then(go, go);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export async function until(condition: () => boolean, timeoutMs = 10_000, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

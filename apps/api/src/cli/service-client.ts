/** What the service answered: its status, whether it replayed an earlier answer (Idempotency-Key), its JSON body. */
export interface Answer {
  readonly status: number;
  readonly replayed: boolean;
  readonly body: Record<string, unknown>;
}

/** The longest a 429 is waited out, in all, for one request: past it, the service is refusing rather than pacing. */
const RATE_LIMIT_PATIENCE_MS = 10 * 60_000;

/**
 * The service over HTTP. A 429 is waited out for as long as its Retry-After asks (the rate limit's window is a
 * minute), again and again, up to `RATE_LIMIT_PATIENCE_MS`; a 503 (starting, catching up) and a connection that fails
 * are tried again three times.
 */
export class ServiceClient {
  /** Time during which some request waited for the rate limit (requests waiting together count once). */
  rateLimitedMs = 0;

  private waiting = 0;

  private waitingSince = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  post(path: string, body: string, type: string, idempotencyKey: string): Promise<Answer> {
    return this.send(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': type, 'idempotency-key': idempotencyKey },
      body,
    });
  }

  get(path: string): Promise<Answer> {
    return this.send(path, { method: 'GET', headers: { authorization: `Bearer ${this.apiKey}` } });
  }

  private async send(path: string, init: RequestInit): Promise<Answer> {
    let rateLimitedFor = 0;
    let failedTries = 0;
    for (;;) {
      let response: Response;
      try {
        response = await fetch(new URL(path, this.baseUrl), init);
      } catch (error) {
        if (++failedTries < 4) {
          await sleep(500 * failedTries);
          continue;
        }
        const reason =
          error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : '';
        return { status: 0, replayed: false, body: { code: 'SERVICE_UNREACHABLE', detail: reason } };
      }
      const answer: Answer = {
        status: response.status,
        replayed: response.headers.get('idempotent-replayed') === 'true',
        body: ((await response.json().catch(() => ({}))) ?? {}) as Record<string, unknown>,
      };
      const retryAfterMs = secondsOf(response.headers.get('retry-after')) * 1000;
      if (answer.status === 429 && rateLimitedFor + retryAfterMs <= RATE_LIMIT_PATIENCE_MS) {
        rateLimitedFor += retryAfterMs;
        await this.waitForTheRateLimit(retryAfterMs);
        continue;
      }
      if (answer.status === 503 && ++failedTries < 4) {
        await sleep(Math.min(30_000, retryAfterMs));
        continue;
      }
      return answer;
    }
  }

  private async waitForTheRateLimit(ms: number): Promise<void> {
    if (this.waiting++ === 0) this.waitingSince = Date.now();
    try {
      await sleep(ms);
    } finally {
      if (--this.waiting === 0) this.rateLimitedMs += Date.now() - this.waitingSince;
    }
  }
}

/** A Retry-After in seconds (1 when absent or not a number of seconds, at most a minute: the limit's window). */
function secondsOf(retryAfter: string | null): number {
  const seconds = Number(retryAfter);
  return Number.isFinite(seconds) && seconds >= 1 ? Math.min(60, Math.ceil(seconds)) : 1;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

import { setTimeout as sleep } from 'node:timers/promises';
import { EventSource } from 'eventsource';

/**
 * What the replica checks need, over plain HTTP: the same helpers drive api processes on the protocol double
 * (replicas.e2e-spec.ts) and the containers of the cluster profile (../cluster-real/).
 */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON: the assertions are its type checks
  readonly body: any;
}

export async function call(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  options: { key?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(options.key ? { Authorization: `Bearer ${options.key}` } : {}),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...options.headers,
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body };
}

/** Polls `/health/ready` until it answers 200. */
export async function waitUntilReady(base: string, timeoutMs: number, describeFailure = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const answer = await call(base, 'GET', '/health/ready');
      if (answer.status === 200) return;
      last = `${answer.status} ${JSON.stringify(answer.body)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`${base} was not ready after ${timeoutMs} ms (last: ${last})${describeFailure()}`);
}

/**
 * A write as an editor retries it through a failover: the same Idempotency-Key and body until it is stored,
 * through each replica in turn. Every failure on the way must be a retryable 503 EVENT_STORE_UNAVAILABLE (or a
 * gateway's 502 while a replica is away), never a silent loss.
 */
export async function postUntilStored(
  bases: readonly string[],
  path: string,
  body: unknown,
  options: { key: string; idempotencyKey: string; timeoutMs?: number },
): Promise<{ answer: HttpAnswer; failures: HttpAnswer[] }> {
  const failures: HttpAnswer[] = [];
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (let attempt = 0; ; attempt++) {
    const base = bases[attempt % bases.length]!;
    const answer = await call(base, 'POST', path, {
      key: options.key,
      body,
      headers: { 'Idempotency-Key': options.idempotencyKey },
    }).catch((error: unknown) => ({ status: 0, headers: new Headers(), body: String(error) }));
    if (answer.status === 201) return { answer, failures };
    const retryable =
      (answer.status === 503 && answer.body?.code === 'EVENT_STORE_UNAVAILABLE') || answer.status === 502;
    if (!retryable || Date.now() > deadline) {
      throw new Error(`POST ${base}${path} answered ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    failures.push(answer);
    await sleep(250);
  }
}

/** How many times the log holds an event, read through the auditors' export: exactly once, after any retries. */
export async function copiesInLog(base: string, auditorKey: string, eventId: string): Promise<number> {
  const answer = await call(base, 'GET', '/audit/log', { key: auditorKey });
  if (answer.status !== 200) throw new Error(`GET ${base}/audit/log answered ${answer.status}`);
  const text = typeof answer.body === 'string' ? answer.body : `${JSON.stringify(answer.body)}\n`;
  return text
    .split('\n')
    .filter(Boolean)
    .filter((line) => (JSON.parse(line) as { id: string }).id === eventId).length;
}

export interface LiveMessage {
  /** The SSE id: the update's global position. */
  readonly id: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON: the assertions are its type checks
  readonly data: any;
}

/** A real SSE client (the `eventsource` package) on a live route, collecting what it receives. */
export function followLive(url: string, key?: string) {
  const received: LiveMessage[] = [];
  const source = new EventSource(url, {
    fetch: (input, init) =>
      fetch(input, { ...init, headers: { ...init.headers, ...(key ? { Authorization: `Bearer ${key}` } : {}) } }),
  });
  source.onmessage = (message) => {
    received.push({ id: message.lastEventId, data: JSON.parse(message.data as string) });
  };
  const opened = new Promise<void>((resolve, reject) => {
    source.onopen = () => resolve();
    source.onerror = () => reject(new Error(`SSE connection to ${url} failed`));
  });
  return { received, opened, close: () => source.close() };
}

export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** A treaty of its own for each run, so that the checks can run again on the same log. */
export function aTreaty(suffix: string) {
  return {
    id: `cluster-check-${suffix}`,
    title: `A treaty for the replica checks (${suffix})`,
    parties: ['RU', 'IR'],
    category: 'partnership',
  };
}

const source = (publishedOn: string) => ({
  publisher: 'Example Gazette',
  publishedOn,
  quote: 'an example for the replica checks, not a fact',
});

export const signature = () => ({
  type: 'signed',
  occurredOn: '2025-01-17',
  place: 'Moscow',
  source: source('2025-01-17'),
});

export const ratification = (party: 'RU' | 'IR', occurredOn: string) => ({
  type: 'ratification-completed',
  party,
  occurredOn,
  source: source(occurredOn),
});

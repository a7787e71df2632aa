import autocannon from 'autocannon';
import { approvalReport } from './bench-reports';
import { serveOneTask } from './child-task';

/**
 * The HTTP benchmark's client, in a process of its own (forked by http.bench): generating load in the server's
 * process would spend the server's CPU on the client, and flatter whichever server is slower. It receives one
 * plan, sends POSTs over `concurrency` connections for `seconds` with autocannon, and reports throughput and
 * latency. (A run is timed, not counted: autocannon ends a counted run on its next one-second tick, which would
 * cap a short run's rate at its count per second.)
 */
export interface LoadPlan {
  readonly base: string;
  readonly kind: 'register-treaties' | 'developments' | 'bare';
  /** How long to send; or, with `count`, how many requests to send (setting up, not measuring). */
  readonly seconds?: number;
  readonly count?: number;
  readonly concurrency: number;
  /** Numbers requests from here, so that successive runs write new developments. */
  readonly offset: number;
  readonly key?: string;
}

export interface LoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

export const BENCH_TREATIES = 100;

function request(plan: LoadPlan, index: number): { path: string; body: unknown } {
  const n = plan.offset + index;
  switch (plan.kind) {
    case 'register-treaties':
      return {
        path: '/treaties',
        body: { id: `bench-http-${n}`, title: 'Bench', parties: ['RU', 'IR'], category: 'trade' },
      };
    case 'developments':
    case 'bare':
      return {
        path: plan.kind === 'bare' ? '/bare' : `/treaties/bench-http-${n % BENCH_TREATIES}/developments`,
        body: approvalReport(n),
      };
  }
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: plan.base,
    connections: plan.concurrency,
    ...(plan.count === undefined ? { duration: plan.seconds ?? 5 } : { amount: plan.count }),
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(plan.key ? { authorization: `Bearer ${plan.key}` } : {}),
    },
    requests: [
      {
        setupRequest: (sent) => {
          const { path, body } = request(plan, next++);
          return { ...sent, path, body: JSON.stringify(body) };
        },
      },
    ],
  });
  const seconds = (new Date(result.finish).getTime() - new Date(result.start).getTime()) / 1000;
  return {
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.total / seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

serveOneTask(run);

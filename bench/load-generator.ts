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
  readonly kind: 'register-treaties' | 'developments' | 'skewed-developments' | 'bare';
  /** How long to send; or, with `count`, how many requests to send (setting up, not measuring). */
  readonly seconds?: number;
  readonly count?: number;
  readonly concurrency: number;
  /** Numbers requests from here, so that successive runs write new developments. */
  readonly offset: number;
  readonly key?: string;
  /** `register-treaties` and `skewed-developments`: the treaties' ids are `<prefix><n>` (default `bench-http-`). */
  readonly prefix?: string;
  /** `skewed-developments`: how many treaties there are; the first {@link HOT_TREATIES} are the hot ones. */
  readonly treaties?: number;
}

export interface LoadResult {
  /** Requests answered within the run's time. */
  readonly requests: number;
  /**
   * Request numbers the run used: those answered, and those still in flight when its time ran out, which the server
   * may well have written. The next run starts after them, or it would send those reports again (refused since
   * decision 0040 as REPORT_ALREADY_RECORDED, a 409 the benchmark counts as a failure).
   */
  readonly issued: number;
  /** How long the run sent for. */
  readonly seconds: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

export const BENCH_TREATIES = 100;

/** The skewed workload (scenario 11): this share of writes goes to the first HOT_TREATIES, the rest to the others. */
export const HOT_SHARE = 0.8;
export const HOT_TREATIES = 5;

/** A reproducible uniform number in [0, 1) for request n (a 32-bit integer hash), so every run sends the same. */
function uniform(n: number, salt: number): number {
  let x = Math.imul(n ^ salt, 0x9e3779b1);
  x = Math.imul(x ^ (x >>> 15), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

/** The treaty request n writes to: one of the hot ones with probability HOT_SHARE, else any of the cold ones. */
export function skewedTreaty(n: number, treaties: number): number {
  const pick = uniform(n, 0x5eed);
  if (pick < HOT_SHARE) return Math.floor((pick / HOT_SHARE) * HOT_TREATIES);
  return HOT_TREATIES + Math.floor(uniform(n, 0xc01d) * (treaties - HOT_TREATIES));
}

function request(plan: LoadPlan, index: number): { path: string; body: unknown } {
  const n = plan.offset + index;
  switch (plan.kind) {
    case 'register-treaties':
      return {
        path: '/treaties',
        body: { id: `${plan.prefix ?? 'bench-http-'}${n}`, title: 'Bench', parties: ['RU', 'IR'], category: 'trade' },
      };
    case 'skewed-developments':
      return {
        path: `/treaties/${plan.prefix ?? 'bench-http-'}${skewedTreaty(n, plan.treaties ?? BENCH_TREATIES)}/developments`,
        body: approvalReport(n),
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
    seconds,
    requestsPerSecond: Math.round(result.requests.total / seconds),
    issued: next,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * Plans run in turns: `rounds` rounds, each running every plan for its share of its `seconds` (a counted plan, which
 * sets up rather than measures, only in a task of one round). Several rounds start with an untimed warm-up of every
 * plan (this process's compilations, the servers' connections), so that no side pays for them alone.
 */
export interface LoadTask {
  readonly plans: readonly LoadPlan[];
  readonly rounds: number;
}

const WARM_UP_SECONDS = 0.5;

async function runInTurns({ plans, rounds }: LoadTask): Promise<LoadResult[]> {
  const offsets = plans.map((plan) => plan.offset);
  const runOf = async (index: number, seconds: number | undefined): Promise<LoadResult> => {
    const plan = plans[index]!;
    const result = await run({ ...plan, offset: offsets[index]!, ...(seconds === undefined ? {} : { seconds }) });
    offsets[index] = offsets[index]! + result.issued;
    return result;
  };
  if (rounds > 1) {
    if (plans.some((plan) => plan.count !== undefined)) throw new Error('A counted plan runs in one round');
    for (const index of plans.keys()) await runOf(index, WARM_UP_SECONDS);
  }
  const runs = plans.map((): LoadResult[] => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, plan] of plans.entries()) {
      runs[index]!.push(await runOf(index, plan.count === undefined ? (plan.seconds ?? 5) / rounds : undefined));
    }
  }
  // The numbers the warm-up used count too: the caller's next task starts after every one this task sent.
  return runs.map((planRuns, index) => ({ ...combined(planRuns), issued: offsets[index]! - plans[index]!.offset }));
}

/** One result for a plan's runs: requests per second over their own time, the median p50, the highest p99. */
function combined(runs: readonly LoadResult[]): LoadResult {
  const total = (pick: (run: LoadResult) => number) => runs.reduce((sum, run) => sum + pick(run), 0);
  const p50s = runs.map((run) => run.p50).sort((a, b) => a - b);
  return {
    requests: total((run) => run.requests),
    issued: total((run) => run.issued),
    seconds: total((run) => run.seconds),
    requestsPerSecond: Math.round(total((run) => run.requests) / total((run) => run.seconds)),
    p50: p50s[Math.floor(p50s.length / 2)]!,
    p99: Math.max(...runs.map((run) => run.p99)),
    non2xx: total((run) => run.non2xx),
    errors: total((run) => run.errors),
  };
}

serveOneTask(runInTurns);

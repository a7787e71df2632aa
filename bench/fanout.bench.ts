import { fork, execSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ReadModels } from '../apps/api/src/read-models/read-models.service';
import { BENCH_EDITOR_KEY, startBenchApp } from './bench-app';
import { approvalReport } from './bench-reports';
import type { FanoutCommand, FanoutReport } from './fanout-client';
import { fmt, percentile, type Row } from './stats';

const TREATY = 'bench-fanout';
/** Every subscriber receives every update, through each way of subscribing: all, by party, by treaty. */
const ROUTES = ['/live', '/live?party=RU', `/treaties/${TREATY}/live`];
const CLIENT = join(__dirname, 'fanout-client.js');

interface Client {
  readonly process: ChildProcess;
  send(command: FanoutCommand): void;
  next(kind: FanoutReport['kind']): Promise<FanoutReport>;
}

/** A forked fan-out client whose reports are awaited by kind (completions are gathered by the caller instead). */
function startClient(onComplete: (id: string) => void): Client {
  const child = fork(CLIENT, { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map<string, ((report: FanoutReport) => void)[]>();
  child.on('message', (report: FanoutReport) => {
    if (report.kind === 'complete') return onComplete(report.id);
    waiting.get(report.kind)?.shift()?.(report);
  });
  // The writer is stopped with SIGTERM once its appends are counted; any other end but a clean exit is reported.
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`fan-out client exited with ${code ?? signal}`);
  });
  return {
    process: child,
    send: (command) => child.send(command),
    next: (kind) => new Promise((resolve) => waiting.set(kind, [...(waiting.get(kind) ?? []), resolve])),
  };
}

/**
 * Scenario 5: time from an append's acknowledgement (its HTTP answer received by the writer) to its update's
 * arrival at each of `subscribers` SSE subscribers. The subscribers live in `processes` processes of their own and
 * the writer in another, so that neither spends the server's event loop; each update is counted by its id whenever
 * it arrives, before the acknowledgement too (a negative delay, reported as such: the fan-out runs before the
 * server answers the append). Beside it, from the append's sending to receipt, and how long the append's answer
 * took, which a fan-out that holds the event loop delays. One append at a time: the next
 * is sent once every subscriber has the last one (or after 10 s).
 */
async function fanoutRun(subscribers: number, appends: number, processes: number): Promise<Row> {
  const { app, base } = await startBenchApp();
  const fanOuts = timeFanOuts(app.get(ReadModels));
  const completions = new Map<string, number>();
  let completed: (() => void) | undefined;
  const onComplete = (id: string): void => {
    completions.set(id, (completions.get(id) ?? 0) + 1);
    completed?.();
  };
  const writer = startClient(onComplete);
  const readers = Array.from({ length: processes }, () => startClient(onComplete));
  const acknowledged = new Map<string, number>();
  const sent = new Map<string, number>();
  const loads: number[] = [];
  let arrivals: Extract<FanoutReport, { kind: 'arrivals' }>[] = [];
  try {
    await fetch(`${base}/treaties`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${BENCH_EDITOR_KEY}` },
      body: JSON.stringify({ id: TREATY, title: 'Bench', parties: ['RU', 'IR'], category: 'trade' }),
    });
    const urls = Array.from({ length: subscribers }, (_, index) => `${base}${ROUTES[index % ROUTES.length]}`);
    await Promise.all(
      readers.map((reader, index) => {
        const subscribed = reader.next('subscribed');
        reader.send({ kind: 'subscribe', urls: urls.filter((_, at) => at % processes === index) });
        return subscribed;
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const profiler = await startProfile();
    fanOuts.start();
    for (let index = 0; index < appends; index++) {
      const answer = writer.next('acknowledged');
      writer.send({
        kind: 'append',
        url: `${base}/treaties/${TREATY}/developments`,
        key: BENCH_EDITOR_KEY,
        body: approvalReport(index),
      });
      const ack = (await answer) as Extract<FanoutReport, { kind: 'acknowledged' }>;
      acknowledged.set(ack.id, ack.at);
      sent.set(ack.id, ack.sentAt);
      const deadline = Date.now() + 10_000;
      while ((completions.get(ack.id) ?? 0) < processes && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          completed = resolve;
          setTimeout(resolve, 50);
        });
      }
      loads.push(loadavg()[0]!);
    }
    fanOuts.stop();
    await profiler?.stop();
  } finally {
    const collected = readers.map((reader) => reader.next('arrivals'));
    readers.forEach((reader) => reader.send({ kind: 'collect' }));
    arrivals = (await Promise.all(collected)) as Extract<FanoutReport, { kind: 'arrivals' }>[];
    writer.process.kill();
    await app.close();
  }
  const delays: number[] = [];
  const endToEnd: number[] = [];
  for (const { arrivals: byId } of arrivals) {
    for (const [id, at] of acknowledged) delays.push(...(byId[id] ?? []).map((time) => time - at));
    for (const [id, at] of sent) endToEnd.push(...(byId[id] ?? []).map((time) => time - at));
  }
  delays.sort((a, b) => a - b);
  endToEnd.sort((a, b) => a - b);
  const answers = [...acknowledged].map(([id, at]) => at - sent.get(id)!).sort((a, b) => a - b);
  const early = delays.filter((delay) => delay < 0).length;
  const writes = fanOuts.durations.sort((a, b) => a - b);
  const clientCpu = arrivals.map((report) => report.cpuMs / appends);
  const repeated = arrivals.reduce((sum, report) => sum + report.repeated, 0);
  const ms = (p: number, samples = delays) => `${percentile(samples, p).toFixed(1)} ms`;
  return {
    scenario: '5. live fan-out',
    subject: `${fmt(subscribers)} SSE subscribers, ${appends} appends`,
    figures:
      `append acknowledged → update received: p50 ${ms(50)}, p99 ${ms(99)}, max ${ms(100)}, ` +
      `${fmt(delays.length)} of ${fmt(subscribers * acknowledged.size)} delivered (by id; ${fmt(early)} before ` +
      `the acknowledgement, ${fmt(repeated)} repeated); append sent → received: p50 ${ms(50, endToEnd)}, p99 ${ms(99, endToEnd)}; the append's answer: p50 ${ms(50, answers)}, p99 ${ms(99, answers)}; ` +
      `the server's write of an update to every subscriber: p50 ${ms(50, writes)}, max ${ms(100, writes)}; ` +
      `subscribers in ${processes} processes, each ${Math.max(...clientCpu).toFixed(1)} ms of CPU per update; load ${Math.max(...loads).toFixed(1)}`,
  };
}

/**
 * How long the server takes to write each update to every subscriber: from its publication by the read models to
 * the end of the fan-out, which the live feed runs in a `setImmediate` queued when the update is published.
 * Immediates run in the order they were queued, so one queued just after it runs when the fan-out has returned.
 */
function timeFanOuts(readModels: ReadModels): { start(): void; stop(): void; readonly durations: number[] } {
  const durations: number[] = [];
  let measuring = false;
  const subscription = readModels.updates.subscribe(() => {
    if (!measuring) return;
    const published = performance.now();
    setImmediate(() => durations.push(performance.now() - published));
  });
  return {
    durations,
    start: () => (measuring = true),
    stop: () => {
      measuring = false;
      subscription.unsubscribe();
    },
  };
}

/**
 * BENCH_FANOUT_PROFILE=<file>: a CPU profile of the server's process (this one) while the appends fan out, the
 * connecting of subscribers left out (open it in Chrome's DevTools, or sum its self times).
 */
async function startProfile(): Promise<{ stop(): Promise<void> } | undefined> {
  const file = process.env.BENCH_FANOUT_PROFILE;
  if (!file) return undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** BENCH_SUBSCRIBERS: one count or a comma-separated list of them, each a row. */
export function subscriberCounts(setting: string | undefined): number[] {
  return (setting ?? '1000,10000').split(',').map(Number);
}

/**
 * Scenario 5, a row per count of subscribers. Each subscriber is a file descriptor in the server's process (this
 * one): a count that `ulimit -n` cannot hold is reported as skipped, with the limit to set, instead of failing.
 */
export async function fanoutBench(counts: readonly number[], appends: number, processes = 4): Promise<Row[]> {
  const limit = Number(execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim());
  const rows: Row[] = [];
  for (const subscribers of counts) {
    const needed = subscribers + 500;
    if (Number.isFinite(limit) && limit < needed) {
      rows.push({
        scenario: '5. live fan-out',
        subject: `${fmt(subscribers)} SSE subscribers, ${appends} appends`,
        figures: `skipped: \`ulimit -n\` is ${fmt(limit)}, this needs ${fmt(needed)} (run \`ulimit -n ${needed}\` first)`,
      });
    } else {
      rows.push(await fanoutRun(subscribers, appends, processes));
    }
  }
  return rows;
}

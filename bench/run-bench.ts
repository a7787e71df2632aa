import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { replayBench } from './replay.bench';
import { printTable, type Row } from './stats';
import { storeAppendBench } from './store-append.bench';
import { timeTravelBench } from './time-travel.bench';

/**
 * `npm run bench`: measures side by side, in one run, so that ratios hold on a noisy machine. Sizes are set by
 * BENCH_EVENTS (replayed events, default 200,000: a full replay runs at about 10,000 events/s today, so the
 * issue's 1,000,000 takes minutes), BENCH_APPENDS (2,000) and BENCH_TREATIES (100,000).
 */
async function main(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'timeline-bench-'));
  const events = Number(process.env.BENCH_EVENTS ?? 200_000);
  const appends = Number(process.env.BENCH_APPENDS ?? 2_000);
  const treaties = Number(process.env.BENCH_TREATIES ?? 100_000);
  console.log(
    `Treaty Timeline benchmark: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${tmpdir()}`,
  );
  const rows: Row[] = [];
  try {
    rows.push(...(await storeAppendBench(directory, appends, Math.max(10, appends / 20))));
    rows.push(...(await replayBench(directory, events)));
    rows.push(...(await timeTravelBench(directory, [1_000, treaties], [100, 1_000, 10_000])));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  printTable(rows);
  console.log('Not measured here yet: 4. HTTP appends vs a bare NestJS route; 5. SSE fan-out to 1,000 subscribers.');
}

void main();

import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { bulkImportBench } from './bulk-import.bench';
import { emmettBench } from './emmett.bench';
import { extractionBench } from './extraction.bench';
import { filteredFollowerBench } from './filtered-follower.bench';
import { fanoutBench, subscriberCounts } from './fanout.bench';
import { httpBench } from './http.bench';
import { replayBench } from './replay.bench';
import { skewedHttpBench } from './skewed-http.bench';
import { printTable, type Row } from './stats';
import { storeAppendBench } from './store-append.bench';
import { timeTravelBench } from './time-travel.bench';
import { treatyHistoryBench } from './treaty-history.bench';
import { webhooksBench } from './webhooks.bench';

/**
 * `npm run bench`: measures side by side, in one run, so that ratios hold on a noisy machine. Sizes are set by
 * BENCH_HTTP_SECONDS (per concurrency level and server, default 5), BENCH_SUBSCRIBERS (1,000 and 10,000: a list),
 * BENCH_EVENTS (replayed events, default 1,000,000: about a minute to write and a minute to replay),
 * BENCH_APPENDS (2,000), BENCH_TREATIES (100,000), BENCH_EXTRACTION_WORDS (10,000), BENCH_WEBHOOKS (subscriptions,
 * 100), BENCH_WEBHOOK_UPDATES (1,000); scenario 9 by BENCH_IMPORT_TREATIES (imported treaties, 200) and
 * BENCH_IMPORT_DEVELOPMENTS (developments of each, 50); scenario 10 by BENCH_HISTORY (events of one treaty's
 * history, 5,000) and BENCH_HISTORY_WINDOW (writes measured at each point, 200); scenario 11 by
 * BENCH_COLD_TREATIES (10,000) and BENCH_HTTP_SECONDS; scenario 12 by BENCH_APPENDS and BENCH_EMMETT_DIR (a folder
 * where @event-driven-io/emmett-sqlite is installed, when the project's node_modules has none); scenario 13 by
 * BENCH_FOLLOWER_LOG (events in the log beside the follower, 200,000) and BENCH_APPENDS.
 */
/** BENCH_SCENARIOS=4,5 runs only those (1 covers 1 and 2); all by default. */
const runs = (scenario: string): boolean =>
  !process.env.BENCH_SCENARIOS || process.env.BENCH_SCENARIOS.split(',').includes(scenario);

async function main(): Promise<void> {
  const directory = mkdtempSync(join(tmpdir(), 'timeline-bench-'));
  const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  const appends = Number(process.env.BENCH_APPENDS ?? 2_000);
  const treaties = Number(process.env.BENCH_TREATIES ?? 100_000);
  console.log(
    `Treaty Timeline benchmark: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${tmpdir()}`,
  );
  const rows: Row[] = [];
  try {
    if (runs('1')) rows.push(...(await storeAppendBench(directory, appends, Math.max(10, appends / 20))));
    if (runs('4')) rows.push(...(await httpBench(Number(process.env.BENCH_HTTP_SECONDS ?? 5), [1, 8, 32])));
    if (runs('5')) rows.push(...(await fanoutBench(subscriberCounts(process.env.BENCH_SUBSCRIBERS), 20)));
    if (runs('3')) rows.push(...(await replayBench(directory, events)));
    if (runs('6')) rows.push(...(await timeTravelBench(directory, [1_000, treaties], [100, 1_000, 10_000])));
    if (runs('9'))
      rows.push(
        ...(await bulkImportBench(
          directory,
          Number(process.env.BENCH_IMPORT_TREATIES ?? 200),
          Number(process.env.BENCH_IMPORT_DEVELOPMENTS ?? 50),
        )),
      );
    if (runs('7')) rows.push(...extractionBench(Number(process.env.BENCH_EXTRACTION_WORDS ?? 10_000), 10));
    if (runs('8')) {
      rows.push(
        ...(await webhooksBench(
          Number(process.env.BENCH_WEBHOOKS ?? 100),
          Number(process.env.BENCH_WEBHOOK_UPDATES ?? 1_000),
        )),
      );
    }
    if (runs('10')) {
      rows.push(
        ...(await treatyHistoryBench(
          Number(process.env.BENCH_HISTORY ?? 5_000),
          Number(process.env.BENCH_HISTORY_WINDOW ?? 200),
        )),
      );
    }
    if (runs('11')) {
      rows.push(
        ...(await skewedHttpBench(
          Number(process.env.BENCH_HTTP_SECONDS ?? 5),
          [1, 8, 32],
          Number(process.env.BENCH_COLD_TREATIES ?? 10_000),
        )),
      );
    }
    if (runs('12')) rows.push(...(await emmettBench(directory, appends, Math.max(10, appends / 20))));
    if (runs('13')) {
      rows.push(
        ...(await filteredFollowerBench(directory, Number(process.env.BENCH_FOLLOWER_LOG ?? 200_000), appends)),
      );
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
    // Printed even when a scenario fails, so that the figures of the ones before it are not lost.
    printTable(rows);
  }
}

void main();

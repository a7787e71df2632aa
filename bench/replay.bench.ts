import { join } from 'node:path';
import { Sqlite } from '@timeline/sqlite-driver';
import { rebuildPartsFor } from '../apps/api/src/read-models/parts-in-worker-threads';
import { runInChildProcess } from './child-task';
import type { ReplayPlan, ReplayResult } from './replay-rebuild';
import { fmt, latencies, perSecond, type Row } from './stats';
import { writeTreatyLog } from './treaty-log';

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Scenario 3: a full rebuild of the treaty-status read model from the whole log, against a raw scan of it. */
export async function replayBench(directory: string, events: number): Promise<Row[]> {
  const perTreaty = 10;
  const eventsFile = join(directory, 'replay-events.db');
  await writeTreatyLog(eventsFile, Math.ceil(events / perTreaty), perTreaty);

  const raw = new Sqlite(eventsFile, { readonly: true });
  let scanned = 0;
  const started = performance.now();
  for (const row of raw.prepare('SELECT * FROM events ORDER BY position').iterate() as Iterable<{ data: string }>) {
    JSON.parse(row.data);
    scanned += 1;
  }
  const rawRate = perSecond(scanned, performance.now() - started);
  raw.close();

  const replay = (parts: number, file: string) =>
    runInChildProcess<ReplayPlan, ReplayResult>(join(__dirname, 'replay-rebuild.js'), {
      eventsFile,
      readModelFile: join(directory, file),
      parts,
    });
  // As `npm run projections:rebuild` runs it (one part per core, decision 0027), then in one thread for comparison.
  const result = await replay(rebuildPartsFor(undefined), 'replay-projections.db');
  const inOneThread = await replay(1, 'replay-projections-one-thread.db');
  const rate = perSecond(result.events, result.milliseconds);
  const oneThreadRate = perSecond(inOneThread.events, inOneThread.milliseconds);
  const batches = latencies(inOneThread.batchMilliseconds);
  return [
    {
      scenario: `3. replay ${fmt(result.events)} events`,
      subject: `projection rebuild (own process, ${result.parts === 1 ? 'one thread' : `${result.parts} threads`})`,
      figures: `${fmt(rate)} events/s, peak RSS ${mb(result.peakRssBytes)}`,
      ratio: (rate / rawRate).toFixed(2),
    },
    { scenario: '', subject: 'raw SQLite scan + JSON.parse', figures: `${fmt(rawRate)} events/s` },
    {
      scenario: '',
      subject: 'projection rebuild in one thread',
      figures: `${fmt(oneThreadRate)} events/s (${(oneThreadRate / rawRate).toFixed(2)} of raw), peak RSS ${mb(inOneThread.peakRssBytes)}`,
    },
    {
      scenario: '',
      subject: 'projection apply, batch of 2,000',
      figures: `p50 ${batches.p50}, p99 ${batches.p99} (one thread; views render on read)`,
    },
  ];
}

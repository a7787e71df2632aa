import { join } from 'node:path';
import { Sqlite } from '@timeline/event-store-sqlite';
import { SqliteEventStore } from '@timeline/event-store-sqlite';
import { rebuildReadModel, treatyStatusProjection } from '@timeline/projections';
import { fmt, perSecond, type Row } from './stats';
import { writeTreatyLog } from './treaty-log';

function peakRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Scenario 3: a full rebuild of the treaty-status read model from the whole log, against a raw scan of it. */
export async function replayBench(directory: string, events: number): Promise<Row[]> {
  const perTreaty = 10;
  const file = join(directory, 'replay-events.db');
  await writeTreatyLog(file, Math.ceil(events / perTreaty), perTreaty);

  const raw = new Sqlite(file, { readonly: true });
  let scanned = 0;
  let started = performance.now();
  for (const row of raw.prepare('SELECT * FROM events ORDER BY position').iterate() as Iterable<{ data: string }>) {
    JSON.parse(row.data);
    scanned += 1;
  }
  const rawRate = perSecond(scanned, performance.now() - started);
  raw.close();

  const store = new SqliteEventStore({ file });
  if (global.gc) global.gc();
  const rss = peakRss();
  started = performance.now();
  const result = await rebuildReadModel(store, [treatyStatusProjection], join(directory, 'replay-projections.db'));
  const ms = performance.now() - started;
  const peak = rss.stop();
  await store.close();
  const rate = perSecond(result.events, ms);
  return [
    {
      scenario: `3. replay ${fmt(result.events)} events`,
      subject: 'projection rebuild',
      figures: `${fmt(rate)} events/s, peak RSS ${mb(peak)}`,
      ratio: (rate / rawRate).toFixed(2),
    },
    { scenario: '', subject: 'raw SQLite scan + JSON.parse', figures: `${fmt(rawRate)} events/s` },
  ];
}

import { join } from 'node:path';
import { SqliteEventStore } from '@timeline/event-store-sqlite';
import { measureAppends, type AppendFigures } from './append-measure';
import { runInChildProcess } from './child-task';
import type { EmmettPlan, EmmettResult } from './emmett-appender';
import { fmt, latencyFigures, type Row } from './stats';
import { openRawAppender } from './raw-limit';

/** What a run without the package prints instead: measured on this machine kind, its state at the time said. */
const RECORDED =
  'not installed; recorded 2026-12-01, 0.38.5, on a busy machine (load 11): 75 appends/s, 7,004 events/s in batches of 100; earlier (issue 14, version not noted): about 440 appends/s, 28–30k events/s';
export const EMMETT_INSTALL =
  'npm install --no-save @event-driven-io/emmett-sqlite@0.38.5 @event-driven-io/emmett@0.38.5';

/**
 * Scenario 12: the store a TypeScript user would pick instead, Emmett's SQLite event store, beside ours and raw
 * better-sqlite3, in one run: single appends and batches of 100, each against the raw limit (ours and the limit
 * timed in alternating blocks). Without the package, its recorded figures and the command that installs it.
 */
export async function emmettBench(directory: string, count: number, batches: number): Promise<Row[]> {
  // Ours and the limit take turns in this process; Emmett runs in its own, after them (so its ratio can drift
  // with the disk, as ours would timed alone).
  const store = new SqliteEventStore({ file: join(directory, 'peer-ours.db') });
  const raw = openRawAppender(join(directory, 'peer-raw.db'));
  const [ours, limit] = await measureAppends(
    [(stream, events) => store.appendToStream(stream, events), raw.append],
    count,
    batches,
  );
  await store.close();
  raw.close();
  const peer = await runInChildProcess<EmmettPlan, EmmettResult>(join(__dirname, 'emmett-appender.js'), {
    file: join(directory, 'peer-emmett.db'),
    count,
    batches,
  }).catch((error: unknown) => ({ failed: error instanceof Error ? error.message : String(error) }));
  const row = (scenario: string, subject: string, result: AppendFigures, batched: boolean, ratio = true): Row => ({
    scenario,
    subject,
    figures: batched
      ? `${fmt(result.batchRate)} events/s, per batch ${latencyFigures(result.batches)}`
      : `${fmt(result.singleRate)} events/s, ${latencyFigures(result.singles)}`,
    ...(ratio
      ? {
          ratio: (batched ? result.batchRate / limit.batchRate : result.singleRate / limit.singleRate).toFixed(2),
        }
      : {}),
  });
  const emmett = (batched: boolean): Row => {
    if ('figures' in peer) return row('', `Emmett SQLite ${peer.version}`, peer.figures, batched);
    if ('failed' in peer) return { scenario: '', subject: 'Emmett SQLite', figures: `failed: ${peer.failed}` };
    return { scenario: '', subject: 'Emmett SQLite', figures: batched ? EMMETT_INSTALL : RECORDED };
  };
  return [
    row('12. vs Emmett, 1 event', 'embedded store', ours, false),
    emmett(false),
    row('', 'raw better-sqlite3 (limit)', limit, false, false),
    row('12. vs Emmett, 100 events', 'embedded store', ours, true),
    emmett(true),
    row('', 'raw, one transaction (limit)', limit, true, false),
  ];
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newEventId } from '@timeline/event-store';
import type { ImportOptions, ImportSummary } from '../apps/api/src/cli/import-command';
import { BENCH_EDITOR_KEY, startBenchApp } from './bench-app';
import { approvalReport } from './bench-reports';
import { runInChildProcess } from './child-task';
import { fmt, perSecond, type Row } from './stats';
import { openRawLimit } from './raw-limit';

/**
 * Scenario 9: `npm run import` of a file of `treaties` treaties with `perTreaty` developments each, through the
 * batch route of the real app (validation, decider, sealing, one append per batch of at most 500, the
 * projection following), against the limit: better-sqlite3 inserting the same rows, as many per transaction, with
 * the same durability (WAL, synchronous FULL). Fifty developments a treaty is a long treaty's record. The client
 * runs in a process of its own, as the command does (bench/import-client.ts).
 */
export async function bulkImportBench(directory: string, treaties: number, perTreaty: number): Promise<Row[]> {
  const file = join(directory, 'bulk-import.ndjson');
  const lines: string[] = [];
  for (let t = 0; t < treaties; t++) {
    lines.push(
      JSON.stringify({ treaty: { id: `bulk-${t}`, title: 'Bulk', parties: ['RU', 'IR'], category: 'trade' } }),
    );
  }
  for (let t = 0; t < treaties; t++) {
    for (let n = 0; n < perTreaty; n++)
      lines.push(JSON.stringify({ treatyId: `bulk-${t}`, development: approvalReport(n) }));
  }
  writeFileSync(file, lines.join('\n') + '\n');

  const { app, base } = await startBenchApp();
  let oursRate: number;
  try {
    const started = performance.now();
    const summary = await runInChildProcess<ImportOptions, ImportSummary>(join(__dirname, 'import-client.js'), {
      file,
      baseUrl: base,
      apiKey: BENCH_EDITOR_KEY,
      concurrency: 4,
    });
    if (summary.failures.length > 0) throw new Error(`bulk import: ${JSON.stringify(summary.failures[0])}`);
    oursRate = perSecond(summary.written, performance.now() - started);
  } finally {
    await app.close();
  }

  const { db: raw, insert } = openRawLimit(join(directory, 'bulk-raw.db'));
  const batch = Math.min(500, perTreaty);
  const started = performance.now();
  for (let t = 0; t < treaties; t++) {
    for (let first = 0; first < perTreaty; first += batch) {
      raw
        .transaction(() => {
          for (let n = first; n < Math.min(perTreaty, first + batch); n++) {
            insert.run(
              newEventId(),
              `treaty-bulk-${t}`,
              n + 1,
              'LegislativeApprovalGiven',
              JSON.stringify(approvalReport(n)),
            );
          }
        })
        .immediate();
    }
  }
  const rawRate = perSecond(treaties * perTreaty, performance.now() - started);
  raw.close();

  return [
    {
      scenario: '9. bulk import (npm run import)',
      subject: `${fmt(treaties)} treaties × ${fmt(perTreaty)} developments`,
      figures: `${fmt(oursRate)} events/s`,
      ratio: (oursRate / rawRate).toFixed(2),
    },
    {
      scenario: '',
      subject: 'raw better-sqlite3, a treaty per transaction (limit)',
      figures: `${fmt(rawRate)} events/s`,
    },
  ];
}

import { join } from 'node:path';
import { BENCH_EDITOR_KEY, startBenchApp } from './bench-app';
import { runInChildProcess } from './child-task';
import type { HistoryPlan, HistoryResult } from './history-writer';
import { load } from './http.bench';
import { fmt, latencyFigures, type Row } from './stats';

const TREATY = 'bench-history-0';

/**
 * Scenario 10: writes on ONE treaty as its history grows to `history` events. Windows of `window` writes, one
 * after another over HTTP, are measured when the treaty has 0, 20 %, 50 % and 100 % of `history` events (by
 * default 0, 1,000, 2,500 and 5,000); between windows the history is filled by the same writes, unmeasured. The
 * ratio is each window's throughput against the first: a write whose cost grows with its treaty's past shows here.
 */
export async function treatyHistoryBench(history: number, window: number): Promise<Row[]> {
  const { app, base } = await startBenchApp();
  const key = BENCH_EDITOR_KEY;
  const rows: Row[] = [];
  const writes = (count: number, offset: number) =>
    runInChildProcess<HistoryPlan, HistoryResult>(join(__dirname, 'history-writer.js'), {
      base,
      key,
      treatyId: TREATY,
      count,
      offset,
    });
  try {
    await load({ base, kind: 'register-treaties', count: 1, concurrency: 1, offset: 0, key, prefix: 'bench-history-' });
    let events = 1; // the registration
    let first: HistoryResult | undefined;
    for (const share of [0, 0.2, 0.5, 1]) {
      const target = Math.round(share * history);
      if (target > events) {
        await writes(target - events, events);
        events = target;
      }
      const measured = await writes(window, events);
      const at = share === 0 ? 0 : events;
      events += window;
      first ??= measured;
      rows.push({
        scenario: rows.length === 0 ? "10. one treaty's history" : '',
        subject: `at ${fmt(at)} events of history`,
        figures: `${fmt(measured.requestsPerSecond)} writes/s, ${latencyFigures(measured)}`,
        ratio: (measured.requestsPerSecond / first.requestsPerSecond).toFixed(2),
      });
    }
  } finally {
    await app.close();
  }
  return rows;
}

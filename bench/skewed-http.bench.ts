import { BENCH_EDITOR_KEY, startBenchApp } from './bench-app';
import { load, sideBySide, startBareApp } from './http.bench';
import { HOT_SHARE, HOT_TREATIES } from './load-generator';
import { fmt, latencyFigures, type Row } from './stats';

const PREFIX = 'bench-skewed-';

/**
 * Scenario 11: the writes of scenario 4, skewed as a news day is: 80 % of them to 5 hot treaties (uniformly among
 * the 5), 20 % spread uniformly over `coldTreaties` others, each request's treaty drawn from a fixed hash of its
 * number (the same in every run). The hot treaties' histories grow through the run and their writes meet each other
 * (a conflict is decided again on the new state), which a uniform spread over 100 treaties hides.
 */
export async function skewedHttpBench(
  seconds: number,
  concurrencies: readonly number[],
  coldTreaties: number,
): Promise<Row[]> {
  const { app, base } = await startBenchApp();
  const { bare, bareBase } = await startBareApp();
  const treaties = HOT_TREATIES + coldTreaties;
  const rows: Row[] = [];
  try {
    const key = BENCH_EDITOR_KEY;
    await load({ base, kind: 'register-treaties', count: treaties, concurrency: 8, offset: 0, key, prefix: PREFIX });
    let offset = 0;
    let writes = 0;
    for (const concurrency of concurrencies) {
      const { ours, limit } = await sideBySide(
        { base, kind: 'skewed-developments', concurrency, offset, key, prefix: PREFIX, treaties },
        { base: bareBase, kind: 'bare', concurrency, offset: 0 },
        seconds,
      );
      offset += ours.issued;
      writes += ours.requests;
      rows.push({
        scenario: rows.length === 0 ? '11. HTTP POST, skewed' : '',
        subject: `concurrency ${concurrency}: ours / bare`,
        figures: `${fmt(ours.requestsPerSecond)} / ${fmt(limit.requestsPerSecond)} req/s, ${latencyFigures(ours, limit)}`,
        ratio: (ours.requestsPerSecond / limit.requestsPerSecond).toFixed(2),
      });
    }
    rows.push({
      scenario: '',
      subject: `(${HOT_SHARE * 100} % to ${HOT_TREATIES} hot, rest over ${fmt(coldTreaties)})`,
      figures: `${fmt(writes)} writes in all`,
    });
  } finally {
    await app.close();
    await bare.close();
  }
  return rows;
}

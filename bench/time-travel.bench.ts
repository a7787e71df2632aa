import { join } from 'node:path';
import { SqliteEventStore } from '@timeline/event-store-sqlite';
import {
  openReadModelDatabase,
  rebuildReadModel,
  toTreatyEnvelope,
  treatyStatusProjection,
  TreatyStatusQueries,
} from '@timeline/projections';
import { treatyStatusView, treatyStreamName } from '@timeline/treaty';
import { fmt, type Row } from './stats';
import { writeTreatyLog } from './treaty-log';

const time = async (repeat: number, work: () => unknown): Promise<number> => {
  const started = performance.now();
  for (let index = 0; index < repeat; index++) await work();
  return (performance.now() - started) / repeat;
};

/** Scenario 6: `asOf` folds a treaty's history (grows with it); the present is one read-model row (does not). */
export async function timeTravelBench(
  directory: string,
  treatyCounts: readonly number[],
  historySizes: readonly number[],
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const size of historySizes) {
    const file = join(directory, `history-${size}.db`);
    await writeTreatyLog(file, 1, size);
    const store = new SqliteEventStore({ file });
    const ms = await time(5, async () => {
      const events = [];
      for await (const event of store.readStream(treatyStreamName('bench-0'))) events.push(event);
      treatyStatusView(events.map(toTreatyEnvelope), { asOf: '2025-05-01' });
    });
    await store.close();
    rows.push({
      scenario: rows.length === 0 ? '6. time travel (asOf)' : '',
      subject: `treaty of ${fmt(size)} events`,
      figures: `${ms.toFixed(1)} ms per ?asOf= read`,
    });
  }
  for (const treaties of treatyCounts) {
    const file = join(directory, `treaties-${treaties}.db`);
    await writeTreatyLog(file, treaties, 3);
    const store = new SqliteEventStore({ file });
    const readModel = join(directory, `treaties-${treaties}-projections.db`);
    await rebuildReadModel(store, [treatyStatusProjection], readModel);
    await store.close();
    const db = openReadModelDatabase(readModel);
    const queries = new TreatyStatusQueries(db);
    const ms = await time(2000, () => queries.status(`bench-${Math.floor(Math.random() * treaties)}`));
    db.close();
    rows.push({
      scenario: '6. status (present)',
      subject: `store of ${fmt(treaties)} treaties`,
      figures: `${(ms * 1000).toFixed(1)} µs per status read`,
    });
  }
  return rows;
}

import { join } from 'node:path';
import { SqliteEventStore } from '@timeline/event-store-sqlite';
import { benchEvent, measureAppends } from './append-measure';
import { openRawAppender } from './raw-limit';
import { fmt, latencies, latencyFigures, perSecond, type Row } from './stats';

const WRITERS = 32;

/**
 * Scenarios 1 and 2: our embedded store against raw better-sqlite3 inserts with the same durability, timed in
 * alternating blocks (`measureAppends`). The row of 32 concurrent writers compares with the raw single-append rate:
 * what group commit gains over one fsync per append.
 */
export async function storeAppendBench(directory: string, singles: number, batches: number): Promise<Row[]> {
  const store = new SqliteEventStore({ file: join(directory, 'bench-store.db') });
  const raw = openRawAppender(join(directory, 'bench-raw.db'));
  const [ours, limit] = await measureAppends(
    [(stream, events) => store.appendToStream(stream, events), raw.append],
    singles,
    batches,
  );
  raw.close();

  // 32 writers, each appending one event at a time to a stream of its own, as concurrent requests do. A few
  // untimed rounds first warm the store's commit thread (started by the first append), so that the row measures group
  // commit, not its first compilations.
  for (let round = 0; round < 4; round++) {
    await Promise.all(
      Array.from({ length: WRITERS }, (_, writer) => store.appendToStream(`warm-up-${writer}`, [benchEvent(round)])),
    );
  }
  const concurrent: number[] = [];
  const commitsBefore = store.commitStats();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let index = writer; index < singles; index += WRITERS) {
        const before = performance.now();
        await store.appendToStream(`concurrent-${writer}`, [benchEvent(index)]);
        concurrent.push(performance.now() - before);
      }
    }),
  );
  const concurrentRate = perSecond(concurrent.length, performance.now() - started);
  const commitsAfter = store.commitStats();
  const meanGroup =
    (commitsAfter.appends - commitsBefore.appends) / Math.max(1, commitsAfter.commits - commitsBefore.commits);

  await store.close();

  const c = latencies(concurrent);
  return [
    {
      scenario: '1. append, 1 event, FULL',
      subject: 'embedded store',
      figures: `${fmt(ours.singleRate)} events/s, ${latencyFigures(ours.singles)}`,
      ratio: (ours.singleRate / limit.singleRate).toFixed(2),
    },
    {
      scenario: '',
      subject: 'raw better-sqlite3 (limit)',
      figures: `${fmt(limit.singleRate)} events/s, ${latencyFigures(limit.singles)}`,
    },
    {
      scenario: `1. append, ${WRITERS} writers`,
      subject: 'embedded store, group commit',
      figures: `${fmt(concurrentRate)} events/s, p50 ${c.p50}, p99 ${c.p99}, ${meanGroup.toFixed(1)} per commit`,
      ratio: (concurrentRate / limit.singleRate).toFixed(2),
    },
    {
      scenario: '2. append, 100 events',
      subject: 'embedded store',
      figures: `${fmt(ours.batchRate)} events/s, per batch ${latencyFigures(ours.batches)}`,
      ratio: (ours.batchRate / limit.batchRate).toFixed(2),
    },
    {
      scenario: '',
      subject: 'raw, one transaction (limit)',
      figures: `${fmt(limit.batchRate)} events/s, per batch ${latencyFigures(limit.batches)}`,
    },
  ];
}

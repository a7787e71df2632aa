import { join } from 'node:path';
import { newEventId } from '@timeline/event-store';
import { SqliteEventStore } from '@timeline/event-store-sqlite';
import { fmt, latencies, latencyFigures, latencyOf, perSecond, type Row } from './stats';
import { openRawLimit } from './raw-limit';

const event = (index: number) => ({ id: newEventId(), type: 'BenchHappened', data: { index, text: 'x'.repeat(200) } });

const WRITERS = 32;
const WARM_UP = 200;
/** Single appends each side makes in a turn. */
const BLOCK = 100;

const sum = (samples: readonly number[]) => samples.reduce((total, sample) => total + sample, 0);

/**
 * Scenarios 1 and 2: our embedded store against raw better-sqlite3 inserts with the same durability. The row of 32
 * concurrent writers compares with the raw single-append rate: what group commit gains over one fsync per append.
 */
export async function storeAppendBench(directory: string, singles: number, batches: number): Promise<Row[]> {
  const store = new SqliteEventStore({ file: join(directory, 'bench-store.db') });
  const { db: raw, insert } = openRawLimit(join(directory, 'bench-raw.db'));
  const revisions = new Map<string, number>();
  const rawSingle = (stream: string, index: number) => {
    const revision = (revisions.get(stream) ?? -1) + 1;
    revisions.set(stream, revision);
    const next = event(index);
    insert.run(next.id, stream, revision, next.type, JSON.stringify(next.data));
  };

  // Both sides append untimed first, so that neither row measures its first compilations (nor ours the start of
  // its commit thread, which starts at the first append). Then they take turns, a block each: a durable append costs
  // about an fsync, whose speed drifts within a run, and one side timed after the other measured the drift.
  for (let index = 0; index < WARM_UP; index++) {
    await store.appendToStream('warm-up', [event(index)]);
    raw.transaction(() => rawSingle('warm-up', index)).immediate();
  }
  const ours: number[] = [];
  const rawSamples: number[] = [];
  for (let first = 0; first < singles; first += BLOCK) {
    const last = Math.min(singles, first + BLOCK);
    for (let index = first; index < last; index++) {
      const before = performance.now();
      await store.appendToStream(`bench-${index % 100}`, [event(index)]);
      ours.push(performance.now() - before);
    }
    for (let index = first; index < last; index++) {
      const before = performance.now();
      raw.transaction(() => rawSingle(`bench-${index % 100}`, index)).immediate();
      rawSamples.push(performance.now() - before);
    }
  }
  const oursRate = perSecond(singles, sum(ours));
  const rawRate = perSecond(singles, sum(rawSamples));

  // 32 writers, each appending one event at a time to a stream of its own, as concurrent requests do. A few
  // untimed rounds first warm the store's commit thread (started by the first append), so that the row measures group
  // commit, not its first compilations.
  for (let round = 0; round < 4; round++) {
    await Promise.all(
      Array.from({ length: WRITERS }, (_, writer) => store.appendToStream(`warm-up-${writer}`, [event(round)])),
    );
  }
  const concurrent: number[] = [];
  const commitsBefore = store.commitStats();
  let started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let index = writer; index < singles; index += WRITERS) {
        const before = performance.now();
        await store.appendToStream(`concurrent-${writer}`, [event(index)]);
        concurrent.push(performance.now() - before);
      }
    }),
  );
  const concurrentRate = perSecond(concurrent.length, performance.now() - started);
  const commitsAfter = store.commitStats();
  const meanGroup =
    (commitsAfter.appends - commitsBefore.appends) / Math.max(1, commitsAfter.commits - commitsBefore.commits);

  const oursBatches: number[] = [];
  started = performance.now();
  for (let batch = 0; batch < batches; batch++) {
    const before = performance.now();
    await store.appendToStream(
      `batch-${batch}`,
      Array.from({ length: 100 }, (_, index) => event(index)),
    );
    oursBatches.push(performance.now() - before);
  }
  const oursBatchRate = perSecond(batches * 100, performance.now() - started);
  const rawBatches: number[] = [];
  started = performance.now();
  for (let batch = 0; batch < batches; batch++) {
    const before = performance.now();
    raw
      .transaction(() => {
        for (let index = 0; index < 100; index++) rawSingle(`batch-${batch}`, index);
      })
      .immediate();
    rawBatches.push(performance.now() - before);
  }
  const rawBatchRate = perSecond(batches * 100, performance.now() - started);
  await store.close();
  raw.close();

  const o = latencies(ours);
  const r = latencies(rawSamples);
  const c = latencies(concurrent);
  return [
    {
      scenario: '1. append, 1 event, FULL',
      subject: 'embedded store',
      figures: `${fmt(oursRate)} events/s, p50 ${o.p50}, p99 ${o.p99}`,
      ratio: (oursRate / rawRate).toFixed(2),
    },
    {
      scenario: '',
      subject: 'raw better-sqlite3 (limit)',
      figures: `${fmt(rawRate)} events/s, p50 ${r.p50}, p99 ${r.p99}`,
    },
    {
      scenario: `1. append, ${WRITERS} writers`,
      subject: 'embedded store, group commit',
      figures: `${fmt(concurrentRate)} events/s, p50 ${c.p50}, p99 ${c.p99}, ${meanGroup.toFixed(1)} per commit`,
      ratio: (concurrentRate / rawRate).toFixed(2),
    },
    {
      scenario: '2. append, 100 events',
      subject: 'embedded store',
      figures: `${fmt(oursBatchRate)} events/s, per batch ${latencyFigures(latencyOf(oursBatches))}`,
      ratio: (oursBatchRate / rawBatchRate).toFixed(2),
    },
    {
      scenario: '',
      subject: 'raw, one transaction (limit)',
      figures: `${fmt(rawBatchRate)} events/s, per batch ${latencyFigures(latencyOf(rawBatches))}`,
    },
  ];
}

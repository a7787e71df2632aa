import { join } from 'node:path';
import { START } from '@timeline/event-store';
import { SqliteEventStore } from '@timeline/event-store-sqlite';
import { benchEvent } from './append-measure';
import { fmt, latencyFigures, latencyOf, perSecond, type Row } from './stats';

const BLOCK = 100;

/**
 * Scenario 13: durable single appends to the embedded store on a log of `logEvents` events, with and without a
 * subscriber that follows a stream-name prefix nothing appended matches (as webhook streams are rare among treaty
 * events), in alternating blocks of 100 appends: what a filtered follower costs the writers. Before decision 0072 it
 * re-read the whole log since its last match after every append.
 */
export async function filteredFollowerBench(directory: string, logEvents: number, appends: number): Promise<Row[]> {
  const store = new SqliteEventStore({ file: join(directory, 'filtered-follower.db') });
  try {
    for (let written = 0; written < logEvents; written += 500) {
      const count = Math.min(500, logEvents - written);
      await store.appendToStream(
        `archive-${written}`,
        Array.from({ length: count }, (_, index) => benchEvent(written + index)),
      );
    }
    const samples = { alone: [] as number[], followed: [] as number[] };
    let next = 0;
    const timeBlock = async (into: number[]) => {
      for (let index = 0; index < BLOCK; index++, next++) {
        const before = performance.now();
        await store.appendToStream(`bench-${next % 100}`, [benchEvent(next)]);
        into.push(performance.now() - before);
      }
    };
    for (let block = 0; block * BLOCK < appends; block++) {
      await timeBlock(samples.alone);
      const controller = new AbortController();
      let caughtUp!: () => void;
      const isCaughtUp = new Promise<void>((resolve) => (caughtUp = resolve));
      const following = (async () => {
        const subscription = store.subscribeToAll({
          fromPosition: START,
          filter: { on: 'stream-name', prefixes: ['rare-'] },
          signal: controller.signal,
        });
        for await (const message of subscription) if (message.kind === 'caught-up') caughtUp();
      })();
      await isCaughtUp;
      await timeBlock(samples.followed);
      controller.abort();
      await following;
    }
    const rate = (taken: number[]) =>
      perSecond(
        taken.length,
        taken.reduce((sum, sample) => sum + sample, 0),
      );
    const figures = (taken: number[]) => `${fmt(rate(taken))} events/s, ${latencyFigures(latencyOf(taken))}`;
    return [
      {
        scenario: '13. append beside a filtered follower',
        subject: `log of ${fmt(logEvents)} events, one follower of a prefix nothing matches`,
        figures: figures(samples.followed),
        ratio: (rate(samples.followed) / rate(samples.alone)).toFixed(2),
      },
      {
        scenario: '',
        subject: 'the same appends with no follower (limit)',
        figures: figures(samples.alone),
      },
    ];
  } finally {
    await store.close();
  }
}

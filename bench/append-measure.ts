import { newEventId } from '@timeline/event-store';
import { latencyOf, perSecond, type Latency } from './stats';

/** An event of scenario 1's size: 200 bytes of text. */
export const benchEvent = (index: number) => ({
  id: newEventId(),
  type: 'BenchHappened',
  data: { index, text: 'x'.repeat(200) },
});

export type BenchEvent = ReturnType<typeof benchEvent>;
export type Append = (stream: string, events: BenchEvent[]) => unknown;

/** Single appends each side makes in a turn, and batches. */
const SINGLES_PER_TURN = 100;
const BATCHES_PER_TURN = 10;
const WARM_UP = 200;

/**
 * For each side, `count` appends of one event each over 100 streams, then `batches` of 100 events to streams of
 * their own. Each side first appends untimed (its first compilations are not measured), then the sides take turns,
 * a block each: a durable append costs about an fsync, whose speed drifts within a run, and one side timed after
 * the other would measure the drift. Rates are events over each side's own timed appends.
 */
export async function measureAppends<const Sides extends readonly Append[]>(
  sides: Sides,
  count: number,
  batches: number,
): Promise<{ [Side in keyof Sides]: AppendFigures }> {
  for (const [side, append] of sides.entries()) {
    for (let index = 0; index < WARM_UP; index++) await append(`warm-up-${side}`, [benchEvent(index)]);
  }
  const singles = sides.map(() => [] as number[]);
  for (let first = 0; first < count; first += SINGLES_PER_TURN) {
    for (const [side, append] of sides.entries()) {
      for (let index = first; index < Math.min(count, first + SINGLES_PER_TURN); index++) {
        const before = performance.now();
        await append(`bench-${index % 100}`, [benchEvent(index)]);
        singles[side]!.push(performance.now() - before);
      }
    }
  }
  const batched = sides.map(() => [] as number[]);
  for (let first = 0; first < batches; first += BATCHES_PER_TURN) {
    for (const [side, append] of sides.entries()) {
      for (let batch = first; batch < Math.min(batches, first + BATCHES_PER_TURN); batch++) {
        const events = Array.from({ length: 100 }, (_, index) => benchEvent(index));
        const before = performance.now();
        await append(`batch-${batch}`, events);
        batched[side]!.push(performance.now() - before);
      }
    }
  }
  const figures = sides.map((_, side): AppendFigures => ({
    singleRate: perSecond(count, sum(singles[side]!)),
    singles: latencyOf(singles[side]!),
    batchRate: perSecond(batches * 100, sum(batched[side]!)),
    batches: latencyOf(batched[side]!),
  }));
  return figures as { [Side in keyof Sides]: AppendFigures };
}

/** One side's figures: rates over its own timed appends, with their latencies. */
export interface AppendFigures {
  readonly singleRate: number;
  readonly singles: Latency;
  readonly batchRate: number;
  readonly batches: Latency;
}

const sum = (samples: readonly number[]) => samples.reduce((total, sample) => total + sample, 0);

import { newEventId } from '@timeline/event-store';
import { latencyOf, perSecond } from './stats';

/** An event of scenario 1's size: 200 bytes of text. */
export const benchEvent = (index: number) => ({
  id: newEventId(),
  type: 'BenchHappened',
  data: { index, text: 'x'.repeat(200) },
});

export type BenchEvent = ReturnType<typeof benchEvent>;
export type Append = (stream: string, events: BenchEvent[]) => unknown;

/** `count` appends of one event each over 100 streams, then `batches` of 100 events to streams of their own. */
export async function measureAppends(append: Append, count: number, batches: number) {
  const singles: number[] = [];
  let started = performance.now();
  for (let index = 0; index < count; index++) {
    const before = performance.now();
    await append(`bench-${index % 100}`, [benchEvent(index)]);
    singles.push(performance.now() - before);
  }
  const singleRate = perSecond(count, performance.now() - started);
  const batched: number[] = [];
  started = performance.now();
  for (let batch = 0; batch < batches; batch++) {
    const before = performance.now();
    await append(
      `batch-${batch}`,
      Array.from({ length: 100 }, (_, index) => benchEvent(index)),
    );
    batched.push(performance.now() - before);
  }
  const batchRate = perSecond(batches * 100, performance.now() - started);
  return { singleRate, singles: latencyOf(singles), batchRate, batches: latencyOf(batched) };
}

export type AppendFigures = Awaited<ReturnType<typeof measureAppends>>;

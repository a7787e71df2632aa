import { describe, expect, it } from '@jest/globals';
import { inTurns } from './in-turns';

async function taken<T>(rows: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe('rows made a turn of the event loop at a time', () => {
  it('yields every row in order', async () => {
    expect(await taken(inTurns([1, 2, 3, 4, 5], 0))).toEqual([1, 2, 3, 4, 5]);
  });

  it('lets the event loop serve what waits once a turn has taken its time, and not before', async () => {
    let clock = 0;
    const served: string[] = [];
    function* rows() {
      for (const row of ['a', 'b', 'c', 'd']) {
        served.push(`row ${row}`);
        clock += 4; // each row costs 4 ms of a 10 ms turn
        yield row;
      }
    }
    const waiting = new Promise<void>((resolve) =>
      setImmediate(() => {
        served.push('another request');
        resolve();
      }),
    );
    await taken(inTurns(rows(), 10, () => clock));
    await waiting;
    // Rows a, b and c take 12 ms: the loop is let go after c, not after each row, and not after d (the last).
    expect(served).toEqual(['row a', 'row b', 'row c', 'another request', 'row d']);
  });

  it('takes rows read asynchronously as well, and lets the loop go between them too', async () => {
    let clock = 0;
    const served: string[] = [];
    async function* pages() {
      for (const row of [1, 2, 3]) {
        served.push(`row ${row}`);
        clock += 10;
        yield await Promise.resolve(row); // a microtask: no turn of the loop for anything else
      }
    }
    const waiting = new Promise<void>((resolve) =>
      setImmediate(() => {
        served.push('another request');
        resolve();
      }),
    );
    expect(await taken(inTurns(pages(), 10, () => clock))).toEqual([1, 2, 3]);
    await waiting;
    expect(served.indexOf('another request')).toBe(1);
  });

  it('closes the rows when the reader stops early, as a client gone away does', async () => {
    let closed = false;
    function* rows() {
      try {
        yield* [1, 2, 3];
      } finally {
        closed = true;
      }
    }
    const turns = inTurns(rows(), 0);
    expect((await turns.next()).value).toBe(1);
    await turns.return(undefined);
    expect(closed).toBe(true);
  });
});

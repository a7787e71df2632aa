import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long an answer's rows are made before the event loop is let go: other requests wait at most about this. */
export const TURN_MS = 10;

/**
 * The rows of a large answer (a download, a party's calendar) or of a long read (the whole log, verified), made a
 * turn of the event loop at a time: after each `turnMs` of making them, the loop serves whatever else waits (health
 * probes, writes, other reads) before the next row. Made in one turn, a download of 10 MB held every other request
 * for 3 s, and a calendar of 24 MB for 7 s, long enough for idle keep-alive connections to be closed under their
 * clients' next request; an async iterable whose pages are read synchronously (the embedded store's) never lets the
 * loop go either. The rows must come from a snapshot that nothing changes meanwhile, or be read in order of a log
 * that only grows. Stopping early (the client went away) returns `rows`, which closes it.
 */
export async function* inTurns<T>(
  rows: Iterable<T> | AsyncIterable<T>,
  turnMs = TURN_MS,
  now: () => number = performance.now.bind(performance),
): AsyncGenerator<T> {
  let turnStarted = now();
  for await (const row of rows) {
    yield row;
    if (now() - turnStarted >= turnMs) {
      await nextTurn();
      turnStarted = now();
    }
  }
}

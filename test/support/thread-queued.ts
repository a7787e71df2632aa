import { readFileSync } from 'node:fs';

const SCHEDSTAT = '/proc/thread-self/schedstat';

/**
 * How long the calling thread has waited, runnable, for a CPU since it started, in milliseconds: the second field
 * of Linux's `/proc/thread-self/schedstat` (nanoseconds). A test that times its own thread subtracts what the rest of
 * the machine's load cost it, and keeps what the code did. Where the kernel does not say (macOS, a Linux without
 * schedstats), 0: the test times the wall clock alone, as it did before, and stays as able to fail.
 */
export function threadQueuedMs(): number {
  let text: string;
  try {
    text = readFileSync(SCHEDSTAT, 'utf8');
  } catch {
    return 0;
  }
  const queuedNs = Number(text.trim().split(/\s+/)[1]);
  return Number.isFinite(queuedNs) ? queuedNs / 1e6 : 0;
}

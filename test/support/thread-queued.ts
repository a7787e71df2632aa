import { readFileSync } from 'node:fs';

/**
 * How long the calling thread has waited, runnable, for a CPU since it started, in milliseconds: the second field
 * of Linux's `/proc/thread-self/schedstat` (nanoseconds). A test that times its own thread subtracts what the rest of
 * the machine's load cost it, and keeps what the code did.
 */
export function threadQueuedMs(): number {
  const fields = readFileSync('/proc/thread-self/schedstat', 'utf8').trim().split(/\s+/);
  return Number(fields[1]) / 1e6;
}

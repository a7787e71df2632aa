/** The longest wait between two attempts, however many have failed. */
export const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * Exponential backoff with "equal jitter": attempt n waits between half and all of base·2^(n-1) (capped), so that
 * receivers recovering from an outage are not hit by every subscription at the same instant, yet each wait still
 * grows.
 */
export function backoffMs(failedAttempts: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

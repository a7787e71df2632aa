/**
 * How long after a whole pass over the log a checkpoint may still be signed over the events read since it (decision
 * 0071): ten minutes, or twenty times as long as the pass took when that is longer, so that whole passes take at most
 * a twentieth of the time however long the log and the list of checkpoints grow. An event altered in the store after
 * it was verified is found by the next whole pass: the window is the price, written in the decision.
 */
export const WHOLE_PASS_EVERY_MS = 10 * 60_000;
export const WHOLE_PASS_TIME_SHARE = 1 / 20;

export interface WholePass {
  /** When it started, and how long it took, in ms. */
  readonly at: number;
  readonly tookMs: number;
}

/** Whether the next verification for a checkpoint must read the whole log again; also when the clock went back. */
export function wholePassDue(last: WholePass, now: number): boolean {
  return now < last.at || now - last.at >= Math.max(WHOLE_PASS_EVERY_MS, last.tookMs / WHOLE_PASS_TIME_SHARE);
}

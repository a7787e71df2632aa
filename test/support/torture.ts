/**
 * `npm run torture` sets TIMELINE_TORTURE=1 and runs the fault tests at sizes that take minutes; `npm test` runs
 * the same tests at sizes that stay under a minute. Under torture, generated inputs take a fresh seed each run
 * (fast-check prints it on a failure, to replay it).
 */
export const TORTURE = process.env.TIMELINE_TORTURE === '1';

/** `everyRun` in the suite, `underTorture` in `npm run torture`. */
export function sized(everyRun: number, underTorture: number): number {
  return TORTURE ? underTorture : everyRun;
}

/** A fixed seed in the suite, so that it is repeatable; none (a random one) under torture. */
export const FUZZ_SEED: { seed?: number } = TORTURE ? {} : { seed: 20261123 };

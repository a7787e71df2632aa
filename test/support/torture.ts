/**
 * `npm run torture` sets TIMELINE_TORTURE=1 and runs the fault tests at sizes that take minutes; `npm test` runs
 * the same tests at sizes that stay under a minute. Under torture, generated inputs take a fresh seed each run,
 * printed once so that a run can be told apart and replayed (`TIMELINE_FUZZ_SEED=<seed> npm run torture`).
 */
export const TORTURE = process.env.TIMELINE_TORTURE === '1';

/** `everyRun` in the suite, `underTorture` in `npm run torture`. */
export function sized(everyRun: number, underTorture: number): number {
  return TORTURE ? underTorture : everyRun;
}

const freshSeed = Number(process.env.TIMELINE_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
if (TORTURE) process.stdout.write(`fuzz seed ${freshSeed}\n`);

/** A fixed seed in the suite, so that it is repeatable; a fresh one (printed) under torture. */
export const FUZZ_SEED: { seed?: number } = TORTURE ? { seed: freshSeed } : { seed: 20261123 };

/** The app's only source of "now", injected so that tests can set the date. */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/**
 * The real time, whatever CLOCK says: the moment a writer seals an event, which the verifier holds against the time
 * the store records it at, and stores record real time (tests that set CLOCK to another day set only "today").
 */
export const wallClock: Clock = () => new Date();

/** The zone furthest ahead of UTC (the Line Islands, UTC+14): where a new calendar day begins first. */
const EARLIEST_ZONE_OFFSET_MS = 14 * 60 * 60 * 1000;

/**
 * The latest calendar date anywhere on Earth at `now`, `YYYY-MM-DD`: what the decider takes as today. A development
 * dated today where it happened is then never refused as in the future, in Moscow just after midnight as in Tehran.
 */
export function latestDateOnEarth(now: Date): string {
  return new Date(now.getTime() + EARLIEST_ZONE_OFFSET_MS).toISOString().slice(0, 10);
}

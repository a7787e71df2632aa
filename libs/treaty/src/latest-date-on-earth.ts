/** The zone furthest ahead of UTC (the Line Islands, UTC+14): where a new calendar day begins first. */
const EARLIEST_ZONE_OFFSET_MS = 14 * 60 * 60 * 1000;

/**
 * The latest calendar date anywhere on Earth at `now`, `YYYY-MM-DD`: what the decider takes as today, and the day the
 * present's views read the dates the record sets ahead against. A development dated today where it happened is then
 * never refused as in the future, in Moscow just after midnight as in Tehran, and never hidden from the present.
 */
export function latestDateOnEarth(now: Date): string {
  return new Date(now.getTime() + EARLIEST_ZONE_OFFSET_MS).toISOString().slice(0, 10);
}

import type { Database } from 'better-sqlite3';
import { latestDateOnEarth } from '@timeline/treaty';

const clocks = new WeakMap<Database, () => Date>();

/**
 * Where the present's day comes from for the read model on `db` (its status views, listings by status): the service's
 * clock, which tests set; a connection given none reads the system's.
 */
export function setPresentClock(db: Database, clock: () => Date): void {
  clocks.set(db, clock);
}

/**
 * A snapshot's present: the moment `live`'s clock says it is now, held for as long as the snapshot lasts, so that a
 * download opened just before midnight (UTC+14) renders every row, and names itself, by one day.
 */
export function pinPresentOf(snapshot: Database, live: Database): void {
  const now = (clocks.get(live) ?? systemNow)();
  clocks.set(snapshot, () => now);
}

/**
 * The day the read model's present is: the latest date anywhere on Earth now, the day up to which the decider takes
 * reports, so that no report it took is ahead of the present (decision 0035).
 */
export function presentDay(db: Database): string {
  return latestDateOnEarth((clocks.get(db) ?? systemNow)());
}

const systemNow = () => new Date();

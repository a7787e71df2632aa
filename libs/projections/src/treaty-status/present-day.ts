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

/** The clock of one connection, for another on the same file (a snapshot). */
export function presentClockOf(db: Database): (() => Date) | undefined {
  return clocks.get(db);
}

/**
 * The day the read model's present is: the latest date anywhere on Earth now, the day up to which the decider takes
 * reports, so that no report it took is ahead of the present (decision 0035).
 */
export function presentDay(db: Database): string {
  return latestDateOnEarth((clocks.get(db) ?? systemNow)());
}

const systemNow = () => new Date();

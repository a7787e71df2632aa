import type { Database } from 'better-sqlite3';

/**
 * A day on which a date the record sets ahead comes and changes a treaty's status, with no event (decision 0035):
 * its status from that day, and the one it had the day before. Read from `treaty_status_ahead`, which depends on
 * no clock, so every replica finds the same turns for the same days.
 */
export interface StatusTurn {
  readonly treatyId: string;
  /** The day the date comes (the latest date on Earth, UTC+14, as the present counts days). */
  readonly day: string;
  readonly status: string;
  readonly previousStatus: string;
}

interface TurnRow {
  readonly treaty_id: string;
  readonly on_day: string;
  readonly status: string;
  readonly previous_status: string;
}

/**
 * The turns of the days after `afterDay` up to `throughDay` (both `YYYY-MM-DD`), by day then treaty id: the order
 * webhooks deliver and checkpoint them in.
 */
export function statusTurnsBetween(db: Database, afterDay: string, throughDay: string): StatusTurn[] {
  if (throughDay <= afterDay) return [];
  const rows = db
    .prepare(
      `SELECT a.treaty_id, a.on_day, a.status,
        COALESCE(
          (SELECT p.status FROM treaty_status_ahead p WHERE p.treaty_id = a.treaty_id AND p.on_day < a.on_day
            ORDER BY p.on_day DESC LIMIT 1),
          s.status) AS previous_status
      FROM treaty_status_ahead a JOIN treaty_status s ON s.treaty_id = a.treaty_id
      WHERE a.on_day > ? AND a.on_day <= ?
      ORDER BY a.on_day, a.treaty_id`,
    )
    .all(afterDay, throughDay) as TurnRow[];
  return rows.map((row) => ({
    treatyId: row.treaty_id,
    day: row.on_day,
    status: row.status,
    previousStatus: row.previous_status,
  }));
}

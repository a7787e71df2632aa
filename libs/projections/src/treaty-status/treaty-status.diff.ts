import type { Database } from 'better-sqlite3';

export interface ReadModelDifference {
  readonly treatyId: string;
  readonly part: 'status' | 'timeline' | 'presence';
  readonly live: unknown;
  readonly rebuilt: unknown;
}

/**
 * Every treaty whose status or timeline differs between two treaty-status read models, e.g. the live one and one
 * rebuilt from the whole log. None, in a healthy system.
 */
export function diffTreatyReadModels(live: Database, rebuilt: Database): ReadModelDifference[] {
  const rows = (db: Database) =>
    new Map(
      (
        db.prepare('SELECT treaty_id, status_view, timeline_view FROM treaty_status').all() as {
          treaty_id: string;
          status_view: string;
          timeline_view: string;
        }[]
      ).map((row) => [row.treaty_id, row]),
    );
  const left = rows(live);
  const right = rows(rebuilt);
  const differences: ReadModelDifference[] = [];
  for (const treatyId of [...new Set([...left.keys(), ...right.keys()])].sort()) {
    const a = left.get(treatyId);
    const b = right.get(treatyId);
    if (!a || !b) {
      differences.push({ treatyId, part: 'presence', live: a !== undefined, rebuilt: b !== undefined });
      continue;
    }
    if (a.status_view !== b.status_view) {
      differences.push({
        treatyId,
        part: 'status',
        live: JSON.parse(a.status_view),
        rebuilt: JSON.parse(b.status_view),
      });
    }
    if (a.timeline_view !== b.timeline_view) {
      differences.push({
        treatyId,
        part: 'timeline',
        live: JSON.parse(a.timeline_view),
        rebuilt: JSON.parse(b.timeline_view),
      });
    }
  }
  return differences;
}

import type { Database } from 'better-sqlite3';
import type { TreatyLinks } from '@timeline/treaty';
import type { JsonView } from './json-view';
import { incomingLinks } from './treaty-links.table';
import { treatyUpdate, type TreatyUpdate } from './treaty-update';

export interface TreatyListQuery {
  readonly party?: string;
  readonly status?: string;
  readonly category?: string;
  readonly limit: number;
  /** The last id of the previous page. */
  readonly after?: string;
}

export interface TreatyPage {
  readonly items: JsonView[];
  /** Pass as `after` for the next page; null on the last one. */
  readonly nextCursor: string | null;
}

/** Read-only queries on the treaty-status read model: each is one indexed lookup, whatever the history's size. */
export class TreatyStatusQueries {
  constructor(private readonly db: Database) {}

  status(treatyId: string): JsonView | undefined {
    const row = this.db.prepare('SELECT status_view FROM treaty_status WHERE treaty_id = ?').get(treatyId) as
      { status_view: string } | undefined;
    return row && (JSON.parse(row.status_view) as JsonView);
  }

  timeline(treatyId: string): JsonView | undefined {
    const row = this.db.prepare('SELECT timeline_view FROM treaty_status WHERE treaty_id = ?').get(treatyId) as
      { timeline_view: string } | undefined;
    return row && (JSON.parse(row.timeline_view) as JsonView);
  }

  /** What other treaties say about this one (relations, linked statements...), for views folded on demand. */
  links(treatyId: string): TreatyLinks {
    return incomingLinks(this.db, treatyId);
  }

  list(query: TreatyListQuery): TreatyPage {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (query.party !== undefined) {
      conditions.push('s.treaty_id IN (SELECT treaty_id FROM treaty_parties WHERE party = ?)');
      parameters.push(query.party);
    }
    if (query.status !== undefined) {
      conditions.push('s.status = ?');
      parameters.push(query.status);
    }
    if (query.category !== undefined) {
      conditions.push('s.category = ?');
      parameters.push(query.category);
    }
    if (query.after !== undefined) {
      conditions.push('s.treaty_id > ?');
      parameters.push(query.after);
    }
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const rows = this.db
      .prepare(`SELECT s.treaty_id, s.status_view FROM treaty_status s ${where} ORDER BY s.treaty_id LIMIT ?`)
      .all(...parameters, query.limit + 1) as { treaty_id: string; status_view: string }[];
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((row) => JSON.parse(row.status_view) as JsonView),
      nextCursor: rows.length > query.limit ? (page[page.length - 1]?.treaty_id ?? null) : null,
    };
  }

  /** The current status of every treaty changed after `position`, in the order of their last change. */
  changedAfter(position: bigint, limit: number): TreatyUpdate[] {
    const rows = this.db
      .prepare(
        'SELECT treaty_id, position, status_view FROM treaty_status WHERE position > ? ORDER BY position LIMIT ?',
      )
      .safeIntegers(true)
      .all(position, limit) as { treaty_id: string; position: bigint; status_view: string }[];
    return rows.map((row) => treatyUpdate(row.treaty_id, row.position, row.status_view));
  }
}

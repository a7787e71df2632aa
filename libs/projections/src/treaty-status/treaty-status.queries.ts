import type { Database } from 'better-sqlite3';
import type { TreatyLinks } from '@timeline/treaty';
import type { JsonView } from './json-view';
import { incomingLinks, linkersOf } from './treaty-links.table';
import { treatyUpdate, type TreatyUpdate } from './treaty-update';
import { treatyViews, type TreatyViews } from './treaty-views';

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

/**
 * Read-only queries on the treaty-status read model: each is an indexed lookup, and a view read again before its
 * treaty changes is served as rendered the first time; the first read after a change renders it from the fold.
 */
export class TreatyStatusQueries {
  private readonly views: TreatyViews;

  constructor(private readonly db: Database) {
    this.views = treatyViews(db);
  }

  status(treatyId: string): JsonView | undefined {
    const text = this.views.text(treatyId, 'status');
    return text === undefined ? undefined : (JSON.parse(text) as JsonView);
  }

  timeline(treatyId: string): JsonView | undefined {
    const text = this.views.text(treatyId, 'timeline');
    return text === undefined ? undefined : (JSON.parse(text) as JsonView);
  }

  /** What other treaties say about this one (relations, linked statements...), for views folded on demand. */
  links(treatyId: string): TreatyLinks {
    return incomingLinks(this.db, treatyId);
  }

  /**
   * Every treaty that has ever said something about this one, even what it has since retracted: the streams to fold
   * for what others said about it at a past moment.
   */
  linkers(treatyId: string): string[] {
    return linkersOf(this.db, treatyId);
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
      .prepare(`SELECT s.treaty_id FROM treaty_status s ${where} ORDER BY s.treaty_id LIMIT ?`)
      .pluck()
      .all(...parameters, query.limit + 1) as string[];
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((treatyId) => this.status(treatyId)!),
      nextCursor: rows.length > query.limit ? (page[page.length - 1] ?? null) : null,
    };
  }

  /** The current status of every treaty changed after `position`, in the order of their last change. */
  changedAfter(position: bigint, limit: number): TreatyUpdate[] {
    const rows = this.db
      .prepare('SELECT treaty_id, position FROM treaty_status WHERE position > ? ORDER BY position LIMIT ?')
      .safeIntegers(true)
      .all(position, limit) as { treaty_id: string; position: bigint }[];
    return rows.map((row) => treatyUpdate(row.treaty_id, row.position, () => this.views.text(row.treaty_id, 'status')));
  }
}

import type { Database } from 'better-sqlite3';
import type { NotOnRecordReason, TreatyLinks } from '@timeline/treaty';
import type { JsonView } from './json-view';
import { partiesAt } from './parties-at';
import { partyDepartures } from './party-departures';
import { lastTreatyDeletion, treatyDeletedAt, treatyDeletionsAfter } from './treaty-deletions.table';
import { pinPresentOf, presentDay } from './present-day';
import { statusTurnsBetween, type StatusTurn } from './status-turns';
import { timelinesAt } from './timelines-at';
import { treatiesNotOnRecordAmong } from './treaties-on-record';
import { treatiesOpenToJoiningWith, type TreatyTitle } from './treaties-open-to-joining.table';
import { lastRecordedAt } from './treaty-event-chunks';
import { incomingLinks, linkersOf } from './treaty-links.table';
import { updatesInLogOrder, type TreatyUpdate } from './treaty-update';
import type { TimelineText } from './timeline-text';
import { treatyViews, type TreatyViews } from './treaty-views';

export interface TreatyListQuery {
  readonly party?: string;
  readonly status?: string;
  readonly category?: string;
  readonly limit: number;
  /** The last id of the previous page. */
  readonly after?: string;
}

/** A treaty shown under a party (the `?` parameter): the party is on record as one of its parties now. */
const HELD_UNDER_PARTY = 'treaty_id IN (SELECT treaty_id FROM treaty_parties WHERE party = ? AND on_record = 1)';

interface ChangedRow {
  readonly treaty_id: string;
  readonly views_position: bigint;
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

  private readonly changedByOthersStatement;

  private readonly partiesOnceNamedStatement;

  private readonly partiesOnRecordStatement;

  private readonly treatiesLeftByStatement;

  /**
   * Each treaty's departures folded (`partyDepartures`), by the position of its last event: a fold per request of a
   * party's feed is spared while the treaty does not change. Only treaties some party left are folded, few of them.
   */
  private readonly departures = new Map<string, { readonly position: bigint; readonly left: Map<string, Date> }>();

  private readonly viewsChangedAfterStatement;

  /**
   * `sharesViewsWith`: the live read model's queries, for a snapshot of the same file (its views are reused); the
   * snapshot's present is the moment it was opened.
   */
  constructor(
    private readonly db: Database,
    sharesViewsWith?: TreatyStatusQueries,
  ) {
    this.views = treatyViews(db, sharesViewsWith?.views);
    if (sharesViewsWith) pinPresentOf(db, sharesViewsWith.db);
    this.changedByOthersStatement = db
      .prepare('SELECT views_position > position FROM treaty_status WHERE treaty_id = ?')
      .pluck();
    this.partiesOnceNamedStatement = db.prepare('SELECT party FROM treaty_parties WHERE treaty_id = ?').pluck();
    this.partiesOnRecordStatement = db
      .prepare('SELECT party FROM treaty_parties WHERE treaty_id = ? AND on_record = 1')
      .pluck();
    this.treatiesLeftByStatement = db
      .prepare(
        `SELECT treaty_parties.treaty_id, treaty_status.position FROM treaty_parties
           JOIN treaty_status ON treaty_status.treaty_id = treaty_parties.treaty_id
          WHERE treaty_parties.party = ? AND treaty_parties.on_record = 0`,
      )
      .raw()
      .safeIntegers(true);
    this.viewsChangedAfterStatement = db
      .prepare('SELECT treaty_id, views_position FROM treaty_status WHERE views_position > ?')
      .raw()
      .safeIntegers(true);
  }

  /** The day the present is for these queries (decision 0035). */
  today(): string {
    return presentDay(this.db);
  }

  /** The present's status (as of `today`, by default this connection's). */
  status(treatyId: string, today = this.today()): JsonView | undefined {
    const text = this.views.text(treatyId, 'status', today);
    return text === undefined ? undefined : (JSON.parse(text) as JsonView);
  }

  /**
   * The treaties whose status a date the record sets ahead changes on a day after `afterDay`, up to `throughDay`:
   * what the calendar alone changes, which no event announces (decision 0039).
   */
  statusTurns(afterDay: string, throughDay: string): StatusTurn[] {
    return statusTurnsBetween(this.db, afterDay, throughDay);
  }

  timeline(treatyId: string): JsonView | undefined {
    const text = this.views.text(treatyId, 'timeline');
    return text === undefined ? undefined : (JSON.parse(text) as JsonView);
  }

  /**
   * The timeline as rendered, unparsed, with where its items lie: the same object while the treaty's views stay as
   * they are (and it stays cached).
   */
  timelineText(treatyId: string): TimelineText | undefined {
    return this.views.timeline(treatyId);
  }

  /**
   * The treaty's timeline (its own `items`) as its events had left it at each of these log positions, for the
   * developments a feed archive shows as they were then (decision 0053); none for a position before it was registered.
   */
  timelinesAt(treatyId: string, positions: Iterable<bigint>): Map<bigint, JsonView> {
    return timelinesAt(this.db, treatyId, positions);
  }

  /**
   * Where the log records that the treaty's stream was deleted for good by the store's operator; undefined when it
   * was not (the read model then holds the treaty, or never held it).
   */
  deletedAt(treatyId: string): bigint | undefined {
    return treatyDeletedAt(this.db, treatyId);
  }

  /**
   * Whether the treaty's views last changed with another treaty's event (what it says of this one), not its own:
   * its revision then does not identify what its views show.
   */
  changedByOthers(treatyId: string): boolean {
    return this.changedByOthersStatement.get(treatyId) === 1;
  }

  /**
   * Every party a listing by party may ever have shown the treaty under: those it has now, and those whose joining
   * was retracted or corrected away since (decision 0055). What a resume or a sync by party tells a treaty that may
   * have left the party by.
   */
  partiesOnceNamed(treatyId: string): string[] {
    return this.partiesOnceNamedStatement.all(treatyId) as string[];
  }

  /**
   * The treaty's parties at a log position (undefined before its registration), folded from its events up to there:
   * whether a resume or a sync from that position held it under a party (decision 0059). Costs a fold of its history
   * to there: asked only of a treaty that does not show under the party now and once had it.
   */
  partiesAt(treatyId: string, position: bigint): readonly string[] | undefined {
    return partiesAt(this.db, treatyId, position);
  }

  /** What other treaties say about this one (relations, linked statements...), for views folded on demand. */
  links(treatyId: string): TreatyLinks {
    return incomingLinks(this.db, treatyId);
  }

  /**
   * Of these treaty ids (those a treaty names), the ones the record does not hold, and why: now, or as it stood at
   * `knownAt`. For views folded on demand (decision 0045).
   */
  notOnRecord(treatyIds: Iterable<string>, knownAt?: Date): Map<string, NotOnRecordReason> {
    return treatiesNotOnRecordAmong(this.db, treatyIds, knownAt);
  }

  /**
   * Every treaty that has ever said something about this one, even what it has since retracted: the streams to fold
   * for what others said about it at a past moment.
   */
  linkers(treatyId: string): string[] {
    return linkersOf(this.db, treatyId);
  }

  /**
   * The treaties a state that is not yet a party may join (all but those registered bilateral) whose titles have
   * any of `words`, the best matched first, at most `limit`, with no view rendered: what finds such a treaty by its
   * name.
   */
  openToJoiningWith(words: readonly string[], limit: number, mostTitlesPerWord?: number): TreatyTitle[] {
    return treatiesOpenToJoiningWith(this.db, words, limit, mostTitlesPerWord);
  }

  /**
   * When the last event of any of these treaties was recorded; undefined when the read model holds none of them.
   * Reads each one's latest stored events: for a few treaties, or for many that have few events each.
   */
  lastRecordedAt(treatyIds: Iterable<string>): Date | undefined {
    let latest: Date | undefined;
    for (const treatyId of treatyIds) {
      const at = lastRecordedAt(this.db, treatyId);
      if (at !== undefined && (latest === undefined || at > latest)) latest = at;
    }
    return latest;
  }

  /**
   * When the party last stopped being a party of a treaty it is no longer a party of (its joining retracted or
   * corrected away, decision 0055): the recording of the event that took the treaty out of what the party's feed is
   * cut from (decision 0096); undefined when no treaty left it. Folds each such treaty's events once per change.
   */
  lastLeftBy(party: string): Date | undefined {
    let latest: Date | undefined;
    for (const [treatyId, position] of this.treatiesLeftByStatement.all(party) as [string, bigint][]) {
      let folded = this.departures.get(treatyId);
      if (folded?.position !== position) {
        folded = { position, left: partyDepartures(this.db, treatyId) };
        this.departures.set(treatyId, folded);
      }
      const at = folded.left.get(party);
      if (at !== undefined && (latest === undefined || at > latest)) latest = at;
    }
    return latest;
  }

  /**
   * When the last treaty deleted for good was recorded deleted: of the treaties `party` was a party of then (those of
   * its feed, which left it), or of any treaty; undefined when none was (decision 0108).
   */
  lastDeletion(party?: string): Date | undefined {
    return lastTreatyDeletion(this.db, party);
  }

  /** The parties of the treaty now, as a listing by party filters them. */
  partiesOnRecord(treatyId: string): string[] {
    return this.partiesOnRecordStatement.all(treatyId) as string[];
  }

  /**
   * The ids of the treaties held (a party's, when given, as a listing by party filters them), in id order, with no
   * view rendered.
   */
  treatyIds(party?: string): string[] {
    return this.db
      .prepare(
        `SELECT treaty_id FROM treaty_status ${party === undefined ? '' : `WHERE ${HELD_UNDER_PARTY}`} ORDER BY treaty_id`,
      )
      .pluck()
      .all(...(party === undefined ? [] : [party])) as string[];
  }

  /**
   * Each treaty held (a party's, when given, as a listing by party filters them) in id order, with the position of
   * the last event that changed its views: what something rendered from those views, with the present's day, depends
   * on, known without rendering a view.
   */
  viewPositions(party?: string): [treatyId: string, viewsPosition: bigint][] {
    return this.db
      .prepare(
        `SELECT treaty_id, views_position FROM treaty_status ${party === undefined ? '' : `WHERE ${HELD_UNDER_PARTY}`} ORDER BY treaty_id`,
      )
      .raw()
      .safeIntegers(true)
      .all(...(party === undefined ? [] : [party])) as [string, bigint][];
  }

  /**
   * The treaties whose views changed after `position` (by their own events or by another's naming them) or that were
   * deleted for good after it, and the last position of those changes (`position` when there is none): what a reader
   * keeping something derived from the views asks, passing that last position next time, to redo only what changed.
   */
  viewsChangedAfter(position: bigint): { treatyIds: Set<string>; upTo: bigint } {
    const treatyIds = new Set<string>();
    let upTo = position;
    const changes = [
      ...(this.viewsChangedAfterStatement.all(position) as [string, bigint][]),
      ...treatyDeletionsAfter(this.db, position),
    ];
    for (const [treatyId, at] of changes) {
      treatyIds.add(treatyId);
      if (at > upTo) upTo = at;
    }
    return { treatyIds, upTo };
  }

  list(query: TreatyListQuery): TreatyPage {
    const today = this.today();
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (query.party !== undefined) {
      conditions.push(`s.${HELD_UNDER_PARTY}`);
      parameters.push(query.party);
    }
    if (query.status !== undefined) {
      // Today's: the status from the last of its days ahead that has come, else the one it had when last summarised.
      conditions.push(`COALESCE(
        (SELECT a.status FROM treaty_status_ahead a WHERE a.treaty_id = s.treaty_id AND a.on_day <= ?
          ORDER BY a.on_day DESC LIMIT 1),
        s.status) = ?`);
      parameters.push(today, query.status);
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
      // Filtered and rendered on one day, though midnight (UTC+14) may pass between the two.
      items: page.map((treatyId) => this.status(treatyId, today)!),
      nextCursor: rows.length > query.limit ? (page[page.length - 1] ?? null) : null,
    };
  }

  /**
   * The current status of every treaty whose views changed after `position` (its own event, or another's naming it),
   * in the order of those changes. A page ends between positions, never inside one (a treaty's event and those it
   * names share its position): it may hold more than `limit`, so that the next page, after the last position, misses
   * none of them.
   */
  changedAfter(position: bigint, limit: number): TreatyUpdate[] {
    const select = (where: string, tail = '') =>
      this.db
        .prepare(
          `SELECT treaty_id, views_position FROM treaty_status WHERE ${where} ORDER BY views_position, treaty_id ${tail}`,
        )
        .safeIntegers(true);
    const rows = select('views_position > ?', 'LIMIT ?').all(position, limit) as ChangedRow[];
    const last = rows.at(-1);
    const full = rows.length === limit && last !== undefined;
    if (full) {
      rows.push(
        ...(select('views_position = ? AND treaty_id > ?').all(last.views_position, last.treaty_id) as ChangedRow[]),
      );
    }
    // Deletions are few: those up to the page's last position (all, when the page is not full) join it.
    const deletions = treatyDeletionsAfter(this.db, position, full ? last.views_position : undefined);
    const changes = new Map(rows.map((row) => [row.treaty_id, row.views_position]));
    for (const [treatyId, deletedAt] of deletions) changes.set(treatyId, deletedAt);
    return updatesInLogOrder(changes, (treatyId) => this.views.text(treatyId, 'status'), new Set(deletions.keys()));
  }
}

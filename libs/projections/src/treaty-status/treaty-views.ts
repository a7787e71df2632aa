import type { Database } from 'better-sqlite3';
import { treatyIdsNamedIn, treatyStatusOf, treatyTimelineOf } from '@timeline/treaty';
import { toJsonText } from './json-view';
import { openTreatyFolds } from './open-treaty-folds';
import { presentDay } from './present-day';
import { timelineText, type TimelineText } from './timeline-text';
import { treatiesNotOnRecordAmong } from './treaties-on-record';
import { incomingLinks } from './treaty-links.table';

export type ViewKind = 'status' | 'timeline';

/** A view's text, the day it was rendered as of, and the day from which the calendar alone changes it (null: never). */
interface Rendered {
  readonly text: string;
  readonly on: string;
  readonly until: string | null;
}

/**
 * A treaty's rendered views, valid while the treaty's `views_position` is the one they were rendered at, and, the
 * status, until the day a date the record sets ahead comes.
 */
interface RenderedViews {
  viewsPosition: bigint;
  status?: Rendered;
  timeline?: Rendered & TimelineText;
  bytes: number;
}

/**
 * How much rendered view text stays cached per read model (UTF-16, so about twice the JSON's bytes in memory): the
 * views read most recently. A view not cached is rendered again from the treaty's fold.
 */
const CACHE_CHARACTERS = 16 * 1024 * 1024;

/** Before every `YYYY-MM-DD`: a view rendered so is right on any day. */
const ANY_DAY = '';

/**
 * The status and timeline views of the present, rendered when first read after a change and kept until the next:
 * the projection stores no view, only what they are rendered from. A view is valid while the treaty's
 * `views_position` (moved by its own events and by what other treaties say about it) is the one it was rendered
 * at, so it is never served stale, whichever connection changed the treaty. The status is the present's, as of
 * today (`presentDay`): one rendered before the day a date the record sets ahead comes is rendered again on that
 * day (its `nextChangeOn`). Least recently read first out.
 *
 * A connection that reads an older moment of the same file (a snapshot) shares the views of the live one: it takes
 * those rendered at the `views_position` it reads, and hands over those it renders, which the live one keeps only
 * while its treaty's `views_position` is still that one.
 */
export class TreatyViews {
  private readonly rendered = new Map<string, RenderedViews>();
  private characters = 0;
  private readonly viewsPositionOf;

  constructor(
    private readonly db: Database,
    private readonly shared?: TreatyViews,
  ) {
    this.viewsPositionOf = db
      .prepare('SELECT views_position FROM treaty_status WHERE treaty_id = ?')
      .pluck()
      .safeIntegers(true);
  }

  /** The view's JSON text, or undefined for a treaty the read model does not hold; the status, as of `today`. */
  text(treatyId: string, kind: ViewKind, today = presentDay(this.db)): string | undefined {
    return this.view(treatyId, kind, today)?.text;
  }

  /**
   * The timeline's text with where its items lie; the same object until the treaty's views change (or it leaves the
   * cache), so what is worked out from it once (an HTTP ETag) can be kept beside it.
   */
  timeline(treatyId: string): TimelineText | undefined {
    return this.view(treatyId, 'timeline', presentDay(this.db)) as (Rendered & TimelineText) | undefined;
  }

  private view(treatyId: string, kind: ViewKind, today: string): Rendered | undefined {
    const viewsPosition = this.viewsPositionOf.get(treatyId) as bigint | undefined;
    if (viewsPosition === undefined) return undefined;
    const cached = this.renderedAt(treatyId, kind, viewsPosition, today);
    if (cached !== undefined) return this.keep(treatyId, kind, viewsPosition, cached);
    let rendered = this.shared?.renderedAt(treatyId, kind, viewsPosition, today);
    if (rendered === undefined) {
      rendered = this.render(treatyId, kind, today);
      this.shared?.offer(treatyId, kind, viewsPosition, rendered);
    }
    return this.keep(treatyId, kind, viewsPosition, rendered);
  }

  /**
   * A view already rendered at that views position and right on `today` (rendered as of it or of an earlier day, with
   * no date come in between: a snapshot pinned to an earlier day renders its own), or undefined: never renders.
   */
  renderedAt(treatyId: string, kind: ViewKind, viewsPosition: bigint, today: string): Rendered | undefined {
    const entry = this.rendered.get(treatyId);
    const rendered = entry?.viewsPosition === viewsPosition ? entry[kind] : undefined;
    if (rendered === undefined || today < rendered.on) return undefined;
    return rendered.until === null || today < rendered.until ? rendered : undefined;
  }

  /** Keeps a view another connection rendered, if this one reads its treaty at the same views position. */
  offer(treatyId: string, kind: ViewKind, viewsPosition: bigint, rendered: Rendered): void {
    // A snapshot may outlive the live connection (a download open while the service switched to a promoted file).
    if (!this.db.open) return;
    if (this.viewsPositionOf.get(treatyId) === viewsPosition) this.keep(treatyId, kind, viewsPosition, rendered);
  }

  /**
   * Records the view as the treaty's most recently read (dropping those of an older views position, and the same
   * view rendered on an earlier day), and returns it.
   */
  private keep(treatyId: string, kind: ViewKind, viewsPosition: bigint, rendered: Rendered): Rendered {
    let entry = this.rendered.get(treatyId);
    if (entry !== undefined) {
      this.rendered.delete(treatyId);
      if (entry.viewsPosition !== viewsPosition) {
        this.characters -= entry.bytes;
        entry = undefined;
      }
    }
    entry ??= { viewsPosition, bytes: 0 };
    this.rendered.set(treatyId, entry);
    const kept = entry[kind];
    if (kept !== rendered) {
      const change = rendered.text.length - (kept?.text.length ?? 0);
      entry[kind] = rendered as Rendered & TimelineText;
      entry.bytes += change;
      this.characters += change;
      this.evict();
    }
    return rendered;
  }

  private render(treatyId: string, kind: ViewKind, today: string): Rendered {
    const history = openTreatyFolds(this.db).current(treatyId)?.history();
    if (!history) throw new Error(`The read model holds ${treatyId} but none of its events`);
    // Whether the treaties it names are on record is read with the rest: a registration or a deletion of one of
    // them moves this treaty's views_position (the projection's touchViews), so a view rendered before is not kept.
    const links = {
      ...incomingLinks(this.db, treatyId),
      notOnRecord: treatiesNotOnRecordAmong(this.db, treatyIdsNamedIn(history)),
    };
    if (kind === 'timeline') {
      // The timeline reads no date against the day: right on any.
      const timeline = timelineText(treatyTimelineOf(history, { asOf: null, knownAt: null }, links));
      return { ...timeline, on: ANY_DAY, until: null };
    }
    const status = treatyStatusOf(history, { asOf: null, knownAt: null, today }, links);
    return { text: toJsonText(status), on: today, until: status.nextChangeOn };
  }

  private evict(): void {
    for (const [treatyId, entry] of this.rendered) {
      if (this.characters <= CACHE_CHARACTERS || this.rendered.size === 1) return;
      this.rendered.delete(treatyId);
      this.characters -= entry.bytes;
    }
  }
}

const viewsCache = new WeakMap<Database, TreatyViews>();

/** The views rendered on one read-model connection; `shared`, those of the live connection a snapshot shares. */
export function treatyViews(db: Database, shared?: TreatyViews): TreatyViews {
  let views = viewsCache.get(db);
  if (!views) {
    views = new TreatyViews(db, shared);
    viewsCache.set(db, views);
  }
  return views;
}

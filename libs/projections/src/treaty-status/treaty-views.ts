import type { Database } from 'better-sqlite3';
import { treatyStatusOf, treatyTimelineOf } from '@timeline/treaty';
import { toJsonText } from './json-view';
import { openTreatyFolds } from './open-treaty-folds';
import { incomingLinks } from './treaty-links.table';

export type ViewKind = 'status' | 'timeline';

/** A treaty's rendered views, valid while the treaty's `views_position` is the one they were rendered at. */
interface RenderedViews {
  viewsPosition: bigint;
  status?: string;
  timeline?: string;
  bytes: number;
}

/**
 * How much rendered view text stays cached per read model (UTF-16, so about twice the JSON's bytes in memory): the
 * views read most recently. A view not cached is rendered again from the treaty's fold.
 */
const CACHE_CHARACTERS = 16 * 1024 * 1024;

const NOW = { asOf: null, knownAt: null } as const;

/**
 * The status and timeline views of the present, rendered when first read after a change and kept until the next:
 * the projection stores no view, only what they are rendered from. A view is valid while the treaty's
 * `views_position` (moved by its own events and by what other treaties say about it) is the one it was rendered
 * at, so it is never served stale, whichever connection changed the treaty. Least recently read first out.
 */
export class TreatyViews {
  private readonly rendered = new Map<string, RenderedViews>();
  private characters = 0;
  private readonly viewsPositionOf;

  constructor(private readonly db: Database) {
    this.viewsPositionOf = db
      .prepare('SELECT views_position FROM treaty_status WHERE treaty_id = ?')
      .pluck()
      .safeIntegers(true);
  }

  /** The view's JSON text, or undefined for a treaty the read model does not hold. */
  text(treatyId: string, kind: ViewKind): string | undefined {
    const viewsPosition = this.viewsPositionOf.get(treatyId) as bigint | undefined;
    if (viewsPosition === undefined) return undefined;
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
    let text = entry[kind];
    if (text === undefined) {
      text = this.render(treatyId, kind);
      entry[kind] = text;
      entry.bytes += text.length;
      this.characters += text.length;
      this.evict();
    }
    return text;
  }

  private render(treatyId: string, kind: ViewKind): string {
    const history = openTreatyFolds(this.db).current(treatyId)?.history();
    if (!history) throw new Error(`The read model holds ${treatyId} but none of its events`);
    const links = incomingLinks(this.db, treatyId);
    return toJsonText(kind === 'status' ? treatyStatusOf(history, NOW, links) : treatyTimelineOf(history, NOW, links));
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

/** The views rendered on one read-model connection. */
export function treatyViews(db: Database): TreatyViews {
  let views = viewsCache.get(db);
  if (!views) {
    views = new TreatyViews(db);
    viewsCache.set(db, views);
  }
  return views;
}

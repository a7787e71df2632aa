import type { JsonView } from './json-view';

/**
 * What changed for one treaty: its status as of `position`, for the live feed. The position is that of the last
 * event that changed anything its views show: one of its own, or one of another treaty that names it (a relation, a
 * statement), which that treaty's update shares. Updates come in the order of their positions; `lastAtPosition`
 * is true for the last of those at one position, so that a client holding it holds them all (the point to resume
 * after).
 */
export interface TreatyUpdate {
  readonly treatyId: string;
  readonly position: bigint;
  readonly lastAtPosition: boolean;
  /**
   * The treaty's stream was deleted for good at `position` (by the store's operator): it has no status any more,
   * and `status` is `{ id, deleted: true }`.
   */
  readonly deleted: boolean;
  readonly status: JsonView;
  /**
   * The status (today's) the treaty showed just before this update, when its own events changed it here: what a
   * filter by status needs to tell a treaty that leaves it. Undefined when it had none (registered here), when its
   * views changed by another treaty's event only (its status did not), and on updates read back from the read model
   * (a catch-up's, a rebuild's), which keeps no history of statuses.
   */
  readonly previousStatus?: string;
  /**
   * The treaty's parties just before this update, under the same conditions as `previousStatus`: what a filter by
   * party needs to tell a treaty that leaves it, its joining party's report retracted (decision 0055).
   */
  readonly previousParties?: readonly string[];
}

/** What a treaty showed just before its own events changed it: what filters tell a treaty that leaves them by. */
export interface TreatyBefore {
  readonly status: string;
  readonly parties: readonly string[];
}

/**
 * An update whose status is rendered when first read, from the read model's views: a rebuild, or a commit nobody
 * subscribes to, never renders it, and the subscribers of one update share one rendering. Read it when it is
 * published (the live feed does): read later, it is the treaty's status then.
 */
export function treatyUpdate(
  treatyId: string,
  position: bigint,
  lastAtPosition: boolean,
  statusText: () => string | undefined,
  deleted = false,
  before?: TreatyBefore,
): TreatyUpdate {
  let status: JsonView | undefined;
  return {
    treatyId,
    position,
    lastAtPosition,
    deleted,
    previousStatus: before?.status,
    previousParties: before?.parties,
    get status() {
      if (deleted) return { id: treatyId, deleted: true };
      return (status ??= JSON.parse(statusText() ?? 'null') as JsonView);
    },
  };
}

/** Each change as an update, in the order of their positions, a treaty's before another's at the same position. */
export function updatesInLogOrder(
  changes: ReadonlyMap<string, bigint>,
  statusText: (treatyId: string) => string | undefined,
  deleted: ReadonlySet<string> = NONE,
  before: ReadonlyMap<string, TreatyBefore> = NOTHING_BEFORE,
): TreatyUpdate[] {
  const ordered = [...changes].sort(([aId, a], [bId, b]) => (a !== b ? (a < b ? -1 : 1) : aId < bId ? -1 : 1));
  return ordered.map(([treatyId, position], index) =>
    treatyUpdate(
      treatyId,
      position,
      ordered[index + 1]?.[1] !== position,
      () => statusText(treatyId),
      deleted.has(treatyId),
      before.get(treatyId),
    ),
  );
}

const NONE: ReadonlySet<string> = new Set();
const NOTHING_BEFORE: ReadonlyMap<string, TreatyBefore> = new Map();

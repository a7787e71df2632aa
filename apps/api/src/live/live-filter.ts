import type { TreatyUpdate } from '@timeline/projections';

/** What a subscriber asked for (`?treaty=&party=&status=`, or the treaty of `/treaties/{id}/live`). */
export interface LiveFilter {
  readonly treaty?: string;
  readonly party?: string;
  readonly status?: string;
}

/** Subscribers whose filters have the same key receive the same updates: they are matched once, as a group. */
export function filterKey(filter: LiveFilter): string {
  return JSON.stringify([filter.treaty ?? null, filter.party ?? null, filter.status ?? null]);
}

export function matches(update: Pick<TreatyUpdate, 'treatyId' | 'deleted' | 'status'>, filter: LiveFilter): boolean {
  if (filter.treaty !== undefined && update.treatyId !== filter.treaty) return false;
  // A deleted treaty's status and parties are gone: every stream that may have held it hears of its deletion.
  if (update.deleted || (filter.status === undefined && filter.party === undefined)) return true;
  const status = update.status as { status?: unknown; parties?: unknown };
  return (
    (filter.status === undefined || status.status === filter.status) &&
    (filter.party === undefined || (Array.isArray(status.parties) && status.parties.includes(filter.party)))
  );
}

/**
 * Whether this update takes the treaty out of a filter by status: it showed the filter's status just before, and
 * shows another now. The stream hears of it (as `left-filter`), so that a client holding the treaty drops it; the
 * other parts of the filter (treaty, party) still apply to it as they do to any update.
 */
export function leaves(
  update: Pick<TreatyUpdate, 'treatyId' | 'deleted' | 'status' | 'previousStatus'>,
  filter: LiveFilter,
): boolean {
  if (filter.status === undefined || update.deleted || update.previousStatus !== filter.status) return false;
  const { status } = update.status as { status?: unknown };
  return status !== filter.status && matches(update, { ...filter, status: undefined });
}

/**
 * On a resume: whether the treaty may have left the filter by status since the client's position. The read model
 * keeps no history of statuses, so it cannot tell which treaties matched then: every treaty changed since that does
 * not match now, and would match but for its status (a superset; a client drops only those it holds).
 */
export function mayHaveLeft(
  update: Pick<TreatyUpdate, 'treatyId' | 'deleted' | 'status'>,
  filter: LiveFilter,
): boolean {
  if (filter.status === undefined || update.deleted) return false;
  const { status } = update.status as { status?: unknown };
  return status !== filter.status && matches(update, { ...filter, status: undefined });
}

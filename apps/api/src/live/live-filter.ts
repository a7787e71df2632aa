import type { TreatyUpdate } from '@timeline/projections';
import {
  leavesFilter,
  mayHaveLeftFilter,
  showsUnder,
  type StatusAndParties,
} from '../treaties/application/status-and-party-filter';

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
  return update.deleted || showsUnder(update.status, filter);
}

/**
 * Whether this update takes the treaty out of the stream's filter: it showed the filter's status and party just
 * before, and does not now (decisions 0050, 0055). The stream hears of it (as `left-filter`), so that a client
 * holding the treaty drops it. A day's turn changes no parties: it carries the status before only.
 */
export function leaves(
  update: Pick<TreatyUpdate, 'treatyId' | 'deleted' | 'status' | 'previousStatus' | 'previousParties'>,
  filter: LiveFilter,
): boolean {
  if (update.deleted || update.previousStatus === undefined) return false;
  if (filter.treaty !== undefined && update.treatyId !== filter.treaty) return false;
  const now = update.status as StatusAndParties;
  return leavesFilter({ status: update.previousStatus, parties: update.previousParties ?? now.parties }, now, filter);
}

/**
 * On a resume: whether the treaty may have left the filter since the client's position: a superset for a status (no
 * history of statuses is kept), exact for a party (its parties at the client's position, `partiesThen`), as
 * `mayHaveLeftFilter` says.
 */
export function mayHaveLeft(
  update: Pick<TreatyUpdate, 'treatyId' | 'deleted' | 'status'>,
  filter: LiveFilter,
  partiesOnceNamed: (treatyId: string) => readonly string[],
  partiesThen: (treatyId: string) => readonly string[] | undefined,
): boolean {
  if (update.deleted) return false;
  if (filter.treaty !== undefined && update.treatyId !== filter.treaty) return false;
  return mayHaveLeftFilter(
    update.status,
    filter,
    () => partiesOnceNamed(update.treatyId),
    () => partiesThen(update.treatyId),
  );
}

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

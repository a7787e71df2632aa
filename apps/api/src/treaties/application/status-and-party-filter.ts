/**
 * The part of a consumer's filter that a treaty can leave: its status and its party. A live stream, a sync and a
 * webhook each add filters of their own (the treaty, a category, a development type), which a treaty never leaves;
 * these two it leaves when a development moves its status on (decision 0050), or when the report of its joining
 * party is retracted or corrected away (decision 0055). One rule for all three, so that they cannot drift apart.
 */
export interface StatusAndPartyFilter {
  readonly status?: string;
  readonly party?: string;
}

/** What the rule reads of a treaty: its status view's `status` and `parties`, or the same as they were before. */
export interface StatusAndParties {
  readonly status?: unknown;
  readonly parties?: unknown;
}

/** Whether the treaty shows under the filter's status and party. */
export function showsUnder(treaty: StatusAndParties, filter: StatusAndPartyFilter): boolean {
  return (
    (filter.status === undefined || treaty.status === filter.status) &&
    (filter.party === undefined || (Array.isArray(treaty.parties) && treaty.parties.includes(filter.party)))
  );
}

/**
 * Whether an update takes the treaty out of the filter: it showed under it just before, and does not now. Exact: for
 * an update that carries what the treaty showed before (a live update, a webhook's event, a day's turn).
 */
export function leavesFilter(before: StatusAndParties, now: StatusAndParties, filter: StatusAndPartyFilter): boolean {
  return (
    (filter.status !== undefined || filter.party !== undefined) &&
    showsUnder(before, filter) &&
    !showsUnder(now, filter)
  );
}

/**
 * Whether a treaty that does not show under the filter now may have shown under it at the client's position: what a
 * resume and a sync send as left, knowing the treaty now and its events. For a status, a superset: any status may
 * have been the filter's (the read model keeps no history of statuses). For a party, exact (decision 0059): the
 * party was one of the treaty's at that position (`partiesThen`, its events folded up to there; undefined before
 * its registration). `partiesOnceNamed` (decision 0055) is asked first, as it is cheap: a party the treaty never had
 * needs no fold. A client drops the treaties it holds and ignores the others.
 */
export function mayHaveLeftFilter(
  now: StatusAndParties,
  filter: StatusAndPartyFilter,
  partiesOnceNamed: () => readonly string[],
  partiesThen: () => readonly string[] | undefined,
): boolean {
  if (filter.status === undefined && filter.party === undefined) return false;
  if (showsUnder(now, filter)) return false;
  if (filter.party === undefined) return true;
  return partiesOnceNamed().includes(filter.party) && (partiesThen()?.includes(filter.party) ?? false);
}

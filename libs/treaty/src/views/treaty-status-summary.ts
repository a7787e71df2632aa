import type { Development } from '../development';
import { developmentTypeOfEvent, isDevelopmentEvent } from '../development-type';
import { DatesComeBy } from './dates-come-by';
import { partiesOnceNamed } from './parties-once-named';
import { neverMovesStatus } from './status-parts';
import type { TreatyEventEnvelope } from './treaty-event-envelope';
import type { TreatyHistory } from './treaty-history';
import { treatyStandingOf } from './treaty-standing';
import type { PartyRatificationStatus, TreatyStatus } from './treaty-status.types';

/**
 * What listings filter on, as the status view of the present says it (no `asOf`, no `knownAt`) on any day: the
 * treaty's status before any date the record sets ahead has come, and from each day that one comes and changes it
 * (`ahead`; `statusOn` reads them), its category and its parties. It depends on no clock, so a listing by status is
 * right on any day with nothing written in between, and a rebuild stores the same on any day. Kept from one event
 * to the next: an event that cannot change it (most of a long history: statements, reservations, a further
 * chamber's approval for a party already under way) leaves it as it is in constant time; any other event computes
 * it again from the whole history with the status view's own first part (`treatyStandingOf`: not the steps, sources
 * and disagreements the view goes on to add), so the two cannot drift apart. Corrections and retractions always
 * compute it again: they can change what came before.
 */
export type TreatyStatusSummary = {
  readonly status: TreatyStatus;
  readonly category: TreatyHistory['category'];
  readonly parties: readonly string[];
  /** The parties a listing by party may ever have shown it under: `parties`, and those it no longer has. */
  readonly partiesOnceNamed: readonly string[];
  /** The status from each day that a date the record sets ahead comes and changes it, in order of days. */
  readonly ahead: readonly StatusAhead[];
  /** Each party's ratification status: whether a further approval can still move it. */
  readonly ratification: ReadonlyMap<string, PartyRatificationStatus>;
  /** The stream revision of the last event it accounts for. */
  readonly revision: bigint;
};

export type StatusAhead = { readonly on: string; readonly status: TreatyStatus };

/** A day before any date a record holds: the present before any date it sets ahead has come. */
const BEFORE_ANY_DATE = '0001-01-01';

/**
 * The summary computed from the whole history, by the part of the status view that decides where it stands: before
 * any date the record sets ahead has come, then again on each day one comes (a record sets few: one per clause, one
 * per notice).
 */
export function treatyStatusSummaryOf(history: TreatyHistory): TreatyStatusSummary {
  const dates = DatesComeBy.by(BEFORE_ANY_DATE);
  const standing = treatyStandingOf(history, null, dates);
  const ratification = new Map<string, PartyRatificationStatus>();
  for (const [party, { status }] of standing.partyStandings) ratification.set(party, status);
  return {
    status: standing.status,
    ahead: statusesAhead(history, standing.status, dates.nextChangeOn),
    category: history.category,
    parties: standing.parties,
    partiesOnceNamed: partiesOnceNamed(history),
    ratification,
    revision: history.revision,
  };
}

/** The status of the present on `day`: the last of its days ahead that has come, else the one before them. */
export function statusOn(summary: TreatyStatusSummary, day: string): TreatyStatus {
  return summary.ahead.findLast(({ on }) => on <= day)?.status ?? summary.status;
}

function statusesAhead(history: TreatyHistory, before: TreatyStatus, firstChange: string | null): StatusAhead[] {
  const ahead: StatusAhead[] = [];
  let status = before;
  // Each turn reads the dates against a later day (a date's last day), so it ends once none lies ahead.
  for (let on = firstChange; on !== null;) {
    const dates = DatesComeBy.by(on);
    const then = treatyStandingOf(history, null, dates).status;
    if (then !== status) ahead.push({ on, status: then });
    status = then;
    on = dates.nextChangeOn;
  }
  return ahead;
}

/**
 * The summary after `added` (the events just folded into `history`, in order), from the summary before them:
 * kept when none of them can change it, else computed again. `previous` must account for exactly the events
 * before `added`; any other (or none) is ignored.
 */
export function treatyStatusSummaryAfter(
  previous: TreatyStatusSummary | null,
  history: TreatyHistory,
  added: readonly TreatyEventEnvelope[],
): TreatyStatusSummary {
  const first = added[0]?.revision;
  const follows = previous !== null && first !== undefined && previous.revision === first - 1n;
  if (follows && added.every((envelope) => leavesSummaryAsItIs(previous, envelope, history))) {
    return { ...previous, revision: history.revision };
  }
  return treatyStatusSummaryOf(history);
}

function leavesSummaryAsItIs(summary: TreatyStatusSummary, envelope: TreatyEventEnvelope, history: TreatyHistory) {
  const { event } = envelope;
  if (isDevelopmentEvent(event)) {
    return event.type === 'LegislativeApprovalGiven'
      ? approvalLeavesSummary(summary, event.data.party)
      : neverMovesStatus(developmentTypeOfEvent(event.type));
  }
  switch (event.type) {
    case 'DevelopmentCorroborated': {
      // A corroboration may narrow the development's date: harmless where the date plays no part in the status.
      const target = history.developments.find((report) => report.developmentId === event.data.developmentId);
      return target === undefined || target.retraction !== null || dateLeavesStatus(target.current);
    }
    case 'TreatyRegistered':
    case 'DevelopmentCorrected':
    case 'DevelopmentRetracted':
      return false;
    default: {
      const unexpected: never = event;
      throw new Error(`Unexpected treaty event ${JSON.stringify(unexpected)}`);
    }
  }
}

/**
 * An approval only ever moves a party from pending to in progress; one for a party already past pending, or for
 * one that is not a party (until a signature or consent makes it one, which computes the summary again), does not.
 */
function approvalLeavesSummary(summary: TreatyStatusSummary, party: string | undefined): boolean {
  if (party === undefined) return true;
  const status = summary.ratification.get(party);
  return status === undefined || status !== 'pending';
}

/** Developments whose date the status does not read (with no `asOf`, only their presence counts, if that). */
function dateLeavesStatus(development: Development): boolean {
  return development.type === 'legislative-approval' || neverMovesStatus(development.type);
}

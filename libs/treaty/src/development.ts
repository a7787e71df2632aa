import type { DevelopmentChanges, DevelopmentEvent, DevelopmentEventData, Votes } from './treaty.events';
import { withoutUndefined } from './plain-data';

/** A development as the record currently states it: its type and the fields that type carries. */
export type Development =
  | {
      readonly type: 'signed';
      readonly occurredOn: string;
      readonly place?: string;
      readonly signatories?: readonly string[];
    }
  | {
      readonly type: 'legislative-approval';
      readonly occurredOn: string;
      readonly party: string;
      readonly body: string;
      readonly votes?: Votes;
    }
  | { readonly type: 'ratification-completed' | 'withdrawn'; readonly occurredOn: string; readonly party: string }
  | {
      readonly type: 'instruments-exchanged' | 'entered-into-force' | 'suspended' | 'resumed' | 'terminated';
      readonly occurredOn: string;
    };

export function partyOf(development: Development): string | undefined {
  return 'party' in development ? development.party : undefined;
}

export function bodyOf(development: Development): string | undefined {
  return 'body' in development ? development.body : undefined;
}

/**
 * What makes two reports "the same development": a party's approval is one per chamber, a ratification or a
 * withdrawal one per party, and everything else happens once per treaty. Chamber names are compared ignoring case
 * and spaces, because editors type them by hand.
 */
export function identityKey(development: Development): string {
  switch (development.type) {
    case 'legislative-approval':
      return `${development.type}|${development.party}|${normalizeBody(development.body)}`;
    case 'ratification-completed':
    case 'withdrawn':
      return `${development.type}|${development.party}`;
    case 'signed':
    case 'instruments-exchanged':
    case 'entered-into-force':
    case 'suspended':
    case 'resumed':
    case 'terminated':
      return development.type;
    default: {
      const unexpected: never = development;
      throw new Error(`Unexpected development ${JSON.stringify(unexpected)}`);
    }
  }
}

export function normalizeBody(body: string): string {
  return body.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

/** The development a development event reports. */
export function developmentOfEvent(event: DevelopmentEvent): Development {
  const { occurredOn } = event.data;
  switch (event.type) {
    case 'TreatySigned':
      return withoutUndefined({
        type: 'signed',
        occurredOn,
        place: event.data.place,
        signatories: event.data.signatories,
      });
    case 'LegislativeApprovalGiven':
      return withoutUndefined({
        type: 'legislative-approval',
        occurredOn,
        party: event.data.party,
        body: event.data.body,
        votes: event.data.votes,
      });
    case 'RatificationCompleted':
      return { type: 'ratification-completed', occurredOn, party: event.data.party };
    case 'PartyWithdrew':
      return { type: 'withdrawn', occurredOn, party: event.data.party };
    case 'InstrumentsExchanged':
      return { type: 'instruments-exchanged', occurredOn };
    case 'TreatyEnteredIntoForce':
      return { type: 'entered-into-force', occurredOn };
    case 'TreatySuspended':
      return { type: 'suspended', occurredOn };
    case 'TreatyResumed':
      return { type: 'resumed', occurredOn };
    case 'TreatyTerminated':
      return { type: 'terminated', occurredOn };
    default: {
      const unexpected: never = event;
      throw new Error(`Unexpected development event ${JSON.stringify(unexpected)}`);
    }
  }
}

/** The event that records a newly reported development. */
export function developmentEvent(
  development: Development,
  data: Omit<DevelopmentEventData, 'occurredOn'>,
): DevelopmentEvent {
  const base = withoutUndefined({ ...data, occurredOn: development.occurredOn });
  switch (development.type) {
    case 'signed':
      return {
        type: 'TreatySigned',
        data: withoutUndefined({ ...base, place: development.place, signatories: development.signatories }),
      };
    case 'legislative-approval':
      return {
        type: 'LegislativeApprovalGiven',
        data: withoutUndefined({ ...base, party: development.party, body: development.body, votes: development.votes }),
      };
    case 'ratification-completed':
      return { type: 'RatificationCompleted', data: { ...base, party: development.party } };
    case 'withdrawn':
      return { type: 'PartyWithdrew', data: { ...base, party: development.party } };
    case 'instruments-exchanged':
      return { type: 'InstrumentsExchanged', data: base };
    case 'entered-into-force':
      return { type: 'TreatyEnteredIntoForce', data: base };
    case 'suspended':
      return { type: 'TreatySuspended', data: base };
    case 'resumed':
      return { type: 'TreatyResumed', data: base };
    case 'terminated':
      return { type: 'TreatyTerminated', data: base };
    default: {
      const unexpected: never = development;
      throw new Error(`Unexpected development ${JSON.stringify(unexpected)}`);
    }
  }
}

/**
 * Applies a correction. Fields the type does not have are ignored here: decide refuses them before they are
 * recorded, and evolve must not fail on what is already history.
 */
export function applyChanges(development: Development, changes: DevelopmentChanges): Development {
  const occurredOn = changes.occurredOn ?? development.occurredOn;
  switch (development.type) {
    case 'signed':
      return withoutUndefined({
        type: development.type,
        occurredOn,
        place: changed(changes.place, development.place),
        signatories: changed(changes.signatories, development.signatories),
      });
    case 'legislative-approval':
      return withoutUndefined({
        type: development.type,
        occurredOn,
        party: changes.party ?? development.party,
        body: changes.body ?? development.body,
        votes: changed(changes.votes, development.votes),
      });
    case 'ratification-completed':
    case 'withdrawn':
      return { type: development.type, occurredOn, party: changes.party ?? development.party };
    case 'instruments-exchanged':
    case 'entered-into-force':
    case 'suspended':
    case 'resumed':
    case 'terminated':
      return { type: development.type, occurredOn };
    default: {
      const unexpected: never = development;
      throw new Error(`Unexpected development ${JSON.stringify(unexpected)}`);
    }
  }
}

function changed<T>(change: T | null | undefined, current: T | undefined): T | undefined {
  if (change === undefined) return current;
  return change === null ? undefined : change;
}

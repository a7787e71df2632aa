import { developmentTypeOfEvent, eventTypeOfDevelopment } from './development-type';
import {
  isDecisiveStage,
  type ConsentType,
  type LegislativeStage,
  type NegotiationStage,
} from './law/treaty-law.vocabulary';
import type { DevelopmentChanges, DevelopmentEvent, DevelopmentEventData, Votes } from './treaty.events';
import { refinedDate } from './partial-date';
import { withoutUndefined } from './plain-data';

type Links = { readonly treaties?: readonly string[]; readonly parties?: readonly string[] };

/** A development as the record currently states it: its type and the fields that type carries. */
export type Development =
  | {
      readonly type: 'signed';
      readonly occurredOn: string;
      /** Absent: the treaty's signature; present: that party's own. */
      readonly party?: string;
      readonly place?: string;
      readonly signatories?: readonly string[];
    }
  | {
      readonly type: 'legislative-approval';
      readonly occurredOn: string;
      readonly party: string;
      readonly body: string;
      readonly votes?: Votes;
      /** The stage of the chamber's procedure; absent: its decisive vote. */
      readonly stage?: LegislativeStage;
    }
  | {
      readonly type:
        | 'ratification-completed'
        | 'withdrawn'
        | 'withdrawal-revoked'
        | 'provisional-application-started'
        | 'provisional-application-ended';
      readonly occurredOn: string;
      readonly party: string;
    }
  | {
      readonly type: 'entered-into-force' | 'suspended' | 'resumed';
      readonly occurredOn: string;
      /** Absent: the whole treaty. */
      readonly party?: string;
    }
  | { readonly type: 'instruments-exchanged' | 'terminated'; readonly occurredOn: string }
  | {
      readonly type: 'consent-to-be-bound';
      readonly occurredOn: string;
      readonly party: string;
      readonly consentType: ConsentType;
      /** A notification of succession only: the date of the succession of States, when the report gives it. */
      readonly successionOn?: string;
    }
  | {
      readonly type: 'reservation';
      readonly occurredOn: string;
      readonly party: string;
      readonly text?: string;
      /**
       * The reservation, formulated at signature, that this one confirms on the party's consent to be bound (VCLT
       * art. 23(2)): its developmentId.
       */
      readonly confirmsReservationId?: string;
    }
  | {
      readonly type: 'declaration';
      readonly occurredOn: string;
      readonly party: string;
      readonly text?: string;
    }
  | {
      readonly type: 'objection';
      readonly occurredOn: string;
      readonly party: string;
      readonly againstParty: string;
      readonly reservationId?: string;
      readonly text?: string;
    }
  | {
      readonly type: 'objection-withdrawn';
      readonly occurredOn: string;
      readonly party: string;
      readonly againstParty: string;
    }
  | {
      readonly type: 'reservation-withdrawn';
      readonly occurredOn: string;
      readonly party: string;
      readonly reservationId?: string;
    }
  | {
      readonly type: 'withdrawal-notified';
      readonly occurredOn: string;
      readonly party: string;
      readonly effectiveOn?: string;
    }
  | (Links & {
      readonly type: 'statement';
      readonly occurredOn: string;
      readonly speaker: string;
      readonly quote: string;
    })
  | {
      readonly type: 'negotiations';
      readonly occurredOn: string;
      readonly stage: NegotiationStage;
      readonly participants: readonly string[];
      readonly treaties?: readonly string[];
    }
  | (Links & { readonly type: 'context'; readonly occurredOn: string; readonly summary: string });

export function partyOf(development: Development): string | undefined {
  return 'party' in development ? development.party : undefined;
}

export function bodyOf(development: Development): string | undefined {
  return 'body' in development ? development.body : undefined;
}

/**
 * What makes two reports "the same development": a party's approval is one per chamber and stage of its procedure
 * (the decisive vote, with or without a stage given, being one); a consent one per party and
 * consent type; a ratification, a withdrawal one per party; a party's signature, entry into force or suspension one per party, the treaty's own
 * one per treaty; a reservation or declaration one per party and wording; an objection one per objecting party and
 * reservation; a statement one per speaker and quote; a round of talks one per stage and participants. Names and
 * wording are compared ignoring case and spaces, because editors type them by hand.
 */
export function identityKey(development: Development): string {
  let key = identityKeys.get(development);
  if (key === undefined) {
    key = identityKeyOf(development);
    identityKeys.set(development, key);
  }
  return key;
}

// A report is matched against every development on record, each of whose keys normalises text (a regular
// expression per name): remembered per development, which is never changed in place (a correction makes a new
// one), so that a treaty with a long history is not normalised again on every write.
const identityKeys = new WeakMap<Development, string>();

function identityKeyOf(development: Development): string {
  switch (development.type) {
    case 'legislative-approval': {
      // Reports without a stage keep the key they always had: they mean the decisive vote.
      const key = `${development.type}|${development.party}|${normalizeBody(development.body)}`;
      return isDecisiveStage(development.stage) ? key : `${key}|${development.stage}`;
    }
    case 'consent-to-be-bound':
      return `${development.type}|${development.party}|${development.consentType}`;
    case 'ratification-completed':
    case 'withdrawn':
    case 'withdrawal-notified':
    case 'withdrawal-revoked':
    case 'provisional-application-started':
    case 'provisional-application-ended':
    case 'signed':
    case 'entered-into-force':
    case 'suspended':
    case 'resumed':
      return `${development.type}|${development.party ?? ''}`;
    case 'reservation':
      if (development.confirmsReservationId !== undefined) {
        return `${development.type}|${development.party}|confirms|${development.confirmsReservationId}`;
      }
      return `${development.type}|${development.party}|${normalizeBody(development.text ?? '')}`;
    case 'declaration':
      return `${development.type}|${development.party}|${normalizeBody(development.text ?? '')}`;
    case 'objection':
      return `${development.type}|${development.party}|${development.againstParty}|${development.reservationId ?? ''}`;
    case 'reservation-withdrawn':
      return `${development.type}|${development.party}|${development.reservationId ?? ''}`;
    case 'objection-withdrawn':
      return `${development.type}|${development.party}|${development.againstParty}`;
    case 'statement':
      return `${development.type}|${normalizeBody(development.speaker)}|${normalizeBody(development.quote)}`;
    case 'negotiations':
      return `${development.type}|${development.stage}|${[...development.participants].sort().join(',')}`;
    case 'context':
      return `${development.type}|${normalizeBody(development.summary)}`;
    case 'instruments-exchanged':
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

/**
 * The development a development event reports: its data without what every event carries. Each event type's data
 * is its development's fields, so the mapping is the same for all of them.
 */
export function developmentOfEvent(event: DevelopmentEvent): Development {
  // One copy in one pass, not a rest, a spread and a copy without undefined: folds run this for every event.
  const development: Record<string, unknown> = { type: developmentTypeOfEvent(event.type) };
  const data: Readonly<Record<string, unknown>> = event.data;
  for (const key of Object.keys(data)) {
    const value = data[key];
    if (value !== undefined && !CARRIED_BY_EVERY_EVENT.has(key)) development[key] = value;
  }
  return development as Development;
}

const CARRIED_BY_EVERY_EVENT: ReadonlySet<string> = new Set(['treatyId', 'developmentId', 'source', 'disagreesWith']);

/** The event that records a newly reported development. */
export function developmentEvent(
  development: Development,
  data: Omit<DevelopmentEventData, 'occurredOn'>,
): DevelopmentEvent {
  const { type, ...fields } = development;
  return {
    type: eventTypeOfDevelopment(type),
    data: withoutUndefined({ ...data, ...fields }),
  } as DevelopmentEvent;
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
        ...development,
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
        stage: changed(changes.stage, development.stage),
      });
    case 'consent-to-be-bound':
      return withoutUndefined({
        ...development,
        occurredOn,
        party: changes.party ?? development.party,
        successionOn: changed(changes.successionOn, development.successionOn),
      });
    case 'withdrawal-notified':
      return withoutUndefined({
        ...development,
        occurredOn,
        party: changes.party ?? development.party,
        effectiveOn: changed(changes.effectiveOn, development.effectiveOn),
      });
    case 'ratification-completed':
    case 'withdrawn':
    case 'withdrawal-revoked':
    case 'provisional-application-started':
    case 'provisional-application-ended':
    case 'reservation':
    case 'declaration':
    case 'objection':
    case 'reservation-withdrawn':
    case 'objection-withdrawn':
      return { ...development, occurredOn, party: changes.party ?? development.party };
    case 'entered-into-force':
    case 'suspended':
    case 'resumed':
    case 'instruments-exchanged':
    case 'terminated':
    case 'statement':
    case 'negotiations':
    case 'context':
      return { ...development, occurredOn };
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

/**
 * A development as a corroborating report refines it: a finer date inside the recorded period narrows it, and the
 * decisive reading a report names completes a chamber's vote recorded without one ("the State Duma approved it",
 * then "the State Duma adopted it in third reading" the same day). Both folds, the decider's and the views', apply
 * corroborations through this.
 */
export function corroborated(
  development: Development,
  report: { readonly occurredOn: string; readonly stage?: LegislativeStage },
): Development {
  const occurredOn = refinedDate(development.occurredOn, report.occurredOn);
  const stage =
    development.type === 'legislative-approval' && development.stage === undefined ? report.stage : undefined;
  if (occurredOn === development.occurredOn && stage === undefined) return development;
  return { ...development, occurredOn, ...(stage === undefined ? {} : { stage }) } as Development;
}

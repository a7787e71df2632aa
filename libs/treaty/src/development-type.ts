import type { DevelopmentChanges, DevelopmentEvent, DevelopmentEventType, TreatyEvent } from './treaty.events';

/** The `type` strings of the public API, one per development event type. */
export type DevelopmentType =
  | 'signed'
  | 'legislative-approval'
  | 'ratification-completed'
  | 'instruments-exchanged'
  | 'entered-into-force'
  | 'suspended'
  | 'resumed'
  | 'withdrawn'
  | 'terminated'
  | 'consent-to-be-bound'
  | 'reservation'
  | 'declaration'
  | 'objection'
  | 'reservation-withdrawn'
  | 'objection-withdrawn'
  | 'provisional-application-started'
  | 'provisional-application-ended'
  | 'withdrawal-notified'
  | 'withdrawal-revoked'
  | 'statement'
  | 'negotiations'
  | 'context';

const EVENT_TYPE_BY_DEVELOPMENT: Record<DevelopmentType, DevelopmentEventType> = {
  signed: 'TreatySigned',
  'legislative-approval': 'LegislativeApprovalGiven',
  'ratification-completed': 'RatificationCompleted',
  'instruments-exchanged': 'InstrumentsExchanged',
  'entered-into-force': 'TreatyEnteredIntoForce',
  suspended: 'TreatySuspended',
  resumed: 'TreatyResumed',
  withdrawn: 'PartyWithdrew',
  terminated: 'TreatyTerminated',
  'consent-to-be-bound': 'ConsentToBeBoundExpressed',
  reservation: 'ReservationMade',
  declaration: 'DeclarationMade',
  objection: 'ObjectionMade',
  'reservation-withdrawn': 'ReservationWithdrawn',
  'objection-withdrawn': 'ObjectionWithdrawn',
  'provisional-application-started': 'ProvisionalApplicationStarted',
  'provisional-application-ended': 'ProvisionalApplicationEnded',
  'withdrawal-notified': 'WithdrawalNotified',
  'withdrawal-revoked': 'WithdrawalRevoked',
  statement: 'StatementMade',
  negotiations: 'NegotiationsReported',
  context: 'ContextReported',
};

/** The inverse, derived, so that the two can never disagree. */
const DEVELOPMENT_BY_EVENT_TYPE = Object.fromEntries(
  Object.entries(EVENT_TYPE_BY_DEVELOPMENT).map(([development, eventType]) => [eventType, development]),
) as Record<DevelopmentEventType, DevelopmentType>;

export const DEVELOPMENT_TYPES = Object.keys(EVENT_TYPE_BY_DEVELOPMENT) as readonly DevelopmentType[];

export function isDevelopmentType(value: unknown): value is DevelopmentType {
  return typeof value === 'string' && Object.hasOwn(EVENT_TYPE_BY_DEVELOPMENT, value);
}

export function eventTypeOfDevelopment(type: DevelopmentType): DevelopmentEventType {
  return EVENT_TYPE_BY_DEVELOPMENT[type];
}

export function developmentTypeOfEvent(eventType: DevelopmentEventType): DevelopmentType {
  return DEVELOPMENT_BY_EVENT_TYPE[eventType];
}

/** A Set, not a lookup in the record: every fold asks this of every event. */
const DEVELOPMENT_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(DEVELOPMENT_BY_EVENT_TYPE));

export function isDevelopmentEvent(event: TreatyEvent): event is DevelopmentEvent {
  return DEVELOPMENT_EVENT_TYPES.has(event.type);
}

export type DevelopmentField = keyof DevelopmentChanges;

/** Every field a report may carry besides `type`, `occurredOn` and `source`. */
export const REPORT_DETAIL_FIELDS = [
  'party',
  'body',
  'place',
  'signatories',
  'votes',
  'consentType',
  'againstParty',
  'reservationId',
  'confirmsReservationId',
  'text',
  'effectiveOn',
  'successionOn',
  'speaker',
  'quote',
  'stage',
  'participants',
  'summary',
  'treaties',
  'parties',
] as const;
export type ReportDetailField = (typeof REPORT_DETAIL_FIELDS)[number];

/** The detail fields a report of this type may carry (required or optional: the parser knows which). */
export function reportFieldsOf(type: DevelopmentType): readonly ReportDetailField[] {
  switch (type) {
    case 'signed':
      return ['party', 'place', 'signatories'];
    case 'legislative-approval':
      return ['party', 'body', 'votes', 'stage'];
    case 'ratification-completed':
    case 'withdrawn':
    case 'withdrawal-revoked':
    case 'provisional-application-started':
    case 'provisional-application-ended':
    case 'entered-into-force':
    case 'suspended':
    case 'resumed':
      return ['party'];
    case 'instruments-exchanged':
    case 'terminated':
      return [];
    case 'consent-to-be-bound':
      return ['party', 'consentType', 'successionOn'];
    case 'reservation':
      return ['party', 'text', 'confirmsReservationId'];
    case 'declaration':
      return ['party', 'text'];
    case 'objection':
      return ['party', 'againstParty', 'reservationId', 'text'];
    case 'reservation-withdrawn':
      return ['party', 'reservationId'];
    case 'objection-withdrawn':
      return ['party', 'againstParty'];
    case 'withdrawal-notified':
      return ['party', 'effectiveOn'];
    case 'statement':
      return ['speaker', 'quote', 'treaties', 'parties'];
    case 'negotiations':
      return ['stage', 'participants', 'treaties'];
    case 'context':
      return ['summary', 'treaties', 'parties'];
    default: {
      const unexpected: never = type;
      throw new Error(`Unexpected development type ${String(unexpected)}`);
    }
  }
}

/**
 * The fields a correction may change on a development of this type. The details of the newer types (a consent's
 * type, a statement's quote, ...) are not correctable: retract the report and report the right development. Their
 * dates are: a withdrawal's date of effect, a succession's date of the succession of States.
 */
export function fieldsOf(type: DevelopmentType): readonly DevelopmentField[] {
  switch (type) {
    case 'signed':
      // Whether a signature is the treaty's or one party's is not corrected: retract it and report the right one.
      return ['occurredOn', 'place', 'signatories'];
    case 'legislative-approval':
      return ['occurredOn', 'party', 'body', 'votes', 'stage'];
    case 'consent-to-be-bound':
      // Only a consent by succession carries a date of succession: the rules refuse it on any other.
      return ['occurredOn', 'party', 'successionOn'];
    case 'withdrawal-notified':
      return ['occurredOn', 'party', 'effectiveOn'];
    case 'ratification-completed':
    case 'withdrawn':
    case 'withdrawal-revoked':
    case 'reservation':
    case 'declaration':
    case 'objection':
    case 'reservation-withdrawn':
    case 'objection-withdrawn':
    case 'provisional-application-started':
    case 'provisional-application-ended':
      return ['occurredOn', 'party'];
    case 'instruments-exchanged':
    case 'entered-into-force':
    case 'suspended':
    case 'resumed':
    case 'terminated':
    case 'statement':
    case 'negotiations':
    case 'context':
      return ['occurredOn'];
    default: {
      const unexpected: never = type;
      throw new Error(`Unexpected development type ${String(unexpected)}`);
    }
  }
}

/** Diplomacy around a treaty: shown in its timeline, never a legal act, never a change of its status. */
export function isDiplomacy(type: DevelopmentType): boolean {
  return type === 'statement' || type === 'negotiations' || type === 'context';
}

/**
 * Acts that recur: a treaty can be suspended, resumed, provisionally applied and negotiated more than once, so a
 * report of one whose date does not agree with those on record is another occurrence, not a disagreement.
 */
export function isRepeatable(type: DevelopmentType): boolean {
  return (
    type === 'suspended' ||
    type === 'resumed' ||
    type === 'provisional-application-started' ||
    type === 'provisional-application-ended' ||
    type === 'negotiations'
  );
}

const OPTIONAL_FIELDS: readonly DevelopmentField[] = [
  'place',
  'signatories',
  'votes',
  'stage',
  'effectiveOn',
  'successionOn',
];

export function isOptionalField(field: DevelopmentField): boolean {
  return OPTIONAL_FIELDS.includes(field);
}

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
  | 'terminated';

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

export function isDevelopmentEvent(event: TreatyEvent): event is DevelopmentEvent {
  return Object.hasOwn(DEVELOPMENT_BY_EVENT_TYPE, event.type);
}

export type DevelopmentField = keyof DevelopmentChanges;

/** The fields a development of this type has; only these may be reported or corrected. */
export function fieldsOf(type: DevelopmentType): readonly DevelopmentField[] {
  switch (type) {
    case 'signed':
      return ['occurredOn', 'place', 'signatories'];
    case 'legislative-approval':
      return ['occurredOn', 'party', 'body', 'votes'];
    case 'ratification-completed':
    case 'withdrawn':
      return ['occurredOn', 'party'];
    case 'instruments-exchanged':
    case 'entered-into-force':
    case 'suspended':
    case 'resumed':
    case 'terminated':
      return ['occurredOn'];
    default: {
      const unexpected: never = type;
      throw new Error(`Unexpected development type ${String(unexpected)}`);
    }
  }
}

const OPTIONAL_FIELDS: readonly DevelopmentField[] = ['place', 'signatories', 'votes'];

export function isOptionalField(field: DevelopmentField): boolean {
  return OPTIONAL_FIELDS.includes(field);
}

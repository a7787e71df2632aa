import { describe, expect, it } from '@jest/globals';
import {
  DEVELOPMENT_TYPES,
  developmentTypeOfEvent,
  eventTypeOfDevelopment,
  isDevelopmentEvent,
  isDevelopmentType,
} from './development-type';
import { TREATY_EVENT_TYPES, isTreatyEventType } from './treaty.events';
import { registered, signed, uuid } from './testing/treaty-fixtures';

describe('development types', () => {
  it('maps each API type to its past-tense event type and back', () => {
    expect(Object.fromEntries(DEVELOPMENT_TYPES.map((type) => [type, eventTypeOfDevelopment(type)]))).toEqual({
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
    });
    for (const type of DEVELOPMENT_TYPES) expect(developmentTypeOfEvent(eventTypeOfDevelopment(type))).toBe(type);
  });

  it('knows its own type strings and nothing else', () => {
    expect(isDevelopmentType('withdrawn')).toBe(true);
    expect(isDevelopmentType('TreatySigned')).toBe(false);
    expect(isDevelopmentType('toString')).toBe(false);
    expect(isDevelopmentType(undefined)).toBe(false);
  });

  it('tells development events from the others', () => {
    expect(isDevelopmentEvent(signed(uuid(2), '2025'))).toBe(true);
    expect(isDevelopmentEvent(registered())).toBe(false);
  });

  it('lists every event type, each once', () => {
    expect(TREATY_EVENT_TYPES).toHaveLength(26);
    expect(new Set(TREATY_EVENT_TYPES).size).toBe(26);
    expect(isTreatyEventType('DevelopmentRetracted')).toBe(true);
    expect(isTreatyEventType('constructor')).toBe(false);
  });
});

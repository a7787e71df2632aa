import type { ConsentType, NegotiationStage } from '../law/treaty-law.vocabulary';
import type { Source, TreatyEvent } from '../treaty.events';
import { registered, source, TREATY_ID } from './treaty-fixtures';

/** Sample events for the treaty-law developments: a multilateral convention that parties join over time. */

type Options = { source?: Source; disagreesWith?: string[] };

function base(id: string, occurredOn: string, options: Options) {
  return {
    treatyId: TREATY_ID,
    developmentId: id,
    occurredOn,
    source: options.source ?? source(),
    ...(options.disagreesWith ? { disagreesWith: options.disagreesWith } : {}),
  };
}

/** A multilateral convention of five original states: in force 30 days after the third instrument. */
export const registeredMultilateral = (
  overrides: Partial<Extract<TreatyEvent, { type: 'TreatyRegistered' }>['data']> = {},
) =>
  registered({
    title: 'Convention on Sample Matters',
    parties: ['AT', 'BE', 'CZ', 'DK', 'EE'],
    category: 'other',
    kind: 'multilateral',
    entryIntoForce: { instrumentsRequired: 3, daysAfter: 30 },
    withdrawalNoticeDays: 180,
    ...overrides,
  });

export const signedBy = (id: string, party: string, occurredOn: string, options: Options = {}): TreatyEvent => ({
  type: 'TreatySigned',
  data: { ...base(id, occurredOn, options), party },
});

export const consented = (
  id: string,
  party: string,
  consentType: ConsentType,
  occurredOn: string,
  options: Options = {},
): TreatyEvent => ({
  type: 'ConsentToBeBoundExpressed',
  data: { ...base(id, occurredOn, options), party, consentType },
});

export const reserved = (id: string, party: string, occurredOn: string, text?: string): TreatyEvent => ({
  type: 'ReservationMade',
  data: { ...base(id, occurredOn, {}), party, ...(text ? { text } : {}) },
});

/** The confirmation, on consent, of the reservation `confirmsReservationId` formulated at signature. */
export const confirmedReservation = (
  id: string,
  party: string,
  occurredOn: string,
  confirmsReservationId: string,
  text?: string,
): TreatyEvent => ({
  type: 'ReservationMade',
  data: { ...base(id, occurredOn, {}), party, ...(text ? { text } : {}), confirmsReservationId },
});

export const objected = (
  id: string,
  party: string,
  againstParty: string,
  occurredOn: string,
  reservationId?: string,
): TreatyEvent => ({
  type: 'ObjectionMade',
  data: { ...base(id, occurredOn, {}), party, againstParty, ...(reservationId ? { reservationId } : {}) },
});

export const reservationWithdrawn = (
  id: string,
  party: string,
  occurredOn: string,
  reservationId?: string,
): TreatyEvent => ({
  type: 'ReservationWithdrawn',
  data: { ...base(id, occurredOn, {}), party, ...(reservationId ? { reservationId } : {}) },
});

export const withdrawalNotified = (
  id: string,
  party: string,
  occurredOn: string,
  effectiveOn?: string,
  options: Options = {},
): TreatyEvent => ({
  type: 'WithdrawalNotified',
  data: { ...base(id, occurredOn, options), party, ...(effectiveOn ? { effectiveOn } : {}) },
});

/** The party revokes its notice of withdrawal before it takes effect (VCLT art. 68). */
export const withdrawalRevoked = (
  id: string,
  party: string,
  occurredOn: string,
  options: Options = {},
): TreatyEvent => ({
  type: 'WithdrawalRevoked',
  data: { ...base(id, occurredOn, options), party },
});

export const scoped = (
  type:
    | 'TreatySuspended'
    | 'TreatyResumed'
    | 'TreatyEnteredIntoForce'
    | 'ProvisionalApplicationStarted'
    | 'ProvisionalApplicationEnded',
  id: string,
  occurredOn: string,
  party?: string,
  options: Options = {},
): TreatyEvent => ({ type, data: { ...base(id, occurredOn, options), ...(party ? { party } : {}) } }) as TreatyEvent;

export const statement = (
  id: string,
  speaker: string,
  quote: string,
  occurredOn: string,
  treaties?: string[],
): TreatyEvent => ({
  type: 'StatementMade',
  data: { ...base(id, occurredOn, {}), speaker, quote, ...(treaties ? { treaties } : {}) },
});

export const negotiations = (
  id: string,
  stage: NegotiationStage,
  participants: string[],
  occurredOn: string,
): TreatyEvent => ({
  type: 'NegotiationsReported',
  data: { ...base(id, occurredOn, {}), stage, participants },
});

export const context = (id: string, summary: string, occurredOn: string): TreatyEvent => ({
  type: 'ContextReported',
  data: { ...base(id, occurredOn, {}), summary },
});

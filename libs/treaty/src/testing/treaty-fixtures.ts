import { treatyDecider } from '../decider/treaty.decider';
import { isDevelopmentEvent } from '../development-type';
import type {
  CorrectDevelopment,
  DevelopmentChangesInput,
  DevelopmentReport,
  RegisterTreaty,
  ReportDevelopment,
  RetractDevelopment,
  SourceInput,
  TreatyCommand,
} from '../treaty.commands';
import type { DecisionContext } from '../treaty.commands';
import type { DevelopmentChanges, Source, TreatyEvent, TreatySigned } from '../treaty.events';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import type { TreatyEventEnvelope } from '../views/treaty-event-envelope';
import type { LegislativeStage } from '../law/treaty-law.vocabulary';
import { DeciderSpecification } from './decider-specification';

/** Sample data for the specs: a bilateral partnership treaty, dates illustrative. */

export const TODAY = '2025-12-01';
export const TREATY_ID = 'ru-ir-partnership';

export const spec = DeciderSpecification.for<
  TreatyCommand,
  TreatyEvent,
  ReturnType<typeof treatyDecider.initialState>,
  DecisionContext
>(treatyDecider, { today: TODAY }, TreatyRuleViolation);

/** A deterministic UUID (version 4 layout) per number, so specs can name events. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function source(overrides: Partial<Source> = {}): Source {
  return { publisher: 'TASS', url: 'https://tass.com/politics/1', publishedOn: TODAY, ...overrides };
}

export const registered = (overrides: Partial<TreatyRegistered['data']> = {}): TreatyRegistered => ({
  type: 'TreatyRegistered',
  data: {
    treatyId: TREATY_ID,
    title: 'Treaty on Comprehensive Strategic Partnership',
    parties: ['RU', 'IR'],
    category: 'partnership',
    ...overrides,
  },
});

type TreatyRegistered = Extract<TreatyEvent, { type: 'TreatyRegistered' }>;
type Base = { source?: Source; disagreesWith?: string[] };

function base(id: string, occurredOn: string, options: Base) {
  return {
    treatyId: TREATY_ID,
    developmentId: id,
    occurredOn,
    source: options.source ?? source(),
    ...(options.disagreesWith ? { disagreesWith: options.disagreesWith } : {}),
  };
}

export const signed = (
  id: string,
  occurredOn: string,
  options: Base & { place?: string; signatories?: readonly string[] } = {},
): TreatySigned => ({
  type: 'TreatySigned',
  data: {
    ...base(id, occurredOn, options),
    ...(options.place ? { place: options.place } : {}),
    ...(options.signatories ? { signatories: options.signatories } : {}),
  },
});

export const approved = (
  id: string,
  party: string,
  body: string,
  occurredOn: string,
  options: Base & { stage?: LegislativeStage } = {},
): TreatyEvent => ({
  type: 'LegislativeApprovalGiven',
  data: { ...base(id, occurredOn, options), party, body, ...(options.stage ? { stage: options.stage } : {}) },
});

export const ratified = (id: string, party: string, occurredOn: string, options: Base = {}): TreatyEvent => ({
  type: 'RatificationCompleted',
  data: { ...base(id, occurredOn, options), party },
});

export const withdrew = (id: string, party: string, occurredOn: string, options: Base = {}): TreatyEvent => ({
  type: 'PartyWithdrew',
  data: { ...base(id, occurredOn, options), party },
});

type Unqualified =
  'InstrumentsExchanged' | 'TreatyEnteredIntoForce' | 'TreatySuspended' | 'TreatyResumed' | 'TreatyTerminated';

export const happened = (type: Unqualified, id: string, occurredOn: string, options: Base = {}): TreatyEvent => ({
  type,
  data: base(id, occurredOn, options),
});

export const corroborated = (developmentId: string, occurredOn: string, by: Source): TreatyEvent => ({
  type: 'DevelopmentCorroborated',
  data: { treatyId: TREATY_ID, developmentId, occurredOn, source: by },
});

export const corrected = (developmentId: string, changes: DevelopmentChanges, by: Source = source()): TreatyEvent => ({
  type: 'DevelopmentCorrected',
  data: { treatyId: TREATY_ID, developmentId, changes, reason: 'Misread the date', source: by },
});

export const retracted = (developmentId: string, by: Source = source()): TreatyEvent => ({
  type: 'DevelopmentRetracted',
  data: { treatyId: TREATY_ID, developmentId, reason: 'Report was unfounded', source: by },
});

/** A whole life, from registration to entry into force, with a corroboration, a correction and a retraction. */
export function eventfulLife(): TreatyEvent[] {
  return [
    registered(),
    signed(uuid(1), '2025-01-17'),
    approved(uuid(2), 'RU', 'State Duma', '2025-04-08'),
    corroborated(uuid(2), '2025-04-08', source({ publisher: 'IRNA' })),
    approved(uuid(3), 'IR', 'Majlis', '2025-05'),
    corrected(uuid(3), { occurredOn: '2025-05-21' }),
    ratified(uuid(4), 'RU', '2025-04-21'),
    ratified(uuid(5), 'IR', '2025-06-01'),
    retracted(uuid(5)),
    happened('TreatyEnteredIntoForce', uuid(6), '2025-10-02'),
  ];
}

export function register(overrides: Partial<RegisterTreaty['data']> = {}): RegisterTreaty {
  return {
    type: 'RegisterTreaty',
    data: {
      eventId: uuid(1),
      treatyId: TREATY_ID,
      title: 'Treaty on Comprehensive Strategic Partnership',
      parties: ['RU', 'IR'],
      category: 'partnership',
      ...overrides,
    },
  };
}

/** Loosely typed on purpose: specs send what HTTP clients could send, invalid input included. */
export function report(eventId: string, development: Record<string, unknown>): ReportDevelopment {
  return {
    type: 'ReportDevelopment',
    data: { eventId, development: { source: source(), ...development } as DevelopmentReport },
  };
}

export function correct(
  eventId: string,
  developmentId: string,
  changes: DevelopmentChangesInput,
  overrides: { reason?: string; source?: SourceInput } = {},
): CorrectDevelopment {
  return {
    type: 'CorrectDevelopment',
    data: { eventId, developmentId, changes, reason: 'Misread the date', source: source(), ...overrides },
  };
}

export function retract(
  eventId: string,
  developmentId: string,
  overrides: { reason?: string; source?: SourceInput } = {},
): RetractDevelopment {
  return {
    type: 'RetractDevelopment',
    data: { eventId, developmentId, reason: 'Report was unfounded', source: source(), ...overrides },
  };
}

/**
 * Envelopes as a store would return them: one event a day from `firstDay`, revisions from 0, positions spaced as
 * if other streams were written in between. Development events keep their developmentId as event id.
 */
export function recorded(events: readonly TreatyEvent[], firstDay = '2025-06-01'): TreatyEventEnvelope[] {
  const start = Date.parse(`${firstDay}T12:00:00Z`);
  return events.map((event, index) => ({
    event,
    eventId: isDevelopmentEvent(event) ? event.data.developmentId : uuid(9000 + index),
    recordedAt: new Date(start + index * 86_400_000),
    revision: BigInt(index),
    position: BigInt(100 + index * 10),
  }));
}

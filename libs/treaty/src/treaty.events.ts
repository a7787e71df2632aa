/**
 * The facts a treaty stream records. Event data is plain JSON (decide never writes `undefined`), and every event
 * names its treaty and, where it has one, its development, so a projection reading the global log needs nothing else.
 */
export type Event<Type extends string, Data> = Readonly<{ type: Type; data: Readonly<Data> }>;

export const TREATY_CATEGORIES = ['partnership', 'trade', 'security', 'other'] as const;
export type TreatyCategory = (typeof TREATY_CATEGORIES)[number];

/** Where a report comes from. `document` names a source that has no address; `quote` is kept verbatim. */
export type Source = {
  readonly publisher: string;
  readonly url?: string;
  /** `YYYY-MM-DD`. */
  readonly publishedOn: string;
  readonly document?: string;
  readonly quote?: string;
};

export type Votes = { readonly for?: number; readonly against?: number; readonly abstained?: number };

export type TreatyRegistered = Event<
  'TreatyRegistered',
  { treatyId: string; title: string; parties: readonly string[]; category: TreatyCategory }
>;

/** What every reported development carries. `developmentId` is the id of the event itself. */
export type DevelopmentEventData = {
  readonly treatyId: string;
  readonly developmentId: string;
  /** Valid time: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precise as the source was. */
  readonly occurredOn: string;
  readonly source: Source;
  /** Present when other reports of the same development on record give a date this one does not agree with. */
  readonly disagreesWith?: readonly string[];
};

export type TreatySigned = Event<
  'TreatySigned',
  DevelopmentEventData & { place?: string; signatories?: readonly string[] }
>;
export type LegislativeApprovalGiven = Event<
  'LegislativeApprovalGiven',
  DevelopmentEventData & { party: string; body: string; votes?: Votes }
>;
export type RatificationCompleted = Event<'RatificationCompleted', DevelopmentEventData & { party: string }>;
export type InstrumentsExchanged = Event<'InstrumentsExchanged', DevelopmentEventData>;
export type TreatyEnteredIntoForce = Event<'TreatyEnteredIntoForce', DevelopmentEventData>;
export type TreatySuspended = Event<'TreatySuspended', DevelopmentEventData>;
export type TreatyResumed = Event<'TreatyResumed', DevelopmentEventData>;
export type PartyWithdrew = Event<'PartyWithdrew', DevelopmentEventData & { party: string }>;
export type TreatyTerminated = Event<'TreatyTerminated', DevelopmentEventData>;

export type DevelopmentEvent =
  | TreatySigned
  | LegislativeApprovalGiven
  | RatificationCompleted
  | InstrumentsExchanged
  | TreatyEnteredIntoForce
  | TreatySuspended
  | TreatyResumed
  | PartyWithdrew
  | TreatyTerminated;

/**
 * The fields a correction may change. `null` clears an optional field (`place`, `signatories`, `votes`); the
 * required ones (`occurredOn`, `party`, `body`) can only be replaced.
 */
export type DevelopmentChanges = {
  readonly occurredOn?: string;
  readonly party?: string;
  readonly body?: string;
  readonly place?: string | null;
  readonly signatories?: readonly string[] | null;
  readonly votes?: Votes | null;
};

/** Another source reports a development already on record; `occurredOn` is the date as this source gave it. */
export type DevelopmentCorroborated = Event<
  'DevelopmentCorroborated',
  { treatyId: string; developmentId: string; occurredOn: string; source: Source }
>;
export type DevelopmentCorrected = Event<
  'DevelopmentCorrected',
  { treatyId: string; developmentId: string; changes: DevelopmentChanges; reason: string; source: Source }
>;
export type DevelopmentRetracted = Event<
  'DevelopmentRetracted',
  { treatyId: string; developmentId: string; reason: string; source: Source }
>;

export type TreatyEvent =
  TreatyRegistered | DevelopmentEvent | DevelopmentCorroborated | DevelopmentCorrected | DevelopmentRetracted;

export type TreatyEventType = TreatyEvent['type'];
export type DevelopmentEventType = DevelopmentEvent['type'];

// A record, not a list, so that adding an event type without listing it here fails to compile.
const KNOWN_EVENT_TYPES: Record<TreatyEventType, true> = {
  TreatyRegistered: true,
  TreatySigned: true,
  LegislativeApprovalGiven: true,
  RatificationCompleted: true,
  InstrumentsExchanged: true,
  TreatyEnteredIntoForce: true,
  TreatySuspended: true,
  TreatyResumed: true,
  PartyWithdrew: true,
  TreatyTerminated: true,
  DevelopmentCorroborated: true,
  DevelopmentCorrected: true,
  DevelopmentRetracted: true,
};

/** Every event type this version of the domain can read, for upcasting and for subscription filters. */
export const TREATY_EVENT_TYPES = Object.keys(KNOWN_EVENT_TYPES) as readonly TreatyEventType[];

export function isTreatyEventType(type: string): type is TreatyEventType {
  return Object.hasOwn(KNOWN_EVENT_TYPES, type);
}

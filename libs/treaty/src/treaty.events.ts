import type {
  ConsentType,
  EntryIntoForceClause,
  LegislativeStage,
  NegotiationStage,
  TreatyIdentifiers,
  TreatyKind,
  TreatyRelation,
  WithdrawalNotice,
} from './law/treaty-law.vocabulary';

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

/**
 * `parties` are the original parties; others join by a later signature, accession or succession. Every field after
 * `category` is optional, so registrations written before they existed read unchanged.
 */
export type TreatyRegistered = Event<
  'TreatyRegistered',
  {
    treatyId: string;
    title: string;
    parties: readonly string[];
    category: TreatyCategory;
    kind?: TreatyKind;
    depositary?: string;
    entryIntoForce?: EntryIntoForceClause;
    /** Days from the notification of a withdrawal to the day it takes effect. */
    withdrawalNoticeDays?: number;
    /** A notice in months or years, or ending on the first of a month (decision 0063); never with the above. */
    withdrawalNotice?: WithdrawalNotice;
    identifiers?: TreatyIdentifiers;
    /** Relations to earlier treaties, recorded on this (the later) one. */
    relations?: readonly TreatyRelation[];
  }
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

/** Without `party`, the treaty's signature; with one, that party's own (a later signature adds the party). */
export type TreatySigned = Event<
  'TreatySigned',
  DevelopmentEventData & { party?: string; place?: string; signatories?: readonly string[] }
>;
/** `stage`, when given, is the stage of the chamber's procedure; without it, the chamber's decisive vote. */
export type LegislativeApprovalGiven = Event<
  'LegislativeApprovalGiven',
  DevelopmentEventData & { party: string; body: string; votes?: Votes; stage?: LegislativeStage }
>;
export type RatificationCompleted = Event<'RatificationCompleted', DevelopmentEventData & { party: string }>;
export type InstrumentsExchanged = Event<'InstrumentsExchanged', DevelopmentEventData>;
/** `party`, when given, scopes these to one party; without it they concern the whole treaty. */
export type TreatyEnteredIntoForce = Event<'TreatyEnteredIntoForce', DevelopmentEventData & { party?: string }>;
export type TreatySuspended = Event<'TreatySuspended', DevelopmentEventData & { party?: string }>;
export type TreatyResumed = Event<'TreatyResumed', DevelopmentEventData & { party?: string }>;
export type PartyWithdrew = Event<'PartyWithdrew', DevelopmentEventData & { party: string }>;
export type TreatyTerminated = Event<'TreatyTerminated', DevelopmentEventData>;

/**
 * The international act of consent; `occurredOn` is the date of deposit, exchange or notification. A notification
 * of succession may carry `successionOn`, the date of the succession of States, from which the successor is a party
 * (1978 Vienna Convention on Succession of States in respect of Treaties, art. 17, 18, 23).
 */
export type ConsentToBeBoundExpressed = Event<
  'ConsentToBeBoundExpressed',
  DevelopmentEventData & { party: string; consentType: ConsentType; successionOn?: string }
>;
/**
 * `text` is the reservation's or declaration's wording, or what it concerns, as the source gives it. A reservation
 * formulated at signature is confirmed when the party consents to be bound, and is made on the date of its
 * confirmation (VCLT art. 23(2)): the confirmation is a reservation naming it by `confirmsReservationId`.
 */
export type ReservationMade = Event<
  'ReservationMade',
  DevelopmentEventData & { party: string; text?: string; confirmsReservationId?: string }
>;
export type DeclarationMade = Event<'DeclarationMade', DevelopmentEventData & { party: string; text?: string }>;
/** `party` objects to a reservation of `againstParty` (the one named by `reservationId`, when given). */
export type ObjectionMade = Event<
  'ObjectionMade',
  DevelopmentEventData & { party: string; againstParty: string; reservationId?: string; text?: string }
>;
/** `party` withdraws its objections to the reservations of `againstParty`. */
export type ObjectionWithdrawn = Event<
  'ObjectionWithdrawn',
  DevelopmentEventData & { party: string; againstParty: string }
>;
/** Without `reservationId`, every reservation of the party on record is withdrawn. */
export type ReservationWithdrawn = Event<
  'ReservationWithdrawn',
  DevelopmentEventData & { party: string; reservationId?: string }
>;
export type ProvisionalApplicationStarted = Event<
  'ProvisionalApplicationStarted',
  DevelopmentEventData & { party: string }
>;
export type ProvisionalApplicationEnded = Event<
  'ProvisionalApplicationEnded',
  DevelopmentEventData & { party: string }
>;
/** `occurredOn` is the notification; `effectiveOn`, when the report gives it, the day the withdrawal takes effect. */
export type WithdrawalNotified = Event<
  'WithdrawalNotified',
  DevelopmentEventData & { party: string; effectiveOn?: string }
>;
/**
 * The party revokes its notice of withdrawal (or denunciation) before it takes effect (VCLT art. 68): `occurredOn`
 * is the revocation. It revokes the party's latest notice on record by then; the party stays bound as if the notice
 * had never been given (law/withdrawal-revocation.ts).
 */
export type WithdrawalRevoked = Event<'WithdrawalRevoked', DevelopmentEventData & { party: string }>;

/**
 * The diplomacy around treaties: never a legal act, never a change of status. Each is recorded on one treaty's
 * stream and may link further treaties (`treaties`) and parties (`parties`).
 */
export type DiplomacyLinks = { treaties?: readonly string[]; parties?: readonly string[] };
/** `quote` is kept verbatim. */
export type StatementMade = Event<
  'StatementMade',
  DevelopmentEventData & DiplomacyLinks & { speaker: string; quote: string }
>;
export type NegotiationsReported = Event<
  'NegotiationsReported',
  DevelopmentEventData & DiplomacyLinks & { stage: NegotiationStage; participants: readonly string[] }
>;
export type ContextReported = Event<'ContextReported', DevelopmentEventData & DiplomacyLinks & { summary: string }>;

export type DevelopmentEvent =
  | TreatySigned
  | LegislativeApprovalGiven
  | RatificationCompleted
  | InstrumentsExchanged
  | TreatyEnteredIntoForce
  | TreatySuspended
  | TreatyResumed
  | PartyWithdrew
  | TreatyTerminated
  | ConsentToBeBoundExpressed
  | ReservationMade
  | DeclarationMade
  | ObjectionMade
  | ReservationWithdrawn
  | ObjectionWithdrawn
  | ProvisionalApplicationStarted
  | ProvisionalApplicationEnded
  | WithdrawalNotified
  | WithdrawalRevoked
  | StatementMade
  | NegotiationsReported
  | ContextReported;

/**
 * The fields a correction may change. `null` clears an optional field (`place`, `signatories`, `votes`, `stage`); the
 * required ones (`occurredOn`, `party`, `body`) can only be replaced.
 */
export type DevelopmentChanges = {
  readonly occurredOn?: string;
  readonly party?: string;
  readonly body?: string;
  readonly place?: string | null;
  readonly signatories?: readonly string[] | null;
  readonly votes?: Votes | null;
  /** A legislative approval's stage; null clears it (the chamber's decisive vote). */
  readonly stage?: LegislativeStage | null;
  /** A withdrawal's notice: the day it takes effect; null clears it (the notice period computes it again). */
  readonly effectiveOn?: string | null;
  /** A notification of succession: the date of the succession of States; null clears it. */
  readonly successionOn?: string | null;
};

/**
 * Another source reports a development already on record; `occurredOn` is the date as this source gave it. `stage`:
 * the decisive reading it names for a chamber's vote recorded without one (absent otherwise, and in events before).
 */
export type DevelopmentCorroborated = Event<
  'DevelopmentCorroborated',
  { treatyId: string; developmentId: string; occurredOn: string; source: Source; stage?: LegislativeStage }
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
  ConsentToBeBoundExpressed: true,
  ReservationMade: true,
  DeclarationMade: true,
  ObjectionMade: true,
  ReservationWithdrawn: true,
  ObjectionWithdrawn: true,
  ProvisionalApplicationStarted: true,
  ProvisionalApplicationEnded: true,
  WithdrawalNotified: true,
  WithdrawalRevoked: true,
  StatementMade: true,
  NegotiationsReported: true,
  ContextReported: true,
  DevelopmentCorroborated: true,
  DevelopmentCorrected: true,
  DevelopmentRetracted: true,
};

/** Every event type this version of the domain can read, for upcasting and for subscription filters. */
export const TREATY_EVENT_TYPES = Object.keys(KNOWN_EVENT_TYPES) as readonly TreatyEventType[];

export function isTreatyEventType(type: string): type is TreatyEventType {
  return Object.hasOwn(KNOWN_EVENT_TYPES, type);
}

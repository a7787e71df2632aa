import type { DevelopmentChanges } from './treaty.events';

/**
 * What editors ask for. Commands come straight from HTTP input, so their fields are typed loosely where the
 * decider has to check them anyway (an unknown development `type` is a rule violation, not a compile error).
 * Every command carries `eventId`: the UUID the caller will give the one event the command produces.
 */
export type Command<Type extends string, Data> = Readonly<{ type: Type; data: Readonly<Data> }>;

/** A source as submitted; checked and trimmed by the decider. */
export type SourceInput = {
  readonly publisher: string;
  readonly url?: string;
  readonly publishedOn: string;
  readonly document?: string;
  readonly quote?: string;
};

export type VotesInput = { readonly for?: number; readonly against?: number; readonly abstained?: number };

/** A correction of vote counts names only the counts it changes; `null` clears that count. */
export type VoteCountChanges = {
  readonly for?: number | null;
  readonly against?: number | null;
  readonly abstained?: number | null;
};

/**
 * A correction's `changes` as submitted: the fields a correction records (`DevelopmentChanges`), except that `votes`
 * names only the counts it changes. The decider records the development's resulting counts.
 */
export type DevelopmentChangesInput = Omit<DevelopmentChanges, 'votes'> & {
  readonly votes?: VoteCountChanges | null;
};

export type RegisterTreaty = Command<
  'RegisterTreaty',
  {
    eventId: string;
    /** The slug that names the treaty's stream. */
    treatyId: string;
    title: string;
    parties: readonly string[];
    /** One of TREATY_CATEGORIES. */
    category: string;
    /** One of TREATY_KINDS. */
    kind?: string;
    depositary?: string;
    /** Exactly one of `daysAfter`, `monthsAfter`, `yearsAfter`. */
    entryIntoForce?: {
      readonly instrumentsRequired: number;
      readonly daysAfter?: number;
      readonly monthsAfter?: number;
      readonly yearsAfter?: number;
      readonly firstDayOfFollowingMonth?: boolean;
    };
    withdrawalNoticeDays?: number;
    /** Exactly one of `days`, `months`, `years`; not with `withdrawalNoticeDays`. */
    withdrawalNotice?: {
      readonly days?: number;
      readonly months?: number;
      readonly years?: number;
      readonly firstDayOfFollowingMonth?: boolean;
    };
    identifiers?: {
      readonly untsNumber?: string;
      readonly depositaryReference?: string;
      readonly wikidataId?: string;
      readonly officialTextUrl?: string;
    };
    /** Each `type` one of RELATION_TYPES. */
    relations?: readonly { readonly type: string; readonly treatyId: string }[];
  }
>;

/** A reported development, in the shape of the API body. */
export type DevelopmentReport = {
  /** One of DEVELOPMENT_TYPES. */
  readonly type: string;
  readonly occurredOn: string;
  readonly source: SourceInput;
  readonly party?: string;
  readonly body?: string;
  readonly place?: string;
  readonly signatories?: readonly string[];
  readonly votes?: VotesInput;
  /** For consent-to-be-bound: one of CONSENT_TYPES. */
  readonly consentType?: string;
  /** For objection: the party whose reservation is objected to. */
  readonly againstParty?: string;
  /** For objection and reservation-withdrawn: the developmentId of the reservation. */
  readonly reservationId?: string;
  /** For reservation: the developmentId of the reservation formulated at signature that this one confirms. */
  readonly confirmsReservationId?: string;
  /** For reservation, declaration, objection: its wording or what it concerns. */
  readonly text?: string;
  /** For withdrawal-notified: the day it takes effect, when the report gives it. */
  readonly effectiveOn?: string;
  /** For statement. */
  readonly speaker?: string;
  /** For statement: what was said, verbatim. */
  readonly quote?: string;
  /** For negotiations: one of NEGOTIATION_STAGES; for legislative-approval: one of LEGISLATIVE_STAGES. */
  readonly stage?: string;
  /** For negotiations: the parties taking part. */
  readonly participants?: readonly string[];
  /** For context. */
  readonly summary?: string;
  /** For statement, negotiations, context: further treaties (ids) it concerns besides this one. */
  readonly treaties?: readonly string[];
  /** For statement, context: parties it concerns. */
  readonly parties?: readonly string[];
};

export type ReportDevelopment = Command<'ReportDevelopment', { eventId: string; development: DevelopmentReport }>;

export type CorrectDevelopment = Command<
  'CorrectDevelopment',
  {
    eventId: string;
    developmentId: string;
    changes: DevelopmentChangesInput;
    reason: string;
    source: SourceInput;
  }
>;

export type RetractDevelopment = Command<
  'RetractDevelopment',
  { eventId: string; developmentId: string; reason: string; source: SourceInput }
>;

export type TreatyCommand = RegisterTreaty | ReportDevelopment | CorrectDevelopment | RetractDevelopment;

/**
 * What decide needs to know about the world besides the record: today, `YYYY-MM-DD`, the date after which a
 * development is in the future. The service gives the latest date anywhere on Earth, so that what happened today in
 * a zone ahead of UTC is not refused.
 */
export type DecisionContext = { readonly today: string };

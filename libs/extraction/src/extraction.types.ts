import type { DatePrecision, DetailNotOnRecord, LegislativeStage, Source, TreatyKind, Votes } from '@timeline/treaty';

/** The longest text one call reads (about 15,000 words): the HTTP layer refuses longer ones. */
export const EXTRACTION_LIMITS = { text: 100_000 } as const;

/** An article to read: its text and what is known of its publication. */
export interface ExtractionInput {
  readonly text: string;
  /** `YYYY-MM-DD`: every relative date ("on Tuesday", "last year") is resolved against it. */
  readonly publishedOn: string;
  readonly publisher?: string;
  readonly url?: string;
  readonly document?: string;
}

/**
 * A development already on record (as corrected; retracted ones are left out), as far as matching and comparing
 * need it. The fields after `occurredOn` let a proposal say what confirming it would do: which details of the
 * article the record lacks, and whether this article is already one of its sources.
 */
export interface KnownDevelopment {
  readonly id: string;
  readonly type: string;
  readonly party?: string | null;
  readonly body?: string | null;
  /** A legislative approval's stage of the chamber's procedure; absent or null: its decisive vote. */
  readonly stage?: string | null;
  readonly occurredOn: string;
  readonly consentType?: string | null;
  readonly votes?: Votes | null;
  /** A statement's speaker and words. */
  readonly speaker?: string | null;
  readonly quote?: string | null;
  /** Each source on record with the date it gave. */
  readonly reports?: readonly KnownReport[];
}

/** A source on record for a development, and the date it gave. */
export interface KnownReport {
  readonly source: Source;
  readonly occurredOn: string;
}

/** A registered treaty: the candidates a sentence can be matched to. */
export interface KnownTreaty {
  readonly id: string;
  readonly title: string;
  readonly parties: readonly string[];
  /**
   * As registered. A proposal names a state not yet a party where the decider takes its act: on a multilateral
   * treaty its chamber's approval or any consent; of unknown kind (absent), a consent that makes a party without
   * signing first (accession, succession, definitive signature); on a bilateral one, none.
   */
  readonly kind?: TreatyKind;
  readonly developments?: readonly KnownDevelopment[];
}

/**
 * The API's development types. Those beyond `@timeline/treaty`'s current `DevelopmentType` (consent, statements,
 * negotiations, context) are the treaty-law issue's, kept as plain strings until that branch is merged.
 */
export type ProposalType =
  | 'signed'
  | 'legislative-approval'
  | 'ratification-completed'
  | 'instruments-exchanged'
  | 'consent-to-be-bound'
  | 'entered-into-force'
  | 'suspended'
  | 'resumed'
  | 'withdrawn'
  | 'withdrawal-notified'
  | 'withdrawal-revoked'
  | 'terminated'
  | 'statement'
  | 'negotiations'
  | 'context';

/** Diplomacy around a treaty: shown in its timeline, never a legal act. */
export const DIPLOMACY_TYPES: readonly ProposalType[] = ['statement', 'negotiations', 'context'];

export function isTreatyAct(type: ProposalType): boolean {
  return !DIPLOMACY_TYPES.includes(type);
}

/** One development the text reports, for an editor to accept, edit or reject. Nothing is recorded by proposing. */
export interface Proposal {
  /** The registered treaty the sentence is about, or null when none matches. */
  readonly treatyId: string | null;
  /** How the text names the treaty, when it matches no registered one. */
  readonly treatyTitle?: string;
  /** Codes of the treaty's parties (or, unmatched, of every party) that the sentence names. */
  readonly parties: readonly string[];
  readonly type: ProposalType;
  readonly party?: string;
  readonly body?: string;
  /** `consent-to-be-bound` only: ratification, accession, ... */
  readonly consentType?: string;
  /** `statement` only. */
  readonly speaker?: string;
  /**
   * `negotiations`: announced or held; `legislative-approval`: the reading the text names ("in the first
   * reading"), absent when it names none (the chamber's decisive vote).
   */
  readonly stage?: 'announced' | 'held' | LegislativeStage;
  /** `legislative-approval`: the counts the text gives in digits ("by 98 votes to 2"). */
  readonly votes?: Votes;
  readonly occurredOn: string;
  readonly precision: DatePrecision;
  /** The days a vague expression ("last week") covers, when the date is coarser than them. */
  readonly period?: { readonly from: string; readonly to: string };
  readonly dateReasoning: string;
  /** The sentence that reports it, verbatim: `text.slice(quoteStart, quoteEnd) === quote`. */
  readonly quote: string;
  readonly quoteStart: number;
  readonly quoteEnd: number;
  /** 0–1: how much of the proposal the words themselves give, rather than defaults and carried context. */
  readonly confidence: number;
  /** The id of the development on record that this one repeats (confirming adds a corroborating source). */
  readonly alreadyRecorded: string | null;
  /**
   * With `alreadyRecorded`: the details the proposal gives that the development on record lacks or holds otherwise
   * (a vote count). A corroboration records only its source and date, so a report with them is refused
   * (`DETAILS_NOT_ON_RECORD`): confirm without them, or correct the development. Absent when there are none.
   */
  readonly detailsNotOnRecord?: readonly DetailNotOnRecord[];
  /**
   * With `alreadyRecorded`: this article (its publisher, date and address) is already on record as the source of
   * this sentence with this date, so reporting it again is refused (`REPORT_ALREADY_RECORDED`): nothing to add.
   */
  readonly reportedByThisArticle?: true;
  /**
   * A statement with `alreadyRecorded`: its speaker and words as the record holds them, which a corroborating report
   * gives (the record tells statements apart by both: another spelling or another cut of the words would be recorded
   * as another statement).
   */
  readonly statementOnRecord?: { readonly speaker: string; readonly quote: string };
}

export interface ExtractionResult {
  readonly proposals: readonly Proposal[];
}

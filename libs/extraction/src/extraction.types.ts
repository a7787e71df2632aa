import type { DatePrecision, LegislativeStage, Votes } from '@timeline/treaty';

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

/** A development already on record, as far as matching needs it. */
export interface KnownDevelopment {
  readonly id: string;
  readonly type: string;
  readonly party?: string | null;
  readonly body?: string | null;
  /** A legislative approval's stage of the chamber's procedure; absent or null: its decisive vote. */
  readonly stage?: string | null;
  readonly occurredOn: string;
}

/** A registered treaty: the candidates a sentence can be matched to. */
export interface KnownTreaty {
  readonly id: string;
  readonly title: string;
  readonly parties: readonly string[];
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
}

export interface ExtractionResult {
  readonly proposals: readonly Proposal[];
}

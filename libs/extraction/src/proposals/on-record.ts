import {
  detailsNotOnRecord,
  partialDatesAgree,
  type Development,
  type DetailNotOnRecord,
  type Source,
} from '@timeline/treaty';
import { isTreatyAct, type ExtractionInput, type KnownDevelopment, type KnownTreaty } from '../extraction.types';
import { sameBody } from '../treaties/match-treaty';
import type { Draft } from './act-proposals';
import { sameStage } from './same-stage';

/** What confirming a proposal would do to the record, when it repeats a development on record. */
export interface OnRecord {
  readonly alreadyRecorded: string | null;
  readonly detailsNotOnRecord?: readonly DetailNotOnRecord[];
  readonly reportedByThisArticle?: true;
  readonly statementOnRecord?: { readonly speaker: string; readonly quote: string };
}

const NOT_ON_RECORD: OnRecord = { alreadyRecorded: null };

/**
 * The development on record a dated draft repeats, if any, and what confirming it would do: add the article as a
 * source, be refused for details the record lacks (a corroboration records only its source and date: the domain's
 * own `detailsNotOnRecord` says which), or be refused as a repeat, this article being a source of it already. The
 * server decides; this lets the desk say so before the editor presses a button.
 */
export function onRecord(
  draft: Draft,
  occurredOn: string,
  known: readonly KnownTreaty[],
  article: ExtractionInput,
): OnRecord {
  if (draft.treatyId === null) return NOT_ON_RECORD;
  const treaty = known.find((candidate) => candidate.id === draft.treatyId);
  const match = treaty?.developments?.find((development) =>
    isTreatyAct(draft.type) ? sameAct(development, draft, occurredOn) : sameStatement(development, draft, occurredOn),
  );
  if (match === undefined) return NOT_ON_RECORD;
  const report = reportOf(draft, occurredOn, match);
  // A reading named for a chamber's vote on record without one is what the corroboration adds: never a repeat.
  const addsReading = match.type === 'legislative-approval' && !match.stage && draft.stage !== undefined;
  const details = detailsNotOnRecord(recordOf(match), report, addsReading ? 'stage' : undefined);
  const repeated = !addsReading && isSourceOf(match, sourceOf(draft, article), occurredOn);
  return {
    alreadyRecorded: match.id,
    ...(details.length > 0 ? { detailsNotOnRecord: details } : {}),
    ...(repeated ? { reportedByThisArticle: true as const } : {}),
    ...(draft.type === 'statement' && match.speaker && match.quote
      ? { statementOnRecord: { speaker: match.speaker, quote: match.quote } }
      : {}),
  };
}

/**
 * Same type, party, chamber and stage (the decisive vote with or without one given, as the record matches them),
 * consent type, and a date that agrees at the coarser precision.
 */
function sameAct(development: KnownDevelopment, draft: Draft, occurredOn: string): boolean {
  return (
    development.type === draft.type &&
    (development.party ?? undefined) === draft.party &&
    (development.body
      ? draft.body !== undefined && sameBody(development.body, draft.body)
      : draft.body === undefined) &&
    sameStage(development.stage ?? undefined, draft.stage) &&
    (development.consentType ?? undefined) === draft.consentType &&
    partialDatesAgree(development.occurredOn, occurredOn)
  );
}

/**
 * A statement on record is the speaker's words: the sentence that reports it holds them (compared word by word,
 * ignoring case, spacing and punctuation), its speaker is the one on record (or the surname of the name on record:
 * articles name a leader once in full, then by surname), and the dates agree.
 */
function sameStatement(development: KnownDevelopment, draft: Draft, occurredOn: string): boolean {
  if (draft.type !== 'statement' || development.type !== 'statement') return false;
  if (!development.speaker || !development.quote || draft.speaker === undefined) return false;
  const words = wordsOf(development.quote);
  return (
    words !== '' &&
    sameSpeaker(development.speaker, draft.speaker) &&
    ` ${wordsOf(draft.quote)} `.includes(` ${words} `) &&
    partialDatesAgree(development.occurredOn, occurredOn)
  );
}

function sameSpeaker(onRecord: string, proposed: string): boolean {
  const recorded = wordsOf(onRecord);
  const named = wordsOf(proposed);
  return recorded === named || recorded.endsWith(` ${named}`) || named.endsWith(` ${recorded}`);
}

/** Lower-case words and numbers, one space apart: what two spellings of a sentence share. */
function wordsOf(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The report the desk sends for a proposal: its development's fields, as the proposal gives them. */
function reportOf(draft: Draft, occurredOn: string, match: KnownDevelopment): Development {
  return definedOnly({
    type: draft.type,
    occurredOn,
    party: draft.type === 'statement' ? undefined : draft.party,
    body: draft.body,
    consentType: draft.consentType,
    stage: draft.stage,
    votes: draft.votes,
    // A corroborating statement gives the speaker and words as on record (`statementOnRecord`), not as the
    // article spells and frames them.
    speaker: draft.type === 'statement' ? (match.speaker ?? undefined) : undefined,
    quote: draft.type === 'statement' ? (match.quote ?? undefined) : undefined,
  }) as unknown as Development;
}

function recordOf(development: KnownDevelopment): Development {
  return definedOnly({
    type: development.type,
    occurredOn: development.occurredOn,
    party: development.party,
    body: development.body,
    consentType: development.consentType,
    stage: development.stage,
    votes: development.votes,
    speaker: development.speaker,
    quote: development.quote,
  }) as unknown as Development;
}

/** The fields that have a value: a report leaves out what it does not say, and the record what it does not hold. */
function definedOnly(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null));
}

/** The source the desk sends with a proposal: the article, quoting the sentence. */
function sourceOf(draft: Draft, article: ExtractionInput): Partial<Source> {
  return definedOnly({
    publisher: article.publisher?.trim().normalize('NFC'),
    publishedOn: article.publishedOn,
    url: article.url?.trim(),
    quote: draft.quote.trim(),
  });
}

/** Whether the record holds this source, as stored, giving this date: a report of it again adds nothing. */
function isSourceOf(development: KnownDevelopment, source: Partial<Source>, occurredOn: string): boolean {
  return (development.reports ?? []).some(
    (report) =>
      report.occurredOn === occurredOn &&
      Object.keys(report.source).length === Object.keys(source).length &&
      Object.entries(source).every(([field, value]) => report.source[field as keyof Source] === value),
  );
}

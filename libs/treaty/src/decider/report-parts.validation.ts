import { isPlainRecord, withoutUndefined } from '../plain-data';
import type { VoteCountChanges } from '../treaty.commands';
import type { Source, Votes } from '../treaty.events';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import { describe, optionalText, requireCalendarDate, requireText, INPUT_LIMITS } from './input-validation';

/** Checks for the structured parts of a report: its source, an approval's votes, a signature's signatories. */

export function requireSource(value: unknown, field: string): Source {
  if (!isPlainRecord(value)) {
    throw new TreatyRuleViolation('MISSING_FIELD', `${field} is required: who published the report, and when`, field);
  }
  return withoutUndefined({
    publisher: requireText(value['publisher'], `${field}.publisher`, INPUT_LIMITS.name),
    url: optionalUrl(value['url'], `${field}.url`),
    publishedOn: requireCalendarDate(value['publishedOn'], `${field}.publishedOn`),
    document: optionalText(value['document'], `${field}.document`, INPUT_LIMITS.reference),
    quote: optionalVerbatim(value['quote'], `${field}.quote`),
  });
}

export function optionalUrl(value: unknown, field: string): string | undefined {
  const text = optionalText(value, field, INPUT_LIMITS.url);
  if (text === undefined) return undefined;
  let protocol: string;
  try {
    protocol = new URL(text).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `${field} must be an absolute http(s) address; got ${describe(value)}`,
      field,
    );
  }
  return text;
}

// A quote is evidence: kept exactly as given, not trimmed.
function optionalVerbatim(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TreatyRuleViolation('INVALID_FIELD', `${field} must be a non-blank string when given`, field);
  }
  if (value.length > INPUT_LIMITS.quote) {
    throw new TreatyRuleViolation('INVALID_FIELD', `${field} must be at most ${INPUT_LIMITS.quote} characters`, field);
  }
  return value;
}

export function requireVotes(value: unknown, field: string): Votes {
  requireVoteCountsObject(value, field);
  const votes = withoutUndefined({
    for: optionalCount(value['for'], `${field}.for`),
    against: optionalCount(value['against'], `${field}.against`),
    abstained: optionalCount(value['abstained'], `${field}.abstained`),
  });
  if (Object.keys(votes).length === 0) {
    throw new TreatyRuleViolation('INVALID_FIELD', `${field} must give at least one count`, field);
  }
  return votes;
}

/**
 * A correction's vote counts: each count it names is a number or `null` (clear that count), and it names at least
 * one; a count it does not name stays as recorded.
 */
export function requireVoteCountChanges(value: unknown, field: string): VoteCountChanges {
  requireVoteCountsObject(value, field);
  const named = VOTE_COUNTS.filter((count) => value[count] !== undefined);
  if (named.length === 0) {
    throw new TreatyRuleViolation('INVALID_FIELD', `${field} must name at least one count`, field);
  }
  const changes: { -readonly [Count in VoteCount]?: number | null } = {};
  for (const count of named) {
    changes[count] = value[count] === null ? null : (optionalCount(value[count], `${field}.${count}`) ?? null);
  }
  return changes;
}

type VoteCount = keyof Votes;
const VOTE_COUNTS: readonly VoteCount[] = ['for', 'against', 'abstained'];

function requireVoteCountsObject(value: unknown, field: string): asserts value is Record<string, unknown> {
  if (!isPlainRecord(value)) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `${field} must be an object with for, against and/or abstained`,
      field,
    );
  }
  const unknownKey = Object.keys(value).find((key) => !(VOTE_COUNTS as readonly string[]).includes(key));
  if (unknownKey !== undefined) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `${field}.${unknownKey} is not a vote count (for, against, abstained)`,
      field,
    );
  }
}

function optionalCount(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > INPUT_LIMITS.votes) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `${field} must be a whole number of votes from 0 to ${INPUT_LIMITS.votes}; got ${describe(value)}`,
      field,
    );
  }
  return value;
}

export function requireSignatories(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) {
    throw new TreatyRuleViolation('INVALID_FIELD', `${field} must be a list of names`, field);
  }
  if (value.length > INPUT_LIMITS.signatories) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `${field} must list at most ${INPUT_LIMITS.signatories} names`,
      field,
    );
  }
  return value.map((name, index) => requireText(name, `${field}[${index}]`, INPUT_LIMITS.name));
}

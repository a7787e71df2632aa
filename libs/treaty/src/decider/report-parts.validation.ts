import { isPlainRecord, withoutUndefined } from '../plain-data';
import type { Source, Votes } from '../treaty.events';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import { describe, optionalText, requireCalendarDate, requireText, TEXT_LIMITS } from './input-validation';

/** Checks for the structured parts of a report: its source, an approval's votes, a signature's signatories. */

export function requireSource(value: unknown, field: string): Source {
  if (!isPlainRecord(value)) {
    throw new TreatyRuleViolation('MISSING_FIELD', `${field} is required: who published the report, and when`, field);
  }
  return withoutUndefined({
    publisher: requireText(value['publisher'], `${field}.publisher`, TEXT_LIMITS.name),
    url: optionalUrl(value['url'], `${field}.url`),
    publishedOn: requireCalendarDate(value['publishedOn'], `${field}.publishedOn`),
    document: optionalText(value['document'], `${field}.document`, TEXT_LIMITS.reference),
    quote: optionalVerbatim(value['quote'], `${field}.quote`),
  });
}

export function optionalUrl(value: unknown, field: string): string | undefined {
  const text = optionalText(value, field, TEXT_LIMITS.url);
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
  if (value.length > TEXT_LIMITS.quote) {
    throw new TreatyRuleViolation('INVALID_FIELD', `${field} must be at most ${TEXT_LIMITS.quote} characters`, field);
  }
  return value;
}

export function requireVotes(value: unknown, field: string): Votes {
  if (!isPlainRecord(value)) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `${field} must be an object with for, against and/or abstained`,
      field,
    );
  }
  const unknownKey = Object.keys(value).find((key) => !['for', 'against', 'abstained'].includes(key));
  if (unknownKey !== undefined) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `${field}.${unknownKey} is not a vote count (for, against, abstained)`,
      field,
    );
  }
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

function optionalCount(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `${field} must be a whole number of votes, 0 or more; got ${describe(value)}`,
      field,
    );
  }
  return value;
}

export function requireSignatories(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) {
    throw new TreatyRuleViolation('INVALID_FIELD', `${field} must be a list of names`, field);
  }
  if (value.length > TEXT_LIMITS.signatories) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `${field} must list at most ${TEXT_LIMITS.signatories} names`,
      field,
    );
  }
  return value.map((name, index) => requireText(name, `${field}[${index}]`, TEXT_LIMITS.name));
}

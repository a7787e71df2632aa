import { isCalendarDate, isPartialDate } from '../partial-date';
import { TREATY_CATEGORIES, type TreatyCategory } from '../treaty.events';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';

/**
 * Checks for command input. Commands come from HTTP bodies, so every value is treated as unknown until checked;
 * each failure names the field (dotted for nested ones) and says why.
 */

/**
 * Upper bounds on input, so one report cannot bloat a stream or claim the absurd: characters of free text, the
 * number of names in a list (signatories, parties; links to other treaties, parties or relations), and a chamber's
 * count of votes. The HTTP layer's DTOs take theirs from here (a spec compares them), so that a value
 * over a limit gets the same answer at any size.
 */
export const INPUT_LIMITS = {
  title: 300,
  name: 200,
  reference: 500,
  url: 2048,
  quote: 5000,
  reason: 2000,
  signatories: 100,
  parties: 200,
  votes: 100_000,
  links: 50,
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const TREATY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,80}$/;
/** ISO 3166-1 alpha-2 (`RU`) or an organisation code (`EAEU`): 2-10 uppercase letters or digits, a letter first. */
export const PARTY_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;
/**
 * How a date is written: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. The domain also checks the calendar (no 2025-02-30, no
 * year 0), which a pattern cannot say; the DTOs and the OpenAPI document take this one.
 */
export const PARTIAL_DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** How a full calendar date is written (a source's publication date): `YYYY-MM-DD`. */
export const CALENDAR_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function requireEventId(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '') {
    throw new TreatyRuleViolation(
      'MISSING_FIELD',
      `${field} is required: the id of the event this command records`,
      field,
    );
  }
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new TreatyRuleViolation('INVALID_EVENT_ID', `${field} must be a UUID, got ${describe(value)}`, field);
  }
  return value;
}

export function requireText(value: unknown, field: string, maxLength: number): string {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    throw new TreatyRuleViolation('MISSING_FIELD', `${field} is required and must not be blank`, field);
  }
  return checkedText(value, field, maxLength);
}

/** Absent (undefined or null) or a non-blank string. */
export function optionalText(value: unknown, field: string, maxLength: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() === '') {
    throw new TreatyRuleViolation('INVALID_FIELD', `${field} must not be blank when given`, field);
  }
  return checkedText(value, field, maxLength);
}

function checkedText(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string') {
    throw new TreatyRuleViolation('INVALID_FIELD', `${field} must be a string, got ${describe(value)}`, field);
  }
  const text = value.trim();
  if (text.length > maxLength) {
    throw new TreatyRuleViolation('INVALID_FIELD', `${field} must be at most ${maxLength} characters`, field);
  }
  return text;
}

export function requireTreatyId(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '') {
    throw new TreatyRuleViolation('MISSING_FIELD', `${field} is required`, field);
  }
  if (typeof value !== 'string' || !TREATY_ID_PATTERN.test(value)) {
    throw new TreatyRuleViolation(
      'INVALID_TREATY_ID',
      `${field} must be a slug of 3-81 lowercase letters, digits and hyphens, starting with a letter or digit; got ${describe(value)}`,
      field,
    );
  }
  return value;
}

export function requirePartyCode(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '') {
    throw new TreatyRuleViolation('MISSING_FIELD', `${field} is required for this development type`, field);
  }
  if (typeof value !== 'string' || !PARTY_CODE_PATTERN.test(value)) {
    throw new TreatyRuleViolation(
      'INVALID_PARTY_CODE',
      `${field} must be an ISO 3166-1 alpha-2 code (RU) or an organisation code (EAEU): 2-10 uppercase letters or digits, a letter first; got ${describe(value)}`,
      field,
    );
  }
  return value;
}

/**
 * The original parties: two at least, as a bilateral treaty or one of unknown kind has; `openToAll`, a multilateral
 * treaty, may name none, its states joining by signature or consent (a convention an organisation adopted, which no
 * state signed at adoption: decision 0067).
 */
export function requireParties(value: unknown, field: string, openToAll = false): string[] {
  if (!Array.isArray(value)) {
    throw new TreatyRuleViolation('MISSING_FIELD', `${field} must be a list of party codes`, field);
  }
  if (value.length > INPUT_LIMITS.parties) {
    throw new TreatyRuleViolation('INVALID_FIELD', `${field} must list at most ${INPUT_LIMITS.parties} parties`, field);
  }
  const parties = value.map((party, index) => requirePartyCode(party, `${field}[${index}]`));
  const duplicate = parties.find((party, index) => parties.indexOf(party) !== index);
  if (duplicate !== undefined) {
    throw new TreatyRuleViolation('DUPLICATE_PARTY', `${field} lists ${duplicate} more than once`, field);
  }
  if (parties.length < 2 && !openToAll) {
    throw new TreatyRuleViolation(
      'TOO_FEW_PARTIES',
      `${field} must name at least two parties (a treaty registered multilateral may name none: its states join later)`,
      field,
    );
  }
  return parties;
}

export function requireCategory(value: unknown, field: string): TreatyCategory {
  const category = TREATY_CATEGORIES.find((known) => known === value);
  if (category === undefined) {
    throw new TreatyRuleViolation(
      'INVALID_CATEGORY',
      `${field} must be one of ${TREATY_CATEGORIES.join(', ')}; got ${describe(value)}`,
      field,
    );
  }
  return category;
}

/** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, and a real calendar date. */
export function requirePartialDate(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '') {
    throw new TreatyRuleViolation('MISSING_FIELD', `${field} is required`, field);
  }
  if (!isPartialDate(value)) {
    throw new TreatyRuleViolation(
      'INVALID_DATE',
      `${field} must be a real date written YYYY-MM-DD, YYYY-MM or YYYY; got ${describe(value)}`,
      field,
    );
  }
  return value;
}

export function requireCalendarDate(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '') {
    throw new TreatyRuleViolation('MISSING_FIELD', `${field} is required`, field);
  }
  if (!isCalendarDate(value)) {
    throw new TreatyRuleViolation(
      'INVALID_DATE',
      `${field} must be a real date written YYYY-MM-DD; got ${describe(value)}`,
      field,
    );
  }
  return value;
}

/** A short, safe rendering of a rejected value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

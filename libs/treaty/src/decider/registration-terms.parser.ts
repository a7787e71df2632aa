import {
  CLAUSE_LIMITS,
  DEPOSITARY_REFERENCE_PATTERN,
  RELATION_TYPES,
  TREATY_KINDS,
  UNTS_NUMBER_PATTERN,
  WIKIDATA_ID_PATTERN,
  type EntryIntoForceClause,
  type TreatyIdentifiers,
  type TreatyRelation,
} from '../law/treaty-law.vocabulary';
import { isPlainRecord, withoutUndefined } from '../plain-data';
import type { RegisterTreaty } from '../treaty.commands';
import type { TreatyRegistered } from '../treaty.events';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import { describe, optionalText, requireTreatyId, INPUT_LIMITS } from './input-validation';
import { optionalUrl } from './report-parts.validation';
import { requireOneOf } from './treaty-law-report.parser';

type Terms = Omit<TreatyRegistered['data'], 'treatyId' | 'title' | 'parties' | 'category'>;

/** The optional terms of a registration: kind, depositary, clauses, identifiers, relations. Absent stays absent. */
export function parseRegistrationTerms(data: RegisterTreaty['data']): Terms {
  const treatyId = data.treatyId;
  return withoutUndefined({
    kind: data.kind === undefined || data.kind === null ? undefined : requireOneOf(data.kind, 'kind', TREATY_KINDS),
    depositary: optionalText(data.depositary, 'depositary', INPUT_LIMITS.name),
    entryIntoForce:
      data.entryIntoForce === undefined || data.entryIntoForce === null ? undefined : clause(data.entryIntoForce),
    ...withdrawalNoticeOf(data),
    identifiers:
      data.identifiers === undefined || data.identifiers === null ? undefined : identifiers(data.identifiers),
    relations:
      data.relations === undefined || data.relations === null ? undefined : relations(data.relations, treatyId),
  });
}

function clause(value: unknown): EntryIntoForceClause {
  if (!isPlainRecord(value)) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      'entryIntoForce must be { instrumentsRequired, daysAfter | monthsAfter | yearsAfter, firstDayOfFollowingMonth? }',
      'entryIntoForce',
    );
  }
  const instrumentsRequired = count(
    value['instrumentsRequired'],
    'entryIntoForce.instrumentsRequired',
    1,
    CLAUSE_LIMITS.instrumentsRequired,
  );
  const period = periodOf(value, 'entryIntoForce', ['daysAfter', 'monthsAfter', 'yearsAfter']);
  return withoutUndefined({
    instrumentsRequired,
    daysAfter: period.unit === 'days' ? period.length : undefined,
    monthsAfter: period.unit === 'months' ? period.length : undefined,
    yearsAfter: period.unit === 'years' ? period.length : undefined,
    firstDayOfFollowingMonth: period.firstDayOfFollowingMonth,
  });
}

/**
 * The notice of withdrawal: `withdrawalNoticeDays` as before, or `withdrawalNotice` in days, months or years, perhaps
 * to the first day of the following month (decision 0063), not both. A notice of days alone is recorded as
 * `withdrawalNoticeDays` however it was written, so that one meaning has one form in the log.
 */
function withdrawalNoticeOf(data: RegisterTreaty['data']): Pick<Terms, 'withdrawalNoticeDays' | 'withdrawalNotice'> {
  const days = data.withdrawalNoticeDays;
  const notice = data.withdrawalNotice;
  const hasDays = days !== undefined && days !== null;
  if (notice === undefined || notice === null) {
    return hasDays ? { withdrawalNoticeDays: count(days, 'withdrawalNoticeDays', 0, CLAUSE_LIMITS.days) } : {};
  }
  if (hasDays) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      'give the notice of withdrawal as withdrawalNoticeDays or as withdrawalNotice, not both',
      'withdrawalNotice',
    );
  }
  if (!isPlainRecord(notice)) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      'withdrawalNotice must be { days | months | years, firstDayOfFollowingMonth? }',
      'withdrawalNotice',
    );
  }
  const period = periodOf(notice, 'withdrawalNotice', ['days', 'months', 'years']);
  if (period.unit === 'days' && period.firstDayOfFollowingMonth === undefined) {
    return { withdrawalNoticeDays: period.length };
  }
  return {
    withdrawalNotice: withoutUndefined({
      days: period.unit === 'days' ? period.length : undefined,
      months: period.unit === 'months' ? period.length : undefined,
      years: period.unit === 'years' ? period.length : undefined,
      firstDayOfFollowingMonth: period.firstDayOfFollowingMonth,
    }),
  };
}

/**
 * A clause's period: exactly one of its three lengths (`names`: the days, months and years fields), each a whole
 * number within CLAUSE_LIMITS (months and years from 1: no months is written as no days), and whether it runs to the
 * first day of the following month (`true` kept, `false` or absent dropped).
 */
function periodOf(
  value: Readonly<Record<string, unknown>>,
  field: string,
  names: readonly [days: string, months: string, years: string],
): { length: number; unit: 'days' | 'months' | 'years'; firstDayOfFollowingMonth: true | undefined } {
  const given = names.filter((name) => value[name] !== undefined && value[name] !== null);
  if (given.length === 0) {
    throw new TreatyRuleViolation(
      'MISSING_FIELD',
      `${field} needs its period: one of ${names.join(', ')}`,
      `${field}.${names[0]}`,
    );
  }
  if (given.length > 1) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `${field} takes one period, in one of ${names.join(', ')}; got ${given.join(' and ')}`,
      field,
    );
  }
  const name = given[0]!;
  const unit = name === names[0] ? 'days' : name === names[1] ? 'months' : 'years';
  const length = count(value[name], `${field}.${name}`, unit === 'days' ? 0 : 1, CLAUSE_LIMITS[unit]);
  const flag = value['firstDayOfFollowingMonth'];
  if (flag !== undefined && flag !== null && typeof flag !== 'boolean') {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `${field}.firstDayOfFollowingMonth must be true or false; got ${describe(flag)}`,
      `${field}.firstDayOfFollowingMonth`,
    );
  }
  return { length, unit, firstDayOfFollowingMonth: flag === true ? true : undefined };
}

function count(value: unknown, field: string, min: number, max: number): number {
  if (value === undefined || value === null)
    throw new TreatyRuleViolation('MISSING_FIELD', `${field} is required`, field);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `${field} must be a whole number from ${min} to ${max}; got ${describe(value)}`,
      field,
    );
  }
  return value;
}

function identifiers(value: unknown): TreatyIdentifiers | undefined {
  if (!isPlainRecord(value)) {
    throw new TreatyRuleViolation('INVALID_IDENTIFIER', 'identifiers must be an object', 'identifiers');
  }
  const unknownKey = Object.keys(value).find(
    (key) => !['untsNumber', 'depositaryReference', 'wikidataId', 'officialTextUrl'].includes(key),
  );
  if (unknownKey !== undefined) {
    throw new TreatyRuleViolation(
      'INVALID_IDENTIFIER',
      `identifiers.${unknownKey} is not an identifier this record keeps`,
      `identifiers.${unknownKey}`,
    );
  }
  const checked = withoutUndefined({
    untsNumber: matching(
      value['untsNumber'],
      'untsNumber',
      UNTS_NUMBER_PATTERN,
      'a UNTS registration number such as 54321 or I-54321',
    ),
    depositaryReference: matching(
      value['depositaryReference'],
      'depositaryReference',
      DEPOSITARY_REFERENCE_PATTERN,
      "the depositary's reference, such as XXVII-10",
    ),
    wikidataId: matching(value['wikidataId'], 'wikidataId', WIKIDATA_ID_PATTERN, 'a Wikidata item id: Q and digits'),
    officialTextUrl: officialTextUrl(value['officialTextUrl']),
  });
  return Object.keys(checked).length > 0 ? checked : undefined;
}

function matching(value: unknown, name: string, pattern: RegExp, what: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new TreatyRuleViolation(
      'INVALID_IDENTIFIER',
      `identifiers.${name} must be ${what}; got ${describe(value)}`,
      `identifiers.${name}`,
    );
  }
  return value;
}

function officialTextUrl(value: unknown): string | undefined {
  try {
    return optionalUrl(value, 'identifiers.officialTextUrl');
  } catch (error) {
    if (error instanceof TreatyRuleViolation && error.code === 'INVALID_FIELD') {
      throw new TreatyRuleViolation('INVALID_IDENTIFIER', error.message, error.field);
    }
    throw error;
  }
}

function relations(value: unknown, treatyId: string): TreatyRelation[] | undefined {
  if (!Array.isArray(value) || value.length > INPUT_LIMITS.links) {
    throw new TreatyRuleViolation(
      'INVALID_RELATION',
      `relations must be a list of at most ${INPUT_LIMITS.links} { type, treatyId }`,
      'relations',
    );
  }
  const checked = value.map((relation: unknown, index): TreatyRelation => {
    const field = `relations[${index}]`;
    if (!isPlainRecord(relation)) {
      throw new TreatyRuleViolation('INVALID_RELATION', `${field} must be { type, treatyId }`, field);
    }
    const other = requireTreatyId(relation['treatyId'], `${field}.treatyId`);
    if (other === treatyId) {
      throw new TreatyRuleViolation(
        'INVALID_RELATION',
        `${field}.treatyId: a treaty cannot relate to itself`,
        `${field}.treatyId`,
      );
    }
    return { type: requireOneOf(relation['type'], `${field}.type`, RELATION_TYPES), treatyId: other };
  });
  const duplicate = checked.find(
    (relation, index) =>
      checked.findIndex((other) => other.type === relation.type && other.treatyId === relation.treatyId) !== index,
  );
  if (duplicate) {
    throw new TreatyRuleViolation(
      'INVALID_RELATION',
      `relations lists ${duplicate.type} ${duplicate.treatyId} twice`,
      'relations',
    );
  }
  return checked.length > 0 ? checked : undefined;
}

import type { Development } from '../development';
import { DEVELOPMENT_TYPES, isDevelopmentType, REPORT_DETAIL_FIELDS, reportFieldsOf } from '../development-type';
import { LEGISLATIVE_STAGES } from '../law/treaty-law.vocabulary';
import { isPlainRecord, withoutUndefined } from '../plain-data';
import type { Source } from '../treaty.events';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import {
  describe,
  optionalText,
  requirePartialDate,
  requirePartyCode,
  requireText,
  INPUT_LIMITS,
} from './input-validation';
import { requireSignatories, requireSource, requireVotes } from './report-parts.validation';
import { requireOneOf, treatyLawDetailsOf } from './treaty-law-report.parser';

const DETAIL_FIELDS: readonly string[] = REPORT_DETAIL_FIELDS;
const REPORT_FIELDS = new Set<string>(['type', 'occurredOn', 'source', ...DETAIL_FIELDS]);

/**
 * Turns a reported development (the API body) into a checked Development and its Source. Only the shape is checked
 * here; whether it fits the record (parties, dates, termination) is the decision's business.
 */
export function parseDevelopmentReport(input: unknown): { development: Development; source: Source } {
  if (!isPlainRecord(input)) {
    throw new TreatyRuleViolation('MISSING_FIELD', 'development is required', 'development');
  }
  // JSON clients send null for "not given"; it means the same as leaving the field out.
  const report = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== null));
  const type = report['type'];
  if (type === undefined || type === null || type === '') {
    throw new TreatyRuleViolation('MISSING_FIELD', `type is required: one of ${DEVELOPMENT_TYPES.join(', ')}`, 'type');
  }
  if (!isDevelopmentType(type)) {
    throw new TreatyRuleViolation(
      'UNKNOWN_DEVELOPMENT_TYPE',
      `type ${describe(type)} is not a development type; expected one of ${DEVELOPMENT_TYPES.join(', ')}`,
      'type',
    );
  }
  const applicable: readonly string[] = reportFieldsOf(type);
  for (const field of Object.keys(report)) {
    if (!REPORT_FIELDS.has(field)) {
      throw new TreatyRuleViolation('INVALID_FIELD', `${field} is not a field of a reported development`, field);
    }
    if (DETAIL_FIELDS.includes(field) && !applicable.includes(field)) {
      throw new TreatyRuleViolation('FIELD_NOT_APPLICABLE', `${field} does not apply to a ${type} development`, field);
    }
  }
  const occurredOn = requirePartialDate(report['occurredOn'], 'occurredOn');
  const source = requireSource(report['source'], 'source');
  return { development: detailsOf(type, occurredOn, report), source };
}

function detailsOf(
  type: Development['type'],
  occurredOn: string,
  report: Readonly<Record<string, unknown>>,
): Development {
  switch (type) {
    case 'signed':
      return withoutUndefined({
        type,
        occurredOn,
        party: report['party'] === undefined ? undefined : requirePartyCode(report['party'], 'party'),
        place: optionalText(report['place'], 'place', INPUT_LIMITS.name),
        signatories:
          report['signatories'] === undefined ? undefined : requireSignatories(report['signatories'], 'signatories'),
      });
    case 'legislative-approval':
      return withoutUndefined({
        type,
        occurredOn,
        party: requirePartyCode(report['party'], 'party'),
        body: requireText(report['body'], 'body', INPUT_LIMITS.name),
        votes: report['votes'] === undefined ? undefined : requireVotes(report['votes'], 'votes'),
        stage: report['stage'] === undefined ? undefined : requireOneOf(report['stage'], 'stage', LEGISLATIVE_STAGES),
      });
    case 'ratification-completed':
    case 'withdrawn':
    case 'withdrawal-revoked':
      return { type, occurredOn, party: requirePartyCode(report['party'], 'party') };
    case 'entered-into-force':
    case 'suspended':
    case 'resumed':
      return withoutUndefined({
        type,
        occurredOn,
        party: report['party'] === undefined ? undefined : requirePartyCode(report['party'], 'party'),
      });
    case 'instruments-exchanged':
    case 'terminated':
      return { type, occurredOn };
    case 'consent-to-be-bound':
    case 'reservation':
    case 'declaration':
    case 'objection':
    case 'reservation-withdrawn':
    case 'objection-withdrawn':
    case 'provisional-application-started':
    case 'provisional-application-ended':
    case 'withdrawal-notified':
    case 'statement':
    case 'negotiations':
    case 'context':
      return treatyLawDetailsOf(type, occurredOn, report);
    default: {
      const unexpected: never = type;
      throw new Error(`Unexpected development type ${String(unexpected)}`);
    }
  }
}

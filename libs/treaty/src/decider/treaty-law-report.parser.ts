import type { Development } from '../development';
import { CONSENT_TYPES, NEGOTIATION_STAGES } from '../law/treaty-law.vocabulary';
import { withoutUndefined } from '../plain-data';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import {
  describe,
  optionalText,
  requirePartialDate,
  requirePartyCode,
  requireText,
  requireTreatyId,
  INPUT_LIMITS,
} from './input-validation';

type TreatyLawType = Extract<
  Development['type'],
  | 'consent-to-be-bound'
  | 'reservation'
  | 'declaration'
  | 'objection'
  | 'reservation-withdrawn'
  | 'objection-withdrawn'
  | 'provisional-application-started'
  | 'provisional-application-ended'
  | 'withdrawal-notified'
  | 'statement'
  | 'negotiations'
  | 'context'
>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The details of the development types that treaty law and diplomacy add; shape only, as for the others. */
export function treatyLawDetailsOf(
  type: TreatyLawType,
  occurredOn: string,
  report: Readonly<Record<string, unknown>>,
): Development {
  const party = () => requirePartyCode(report['party'], 'party');
  switch (type) {
    case 'consent-to-be-bound': {
      const consentType = requireOneOf(report['consentType'], 'consentType', CONSENT_TYPES);
      const successionOn =
        report['successionOn'] === undefined ? undefined : requirePartialDate(report['successionOn'], 'successionOn');
      if (successionOn !== undefined && consentType !== 'succession') {
        throw new TreatyRuleViolation(
          'FIELD_NOT_APPLICABLE',
          `successionOn (the date of the succession of States) applies to a consent by succession, not by ${consentType}`,
          'successionOn',
        );
      }
      return withoutUndefined({ type, occurredOn, party: party(), consentType, successionOn });
    }
    case 'reservation':
      return withoutUndefined({
        type,
        occurredOn,
        party: party(),
        text: optionalText(report['text'], 'text', INPUT_LIMITS.quote),
        confirmsReservationId: optionalDevelopmentId(report['confirmsReservationId'], 'confirmsReservationId'),
      });
    case 'declaration':
      return withoutUndefined({
        type,
        occurredOn,
        party: party(),
        text: optionalText(report['text'], 'text', INPUT_LIMITS.quote),
      });
    case 'objection':
      return withoutUndefined({
        type,
        occurredOn,
        party: party(),
        againstParty: requirePartyCode(report['againstParty'], 'againstParty'),
        reservationId: optionalDevelopmentId(report['reservationId'], 'reservationId'),
        text: optionalText(report['text'], 'text', INPUT_LIMITS.quote),
      });
    case 'reservation-withdrawn':
      return withoutUndefined({
        type,
        occurredOn,
        party: party(),
        reservationId: optionalDevelopmentId(report['reservationId'], 'reservationId'),
      });
    case 'objection-withdrawn':
      return {
        type,
        occurredOn,
        party: party(),
        againstParty: requirePartyCode(report['againstParty'], 'againstParty'),
      };
    case 'provisional-application-started':
    case 'provisional-application-ended':
      return { type, occurredOn, party: party() };
    case 'withdrawal-notified':
      return withoutUndefined({
        type,
        occurredOn,
        party: party(),
        effectiveOn:
          report['effectiveOn'] === undefined ? undefined : requirePartialDate(report['effectiveOn'], 'effectiveOn'),
      });
    case 'statement':
      return withoutUndefined({
        type,
        occurredOn,
        speaker: requireText(report['speaker'], 'speaker', INPUT_LIMITS.name),
        quote: requireVerbatim(report['quote'], 'quote'),
        treaties: optionalList(report['treaties'], 'treaties', requireTreatyId),
        parties: optionalList(report['parties'], 'parties', requirePartyCode),
      });
    case 'negotiations': {
      const participants = optionalList(report['participants'], 'participants', requirePartyCode);
      if (participants === undefined || participants.length === 0) {
        throw new TreatyRuleViolation(
          'MISSING_FIELD',
          'participants is required: the parties taking part',
          'participants',
        );
      }
      return withoutUndefined({
        type,
        occurredOn,
        stage: requireOneOf(report['stage'], 'stage', NEGOTIATION_STAGES),
        participants,
        treaties: optionalList(report['treaties'], 'treaties', requireTreatyId),
      });
    }
    case 'context':
      return withoutUndefined({
        type,
        occurredOn,
        summary: requireText(report['summary'], 'summary', INPUT_LIMITS.reason),
        treaties: optionalList(report['treaties'], 'treaties', requireTreatyId),
        parties: optionalList(report['parties'], 'parties', requirePartyCode),
      });
    default: {
      const unexpected: never = type;
      throw new Error(`Unexpected development type ${String(unexpected)}`);
    }
  }
}

export function requireOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (value === undefined || value === null || value === '') {
    throw new TreatyRuleViolation('MISSING_FIELD', `${field} is required: one of ${allowed.join(', ')}`, field);
  }
  const known = allowed.find((candidate) => candidate === value);
  if (known === undefined) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `${field} must be one of ${allowed.join(', ')}; got ${describe(value)}`,
      field,
    );
  }
  return known;
}

function optionalDevelopmentId(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `${field} must be the developmentId (a UUID) of a reservation; got ${describe(value)}`,
      field,
    );
  }
  return value.toLowerCase();
}

/** A list of distinct checked values; undefined when absent. */
function optionalList(
  value: unknown,
  field: string,
  check: (item: unknown, field: string) => string,
): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length > INPUT_LIMITS.links) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `${field} must be a list of at most ${INPUT_LIMITS.links} entries`,
      field,
    );
  }
  const items = value.map((item, index) => check(item, `${field}[${index}]`));
  const duplicate = items.find((item, index) => items.indexOf(item) !== index);
  if (duplicate !== undefined) {
    throw new TreatyRuleViolation('INVALID_FIELD', `${field} lists ${duplicate} more than once`, field);
  }
  return items.length > 0 ? items : undefined;
}

// A quote is evidence: kept exactly as given, not trimmed.
function requireVerbatim(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '') {
    throw new TreatyRuleViolation('MISSING_FIELD', `${field} is required: what was said, verbatim`, field);
  }
  if (typeof value !== 'string' || value.trim() === '' || value.length > INPUT_LIMITS.quote) {
    throw new TreatyRuleViolation(
      'INVALID_FIELD',
      `${field} must be a non-blank string of at most ${INPUT_LIMITS.quote} characters`,
      field,
    );
  }
  return value;
}

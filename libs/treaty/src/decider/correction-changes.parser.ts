import { fieldsOf, isOptionalField, type DevelopmentField, type DevelopmentType } from '../development-type';
import { LEGISLATIVE_STAGES } from '../law/treaty-law.vocabulary';
import { isPlainRecord } from '../plain-data';
import type { DevelopmentChanges } from '../treaty.events';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import { requirePartialDate, requirePartyCode, requireText, INPUT_LIMITS } from './input-validation';
import { requireSignatories, requireVotes } from './report-parts.validation';
import { requireOneOf } from './treaty-law-report.parser';

type MutableChanges = { -readonly [Field in keyof DevelopmentChanges]: DevelopmentChanges[Field] };

/** Checks a correction's `changes` against the fields the corrected development's type has. */
export function parseCorrectionChanges(value: unknown, type: DevelopmentType): DevelopmentChanges {
  if (value === undefined || value === null) {
    throw new TreatyRuleViolation(
      'EMPTY_CORRECTION',
      'changes is required: the fields to correct and their new values',
      'changes',
    );
  }
  if (!isPlainRecord(value)) {
    throw new TreatyRuleViolation(
      'INVALID_CORRECTION',
      'changes must be an object of field names and new values',
      'changes',
    );
  }
  const entries = Object.entries(value).filter(([, change]) => change !== undefined);
  if (entries.length === 0) {
    throw new TreatyRuleViolation('EMPTY_CORRECTION', 'changes names no field to correct', 'changes');
  }
  const applicable = fieldsOf(type);
  const changes: MutableChanges = {};
  for (const [name, change] of entries) {
    const field = `changes.${name}`;
    if (name === 'type') {
      throw new TreatyRuleViolation(
        'INVALID_CORRECTION',
        `${field}: the type of a development cannot be corrected; retract it and report the right development`,
        field,
      );
    }
    if (name === 'source') {
      throw new TreatyRuleViolation(
        'INVALID_CORRECTION',
        `${field}: a report's source is history and cannot be corrected; the correction carries its own source`,
        field,
      );
    }
    if (!applicable.includes(name as DevelopmentField)) {
      throw new TreatyRuleViolation(
        'INVALID_CORRECTION',
        `${field} does not apply to a ${type} development (it has ${applicable.join(', ')})`,
        field,
      );
    }
    const known = name as DevelopmentField;
    if (change === null && !isOptionalField(known)) {
      throw new TreatyRuleViolation('INVALID_CORRECTION', `${field} is required and cannot be cleared`, field);
    }
    setChange(changes, known, change, field);
  }
  return changes;
}

function setChange(changes: MutableChanges, name: DevelopmentField, change: unknown, field: string): void {
  switch (name) {
    case 'occurredOn':
      changes.occurredOn = requirePartialDate(change, field);
      return;
    case 'party':
      changes.party = requirePartyCode(change, field);
      return;
    case 'body':
      changes.body = requireText(change, field, INPUT_LIMITS.name);
      return;
    case 'place':
      changes.place = change === null ? null : requireText(change, field, INPUT_LIMITS.name);
      return;
    case 'signatories':
      changes.signatories = change === null ? null : requireSignatories(change, field);
      return;
    case 'votes':
      changes.votes = change === null ? null : requireVotes(change, field);
      return;
    case 'stage':
      changes.stage = change === null ? null : requireOneOf(change, field, LEGISLATIVE_STAGES);
      return;
    case 'effectiveOn':
      changes.effectiveOn = change === null ? null : requirePartialDate(change, field);
      return;
    case 'successionOn':
      changes.successionOn = change === null ? null : requirePartialDate(change, field);
      return;
    default: {
      const unexpected: never = name;
      throw new Error(`Unexpected development field ${String(unexpected)}`);
    }
  }
}

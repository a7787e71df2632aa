import type { Development } from '../development';
import { fieldsOf, isOptionalField, type DevelopmentField } from '../development-type';
import { LEGISLATIVE_STAGES } from '../law/treaty-law.vocabulary';
import { isPlainRecord, withoutUndefined } from '../plain-data';
import type { VoteCountChanges } from '../treaty.commands';
import type { DevelopmentChanges, Votes } from '../treaty.events';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import { requirePartialDate, requirePartyCode, requireText, INPUT_LIMITS } from './input-validation';
import { requireSignatories, requireVoteCountChanges } from './report-parts.validation';
import { requireOneOf } from './treaty-law-report.parser';

type MutableChanges = { -readonly [Field in keyof DevelopmentChanges]: DevelopmentChanges[Field] };

/**
 * Checks a correction's `changes` against the fields the corrected development's type has, and returns what the
 * correction records: the new value of each field it names. Vote counts it does not name are carried over from the
 * development as recorded (decision 0029).
 */
export function parseCorrectionChanges(value: unknown, target: Development): DevelopmentChanges {
  const { type } = target;
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
    setChange(changes, known, change, field, target);
  }
  return changes;
}

function setChange(
  changes: MutableChanges,
  name: DevelopmentField,
  change: unknown,
  field: string,
  target: Development,
): void {
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
      changes.votes = change === null ? null : votesAfter(requireVoteCountChanges(change, field), votesOf(target));
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

function votesOf(development: Development): Votes | undefined {
  return development.type === 'legislative-approval' ? development.votes : undefined;
}

/** The counts as recorded with the named ones changed; `null` once no count is left. */
function votesAfter(named: VoteCountChanges, recorded: Votes | undefined): Votes | null {
  const votes = withoutUndefined({
    for: countAfter(named.for, recorded?.for),
    against: countAfter(named.against, recorded?.against),
    abstained: countAfter(named.abstained, recorded?.abstained),
  });
  return Object.keys(votes).length === 0 ? null : votes;
}

function countAfter(named: number | null | undefined, recorded: number | undefined): number | undefined {
  if (named === undefined) return recorded;
  return named ?? undefined;
}

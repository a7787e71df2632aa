import type { DecisionContext, RetractDevelopment } from '../treaty.commands';
import type { DevelopmentRetracted } from '../treaty.events';
import { requireDevelopmentOnRecord, requireRegistered } from './decision-guards';
import { requireEventId, requireText, INPUT_LIMITS } from './input-validation';
import { requireSource } from './report-parts.validation';
import { assertSourceNotInFuture, requireToday } from './record-rules';
import { assertRetractionLeavesRecordWhole } from './retraction-rules';
import { developmentsOnRecord, type TreatyState } from './treaty.state';
import { assertRevocationsStillHold } from './withdrawal-revocation-rules';

/**
 * A retraction takes a development (with its corrections and corroborations) off the record without erasing it:
 * the views still show it, marked. Retracting the termination reopens the treaty to new reports. A notice of withdrawal
 * that a revocation on record revokes is retracted after the revocation (withdrawal-revocation-rules.ts), and a
 * reservation or objection after the reports that depend on it (retraction-rules.ts).
 */
export function retractDevelopment(
  command: RetractDevelopment,
  state: TreatyState,
  context: DecisionContext,
): DevelopmentRetracted {
  const treaty = requireRegistered(state);
  const today = requireToday(context);
  const { data } = command;
  requireEventId(data.eventId, 'eventId');
  const target = requireDevelopmentOnRecord(treaty, data.developmentId);
  const reason = requireText(data.reason, 'reason', INPUT_LIMITS.reason);
  const source = requireSource(data.source, 'source');
  assertSourceNotInFuture(source, today);
  // Fixing the record is always allowed, but not into a revocation of a notice no longer on record, or of one that
  // then took effect before it (a notice's other report, a consent that made the state bound): retract that first.
  const others = developmentsOnRecord(treaty).filter((other) => other.developmentId !== target.developmentId);
  assertRevocationsStillHold(others, treaty.treaty, 'developmentId');
  assertRetractionLeavesRecordWhole(target, others);
  return {
    type: 'DevelopmentRetracted',
    data: { treatyId: treaty.treaty.treatyId, developmentId: target.developmentId, reason, source },
  };
}

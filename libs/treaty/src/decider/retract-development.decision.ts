import type { DecisionContext, RetractDevelopment } from '../treaty.commands';
import type { DevelopmentRetracted } from '../treaty.events';
import { requireDevelopmentOnRecord, requireRegistered } from './decision-guards';
import { requireEventId, requireText, INPUT_LIMITS } from './input-validation';
import { requireSource } from './report-parts.validation';
import { assertSourceNotInFuture, requireToday } from './record-rules';
import type { TreatyState } from './treaty.state';

/**
 * A retraction takes a development (with its corrections and corroborations) off the record without erasing it:
 * the views still show it, marked. Retracting the termination reopens the treaty to new reports.
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
  return {
    type: 'DevelopmentRetracted',
    data: { treatyId: treaty.treaty.treatyId, developmentId: target.developmentId, reason, source },
  };
}

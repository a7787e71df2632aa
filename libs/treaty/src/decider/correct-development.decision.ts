import { applyChanges, type Development } from '../development';
import { plainEqual } from '../plain-data';
import type { CorrectDevelopment, DecisionContext } from '../treaty.commands';
import type { DevelopmentCorrected } from '../treaty.events';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import { parseCorrectionChanges } from './correction-changes.parser';
import { requireDevelopmentOnRecord, requireRegistered } from './decision-guards';
import { requireEventId, requireText, INPUT_LIMITS } from './input-validation';
import { requireSource } from './report-parts.validation';
import {
  assertFitsRecord,
  assertSourceNotBefore,
  assertSourceNotInFuture,
  recordBeside,
  requireToday,
} from './record-rules';
import { assertNamedActsStillFollow } from './reservation-order-rules';
import { assertBeforeTermination, assertNoActAfterTermination } from './termination-rules';
import { assertConfirmationsStillFit, assertObjectionWithdrawalsStillFollow } from './treaty-law-rules';
import { recordIndexOf, type RecordIndex } from './record-index';
import { onAgreeingDate, reportsOfSameAct } from './same-act-on-record';
import { developmentsOnRecord, type TreatyState } from './treaty.state';
import { assertRevocationsStillHold } from './withdrawal-revocation-rules';

/**
 * A correction changes fields of a development on record; the latest value of a field wins. Accepted after a
 * termination too, because fixing the record is always allowed; but a legal act is not moved past the termination,
 * nor the termination before an act (termination-rules.ts). The corrected development must still fit the record.
 */
export function correctDevelopment(
  command: CorrectDevelopment,
  state: TreatyState,
  context: DecisionContext,
): DevelopmentCorrected {
  const treaty = requireRegistered(state);
  const today = requireToday(context);
  const { data } = command;
  requireEventId(data.eventId, 'eventId');
  const target = requireDevelopmentOnRecord(treaty, data.developmentId);
  const changes = parseCorrectionChanges(data.changes, target.current);
  const reason = requireText(data.reason, 'reason', INPUT_LIMITS.reason);
  const source = requireSource(data.source, 'source');
  assertSourceNotInFuture(source, today);

  const corrected = applyChanges(target.current, changes);
  if (plainEqual(corrected, target.current)) {
    throw new TreatyRuleViolation(
      'EMPTY_CORRECTION',
      `changes would leave development ${target.developmentId} as it is on record`,
      'changes',
    );
  }
  const others = developmentsOnRecord(treaty).filter((other) => other.developmentId !== target.developmentId);
  namingWhatWasSent(changes, () => {
    assertFitsRecord(corrected, treaty.treaty, recordBeside(treaty.treaty, others), today, 'changes.');
    assertSourceNotBefore(corrected, source, 'source', 'changes.');
    assertConfirmationsStillFit(target.developmentId, corrected, others, 'changes.');
    assertNamedActsStillFollow(target.developmentId, corrected, others, 'changes.');
    assertObjectionWithdrawalsStillFollow(target.developmentId, corrected, others, 'changes.');
    assertBeforeTermination(corrected, treaty.treaty.treatyId, others, 'changes.');
    assertNoActAfterTermination(corrected, others, 'changes.');
    assertRevocationsStillHold(
      [...others, { developmentId: target.developmentId, current: corrected }],
      treaty.treaty,
      `changes.${Object.keys(changes)[0] ?? 'occurredOn'}`,
    );
    assertNotAnotherRecordOf(target.developmentId, corrected, recordIndexOf(treaty));
  });
  return {
    type: 'DevelopmentCorrected',
    data: { treatyId: treaty.treaty.treatyId, developmentId: target.developmentId, changes, reason, source },
  };
}

/**
 * The rules name the field of the development that breaks them, which need not be one the correction sent: an
 * objection's `party` corrected to the reserving state breaks the rule on `againstParty`, a notice's `occurredOn`
 * moved past its `effectiveOn` the rule on `effectiveOn`. A client is told the field it sent: the one it changed, or
 * `changes` when it changed several.
 */
function namingWhatWasSent(changes: Record<string, unknown>, check: () => void): void {
  try {
    check();
  } catch (error) {
    const sent = Object.keys(changes);
    const field = error instanceof TreatyRuleViolation ? error.field : undefined;
    const named = field?.startsWith('changes.') ? /^changes\.([^.[]+)/.exec(field)?.[1] : undefined;
    if (named === undefined || sent.includes(named)) throw error;
    const violation = error as TreatyRuleViolation;
    throw new TreatyRuleViolation(
      violation.code,
      violation.message,
      sent.length === 1 ? `changes.${sent[0]}` : 'changes',
    );
  }
}

/**
 * A correction must not make a development a second record of another: a disagreeing report corrected onto the
 * other's date, or a vote moved to the chamber whose vote is on record. The two would then both be on record as one
 * act, listed twice in a party's steps, its sources split between them; a report so would have been a corroboration
 * (the same match: `reportsOfSameAct`). The report that was wrong is retracted instead; the one on record keeps its
 * sources.
 */
function assertNotAnotherRecordOf(developmentId: string, corrected: Development, record: RecordIndex): void {
  const same = onAgreeingDate(reportsOfSameAct(record, corrected), corrected).find(
    (other) => other.developmentId !== developmentId,
  );
  if (same === undefined) return;
  throw new TreatyRuleViolation(
    'DEVELOPMENT_ALREADY_ON_RECORD',
    `corrected so, development ${developmentId} would be a second record of development ${same.developmentId} (the same ${corrected.type}, on an agreeing date): retract ${developmentId} instead; ${same.developmentId} keeps its sources`,
    'changes',
  );
}

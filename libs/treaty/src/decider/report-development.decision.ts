import { developmentEvent, type Development } from '../development';
import { isDiplomacy, isRepeatable } from '../development-type';
import type { LegislativeStage } from '../law/treaty-law.vocabulary';
import { comparePartialDates } from '../partial-date';
import { plainEqual, withoutUndefined } from '../plain-data';
import type { DecisionContext, ReportDevelopment } from '../treaty.commands';
import type { DevelopmentCorroborated, DevelopmentEvent, Source } from '../treaty.events';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import { requireRegistered } from './decision-guards';
import { parseDevelopmentReport } from './development-report.parser';
import { detailsNotOnRecord } from './details-not-on-record';
import { requireEventId } from './input-validation';
import { assertFitsRecord, assertSourceNotBefore, assertSourceNotInFuture, requireToday } from './record-rules';
import { recordIndexOf } from './record-index';
import { onAgreeingDate, reportsOfSameAct } from './same-act-on-record';
import { assertNoActAfterTermination } from './termination-rules';
import type { DevelopmentOnRecord, TreatyState } from './treaty.state';
import { assertRevocationsStillHold } from './withdrawal-revocation-rules';

/**
 * News arrives late, out of order and incomplete, so a report is accepted in any order and refused only when it
 * contradicts the record. A report of a development already on record becomes a corroboration of it when its date
 * agrees; otherwise it is kept beside the others as a second, disagreeing report until an editor corrects or retracts
 * one of them. The date alone decides, whoever the source: a source that reports another date than it did before
 * has changed its account, and that is a disagreement to show, not a confirmation.
 */
export function reportDevelopment(
  command: ReportDevelopment,
  state: TreatyState,
  context: DecisionContext,
): DevelopmentEvent | DevelopmentCorroborated {
  const treaty = requireRegistered(state);
  const today = requireToday(context);
  const eventId = requireEventId(command.data.eventId, 'eventId');
  const { development, source } = parseDevelopmentReport(command.data.development);
  const record = recordIndexOf(treaty);
  // What is said about a terminated treaty is still part of its story, and so are the acts before its end, which
  // a backfill reports late; a legal act not known to come before the termination is not.
  if (treaty.status === 'terminated' && !isDiplomacy(development.type)) {
    const ends = record.onRecord.filter((other) => treaty.terminationIds.includes(other.developmentId));
    if (!ends.every((end) => comparePartialDates(development.occurredOn, end.current.occurredOn) < 0)) {
      throw new TreatyRuleViolation(
        'TREATY_TERMINATED',
        `treaty ${treaty.treaty.treatyId} is terminated: only corrections and retractions are accepted, besides statements, negotiations, context and legal acts dated before the termination (retract the termination to lift this)`,
      );
    }
  }
  assertFitsRecord(development, treaty.treaty, record, today);
  assertNoActAfterTermination(development, record.onRecord);
  // A further notice, or a report that one took effect, may leave a revocation on record revoking one that had.
  if (development.type === 'withdrawal-notified' || development.type === 'withdrawn') {
    assertRevocationsStillHold(
      [...record.onRecord, { developmentId: eventId, current: development }],
      treaty.treaty,
      'occurredOn',
    );
  }
  assertSourceNotInFuture(source, today);
  assertSourceNotBefore(development, source);

  const reportsOfSame = reportsOfSameAct(record, development);
  const agreeing = onAgreeingDate(reportsOfSame, development);
  // Among reports that agree, the one this source already backs, so that a repeated report lands where it did.
  const corroborated =
    agreeing.find((other) => other.sources.some((known) => plainEqual(known, source))) ?? agreeing[0];
  const { treatyId } = treaty.treaty;
  if (corroborated) {
    const stage = readingNamedFor(corroborated.current, development);
    if (stage === undefined) refuseRepeatedReport(corroborated, development, source);
    refuseDetailsNotOnRecord(corroborated, development, stage === undefined ? undefined : 'stage');
    return {
      type: 'DevelopmentCorroborated',
      data: withoutUndefined({
        treatyId,
        developmentId: corroborated.developmentId,
        occurredOn: development.occurredOn,
        source,
        stage,
      }),
    };
  }
  // An act that recurs (a second suspension, another round of talks) is a new development, not a disagreement.
  const disagreesWith = isRepeatable(development.type) ? [] : reportsOfSame.map((other) => other.developmentId);
  return developmentEvent(
    development,
    withoutUndefined({
      treatyId,
      developmentId: eventId,
      source,
      disagreesWith: disagreesWith.length > 0 ? disagreesWith : undefined,
    }),
  );
}

/**
 * A source that already gave this development this date says nothing new when it says it again: a retry without an
 * Idempotency-Key, a batch that holds a line twice, an article read a second time. Recorded, it would be one more
 * corroboration with the same source, listed again in the timeline, its feed and its webhooks (decision 0040).
 */
function refuseRepeatedReport(onRecord: DevelopmentOnRecord, report: Development, source: Source): void {
  const repeated = onRecord.reports.some(
    (known) => known.occurredOn === report.occurredOn && plainEqual(known.source, source),
  );
  if (!repeated) return;
  throw new TreatyRuleViolation(
    'REPORT_ALREADY_RECORDED',
    `this source already reports this ${report.type} with occurredOn ${report.occurredOn} (development ${onRecord.developmentId}): nothing new to record (a corroboration adds only its source and date: to change the development's details, correct it). A retry of a write whose answer was lost gets that answer with the same Idempotency-Key`,
    'source',
  );
}

/**
 * A corroboration records its source and date, not the report's other details: a place, signatories or a vote count
 * the record lacks or holds otherwise would be dropped without a word, and the record would cite the source for
 * details it never gave. Such a report is refused, naming each detail, so the editor sends it without them or
 * corrects the development (decision 0041).
 */
function refuseDetailsNotOnRecord(onRecord: DevelopmentOnRecord, report: Development, added?: string): void {
  const missing = detailsNotOnRecord(onRecord.current, report, added);
  if (missing.length === 0) return;
  const listed = missing
    .map(
      ({ field, reported, onRecord: recorded }) =>
        `${field} ${JSON.stringify(reported)} (on record: ${recorded === undefined ? 'none' : JSON.stringify(recorded)})`,
    )
    .join(', ');
  throw new TreatyRuleViolation(
    'DETAILS_NOT_ON_RECORD',
    `this ${report.type} agrees in date with development ${onRecord.developmentId}, which a corroboration would add this source to; but a corroboration records only its source and date, so ${listed} would be lost. Send the report without ${missing.length === 1 ? 'it' : 'them'} to add this source, or correct the development to change its details`,
    missing[0]!.field,
  );
}

/** The decisive reading a report names for a chamber's vote on record without one: what its corroboration adds. */
function readingNamedFor(onRecord: Development, report: Development): LegislativeStage | undefined {
  if (onRecord.type !== 'legislative-approval' || onRecord.stage !== undefined) return undefined;
  return report.type === 'legislative-approval' ? report.stage : undefined;
}

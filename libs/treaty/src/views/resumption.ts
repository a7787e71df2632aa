import { partyOf } from '../development';
import { comparePartialDates } from '../partial-date';
import type { DevelopmentHistory } from './treaty-history';

/**
 * A resumption ends a suspension (VCLT art. 57-58, 72): the treaty operates again in the parties' mutual relations.
 * One that came when nothing of its scope stood suspended resumed nothing (decision 0098). The status view flags it, as
 * it flags a suspension that suspended nothing (decision 0085), and reads the status as it would without it.
 *
 * Read generously, since a warning must not cry wolf: a resumption of the whole treaty (no `party`) resumes a
 * suspension of the whole treaty or by any party (New START, suspended by Russia, was reported resumed as a whole);
 * one by a party resumes that party's suspension or the whole treaty's, for that party.
 */

/** Why a resumption resumed nothing, or null when it resumed a suspension that stood. */
export type ResumptionFault = {
  readonly code: 'RESUMPTION_BEFORE_ENTRY_INTO_FORCE' | 'RESUMPTION_WITHOUT_SUSPENSION';
  /** The latest suspension of its scope known to come before it, if any, and the resumption that ended it, if any. */
  readonly measuredAgainst: readonly string[];
};

/**
 * Whether `resumption` resumed a suspension on record: one that suspended something (`suspends`: the treaty operated
 * for its scope on its date, `operatingOn`), not known to come after the resumption, which no other resumption known
 * to come before this one had already ended. A resumption of the suspension's period is taken to follow it, as the
 * status reads it (`suspensionOf`). `operates` says whether the treaty operated for the resumption's own scope on its
 * date: one dated before the treaty was in force (or applied provisionally) is `RESUMPTION_BEFORE_ENTRY_INTO_FORCE`.
 */
export function resumptionFault(
  onRecord: readonly DevelopmentHistory[],
  resumption: DevelopmentHistory,
  suspends: (suspension: DevelopmentHistory) => boolean,
  operates: boolean,
): ResumptionFault | null {
  const on = resumption.current.occurredOn;
  const scope = partyOf(resumption.current) ?? null;
  // A whole-treaty resumption concerns any suspension; a party's, its own and the whole treaty's.
  const concerned = (report: DevelopmentHistory) => {
    const party = partyOf(report.current) ?? null;
    return scope === null || party === null || party === scope;
  };
  const suspensions = onRecord.filter(
    (report) =>
      report.current.type === 'suspended' &&
      concerned(report) &&
      comparePartialDates(report.current.occurredOn, on) <= 0,
  );
  // Another resumption that ended `suspension` before this one: of the whole treaty, or of the scope it suspended.
  const endedBefore = (suspension: DevelopmentHistory) =>
    onRecord.find((other) => {
      if (other === resumption || other.current.type !== 'resumed') return false;
      const party = partyOf(other.current) ?? null;
      return (
        (party === null || party === (partyOf(suspension.current) ?? scope)) &&
        comparePartialDates(other.current.occurredOn, suspension.current.occurredOn) >= 0 &&
        comparePartialDates(other.current.occurredOn, on) < 0
      );
    });
  if (suspensions.some((suspension) => suspends(suspension) && endedBefore(suspension) === undefined)) return null;
  const latest = suspensions.at(-1);
  const ended = latest === undefined ? undefined : endedBefore(latest);
  return {
    code: operates ? 'RESUMPTION_WITHOUT_SUSPENSION' : 'RESUMPTION_BEFORE_ENTRY_INTO_FORCE',
    measuredAgainst: [latest, ended].flatMap((report) => (report === undefined ? [] : [report.developmentId])),
  };
}

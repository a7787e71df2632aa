import { latestOccurrence, separatedByRejoining } from '../law/rejoining';
import { endOfPeriod, partialDatesAgree, startOfPeriod } from '../partial-date';
import type { DatesComeBy } from './dates-come-by';
import { reportsOf, type PartyWithdrawal } from './party-status';
import { representativeOf, type DevelopmentHistory } from './treaty-history';

/**
 * A party's notice of withdrawal gives the day it takes effect (reported with the notice, or the notice plus the
 * treaty's notice period); a report that the withdrawal took effect (`withdrawn`) may give another. The report wins in
 * the present, as a reported entry into force wins over the clause (decision 0007), and the two are a disagreement
 * between the record's sources, listed from the earlier of the two days on, at every `asOf`: a report dated after
 * `asOf` overrules the notice's effect on the days between (`overrules`), so a day between does not show the party
 * gone when the present says it left later. A notice whose possible days fall in two years is read against those
 * days: a report outside them disagrees, and overrules the notice's effect likewise (decision 0115).
 */
export type WithdrawalEffectDisagreement = {
  /** The notice, then the reports of the withdrawal's effect. */
  readonly developmentIds: readonly string[];
  /** The notice's effect, when computed from the notice period rather than reported with it. */
  readonly computedOn: string | null;
  /** The report of the effect is dated after `asOf`: the notice's effect is not in effect in this view. */
  readonly overrules: boolean;
};

export function withdrawalEffectDisagreement(
  onRecord: readonly DevelopmentHistory[],
  wholeRecord: readonly DevelopmentHistory[],
  party: string,
  notice: PartyWithdrawal,
  dates: DatesComeBy,
): WithdrawalEffectDisagreement | null {
  const { effectiveOn, effectiveBetween } = notice;
  // A notice whose possible days fall in two years shows no period: the report is read against those days, and the
  // effect has come once the last of them has (decision 0115).
  const comesBy = effectiveOn ?? effectiveBetween?.latest ?? null;
  if (comesBy === null) return null;
  const noticeReport = representativeOf(latestOccurrence(reportsOf(onRecord, 'withdrawal-notified', party), onRecord));
  if (noticeReport === undefined) return null;
  // Reports of the effect of this notice: none of the party's consents lies between the two (law/rejoining.ts).
  const effects = reportsOf(wholeRecord, 'withdrawn', party).filter(
    (report) => !separatedByRejoining(noticeReport.current, report.current, wholeRecord),
  );
  const effect = representativeOf(effects);
  if (effect === undefined || agrees(effect.current.occurredOn, notice)) return null;
  const reportOnRecord = onRecord.some((report) => report.developmentId === effect.developmentId);
  if (!reportOnRecord && !dates.hasCome(comesBy)) return null;
  return {
    developmentIds: [noticeReport.developmentId, ...effects.map((report) => report.developmentId)],
    computedOn: notice.effectiveOnComputed ? effectiveOn : null,
    overrules: !reportOnRecord,
  };
}

/**
 * Whether a report of the effect agrees with the notice's: with the period shown, else with the days it may fall on,
 * which the report's period must overlap.
 */
function agrees(reportedOn: string, { effectiveOn, effectiveBetween }: PartyWithdrawal): boolean {
  if (effectiveOn !== null) return partialDatesAgree(reportedOn, effectiveOn);
  return (
    effectiveBetween !== null &&
    startOfPeriod(reportedOn) <= effectiveBetween.latest &&
    endOfPeriod(reportedOn) >= effectiveBetween.earliest
  );
}

import { latestOccurrence, separatedByRejoining } from '../law/rejoining';
import { partialDatesAgree } from '../partial-date';
import type { DatesComeBy } from './dates-come-by';
import { reportsOf, type PartyWithdrawal } from './party-status';
import { representativeOf, type DevelopmentHistory } from './treaty-history';

/**
 * A party's notice of withdrawal gives the day it takes effect (reported with the notice, or the notice plus the
 * treaty's notice period); a report that the withdrawal took effect (`withdrawn`) may give another. The report wins in
 * the present, as a reported entry into force wins over the clause (decision 0007), and the two are a disagreement
 * between the record's sources, listed from the earlier of the two days on, at every `asOf`: a report dated after
 * `asOf` overrules the notice's effect on the days between (`overrules`), so a day between does not show the party
 * gone when the present says it left later.
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
  const { effectiveOn } = notice;
  if (effectiveOn === null) return null;
  const noticeReport = representativeOf(latestOccurrence(reportsOf(onRecord, 'withdrawal-notified', party), onRecord));
  if (noticeReport === undefined) return null;
  // Reports of the effect of this notice: none of the party's consents lies between the two (law/rejoining.ts).
  const effects = reportsOf(wholeRecord, 'withdrawn', party).filter(
    (report) => !separatedByRejoining(noticeReport.current, report.current, wholeRecord),
  );
  const effect = representativeOf(effects);
  if (effect === undefined || partialDatesAgree(effect.current.occurredOn, effectiveOn)) return null;
  const reportOnRecord = onRecord.some((report) => report.developmentId === effect.developmentId);
  if (!reportOnRecord && !dates.hasCome(effectiveOn)) return null;
  return {
    developmentIds: [noticeReport.developmentId, ...effects.map((report) => report.developmentId)],
    computedOn: notice.effectiveOnComputed ? effectiveOn : null,
    overrules: !reportOnRecord,
  };
}

import { partyOf } from '../development';
import type { ClausePeriod } from '../law/clause-period';
import type { TreatyKind } from '../law/treaty-law.vocabulary';
import { consentEstablishedOn } from '../law/established-consent';
import { occurrencesOf } from '../law/rejoining';
import { comparePartialDates, startOfPeriod } from '../partial-date';
import type { DatesComeBy } from './dates-come-by';
import { noticeEffect } from '../law/withdrawal-revocation';
import { consentRevokesNotice } from './earlier-withdrawals';
import { consentBindsBy, reportsOf, type PartyWithdrawal } from './party-status';
import { representativeOf, type DevelopmentHistory } from './treaty-history';

/**
 * A bilateral treaty has no parties left between whom it can operate once one of its two parties has withdrawn: it
 * ends, as a whole, on the day the first withdrawal takes effect (VCLT art. 54-56). A multilateral treaty does not
 * end because parties leave, even below the number its entry into force needed (art. 55). Computed from the record,
 * never stored: a correction or retraction of the withdrawal moves or lifts the end.
 */
export type BilateralEnding = {
  /** The day the withdrawal took effect. */
  readonly on: string;
  /** The party whose withdrawal ended the treaty. */
  readonly party: string;
  /**
   * Whether the withdrawal is reported (it has happened: a withdrawal, or a notice effective when given), rather than
   * a notice's later effect (which may lie ahead).
   */
  readonly reported: boolean;
};

/**
 * The end by withdrawal, or null: none took effect by the day `dates` reads them against (with none, every effect the
 * record determines counts, as for the other computed dates), or on or after `inForceOn`, the day the treaty entered
 * into force (null: it has not). A notice ends the treaty only if it stood when it took effect: a
 * consent of the party after the notification and by the effect revokes it (art. 68). A consent after the end does
 * not revive the treaty: a bilateral treaty that has ended is not rejoined, a new one is concluded.
 */
export function bilateralEndingOf(
  onRecord: readonly DevelopmentHistory[],
  parties: readonly string[],
  noticePeriod: ClausePeriod | undefined,
  dates: DatesComeBy,
  inForceOn: string | null,
  hasClause: boolean,
): BilateralEnding | null {
  // A treaty that never entered into force cannot end: a withdrawal that takes effect before it (a signatory saying it
  // will not become a party) means it will not enter into force (decision 0038), which the standing says.
  if (inForceOn === null) return null;
  let ending: BilateralEnding | null = null;
  for (const party of parties) {
    const terms = { hasClause, inForceSince: inForceOn, instrumentWithdrawn: false };
    for (const { on, by, reported } of withdrawalEffectsOf(onRecord, party, noticePeriod, terms)) {
      if (comparePartialDates(on, inForceOn) < 0) continue;
      // A reported withdrawal has happened (`onRecord` holds those by `asOf`); a notice's effect may lie ahead, and has
      // come once the last day it may fall on has (`by`), whatever coarser period `on` shows (decision 0105).
      if ((reported || dates.hasCome(by)) && (ending === null || startOfPeriod(on) < startOfPeriod(ending.on))) {
        ending = { on, party, reported };
      }
    }
  }
  return ending;
}

/** Each day a withdrawal of the party takes effect: a reported withdrawal, or a notice that was not revoked. */
function withdrawalEffectsOf(
  onRecord: readonly DevelopmentHistory[],
  party: string,
  noticePeriod: ClausePeriod | undefined,
  terms: Parameters<typeof consentBindsBy>[1],
): { readonly on: string; readonly by: string; readonly reported: boolean }[] {
  const consents = onRecord
    .filter(
      ({ current }) =>
        (current.type === 'consent-to-be-bound' || current.type === 'ratification-completed') &&
        partyOf(current) === party,
    )
    .map(({ current }) => current.occurredOn);
  // Bound by a date: the treaty in force by then (a bilateral treaty binds both or neither), or its consent by then
  // where that binds (`consentBindsBy`, as the party's standing reads it). Under a clause only an instrument binds: a
  // ratification completed at home from the exchange that followed it, not before (`consentEstablishedOn`, decision
  // 0101), so a notice given between the two is a state saying it will not become a party, effective when given.
  const inForce = onRecord
    .filter(({ current }) => current.type === 'entered-into-force')
    .map(({ current }) => current.occurredOn);
  const binding = terms.hasClause ? consentEstablishedOn(onRecord, party) : consents;
  const byThen = (date: string) => (on: string) => comparePartialDates(on, date) <= 0;
  const boundBy = (date: string) =>
    inForce.some(byThen(date)) || (consentBindsBy(date, terms) && binding.some(byThen(date)));
  const reported = occurrencesOf(reportsOf(onRecord, 'withdrawn', party), onRecord).flatMap((reports) => {
    const withdrawal = representativeOf(reports);
    return withdrawal ? [{ on: withdrawal.current.occurredOn, by: withdrawal.current.occurredOn, reported: true }] : [];
  });
  const notified = occurrencesOf(reportsOf(onRecord, 'withdrawal-notified', party), onRecord).flatMap((reports) => {
    const notice = representativeOf(reports);
    const effect = notice ? noticeEffect(notice.current, noticePeriod, boundBy(notice.current.occurredOn)) : null;
    const effectiveOn = effect?.on ?? null;
    if (notice === undefined || effect === null || effectiveOn === null) return [];
    // Revoked by a consent known to come before the first day the notice may take effect on, as the decider reads a
    // revocation (decisions 0062, 0105), read as the party's entry reads it (decision 0116).
    const revoked = consentRevokesNotice(onRecord, party, notice.current.occurredOn, effect.earliest);
    // Effective on the notification itself (a party not bound), it took effect when given, as the report says.
    return revoked ? [] : [{ on: effectiveOn, by: effect.latest, reported: effectiveOn === notice.current.occurredOn }];
  });
  return [...reported, ...notified];
}

/**
 * A party's notice as the views read it: a bilateral treaty ends with its party's withdrawal, on the day its
 * `terminatedOn` gives, and a notice whose possible days fall in two years gives none (`bilateralEndingOf` skips it).
 * Such a notice takes effect for neither the treaty nor its party, as before decision 0115, and computes no effect
 * for the party either (no range, no calendar event), so that nothing says it left a treaty in force between both.
 */
export function withEffectThatCanEnd(kind: TreatyKind | undefined, notice: PartyWithdrawal): PartyWithdrawal {
  if (kind !== 'bilateral' || notice.effectiveOn !== null || notice.effectiveBy === null) return notice;
  return { ...notice, effectiveOnComputed: false, effectiveBy: null, effectiveBetween: null };
}

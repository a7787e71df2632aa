import { partyOf } from '../development';
import type { ClausePeriod } from '../law/clause-period';
import { latestOccurrence, occurrencesOf } from '../law/rejoining';
import { comparePartialDates } from '../partial-date';
import {
  consentFrom,
  noticeWithdrawal,
  reportsOf,
  type DaysBetween,
  type PartyConsent,
  type PartyWithdrawal,
} from './party-status';
import { representativeOf, type DevelopmentHistory } from './treaty-history';

/**
 * One of a party's withdrawals that took effect before the one its entry shows: its latest notice
 * (`withdrawalNotifiedOn`), or, with none on record, its latest withdrawal (`withdrewOn`).
 */
export type EarlierWithdrawal = {
  readonly notifiedOn: string | null;
  /** As reported (a `withdrawn`, or the notice's `effectiveOn`), else the notice plus the notice period. */
  readonly effectiveOn: string | null;
  /** `effectiveOn` is computed from the notice period, no report having given it, as `withdrawalEffectiveOnComputed`. */
  readonly effectiveOnComputed: boolean;
  /** The days it may have fallen on, when not one, as `withdrawalEffectiveBetween` (decision 0115). */
  readonly effectiveBetween: DaysBetween | null;
};

/**
 * A party's withdrawals before the one its entry shows: a state that left, consented again and notified again left
 * more than once (the United States of the Paris Agreement: gone 2020-11-04, back 2021-02-19, a second notice in
 * 2025). Its entry shows its latest notice; each earlier withdrawal (the acts between two of its consents, told apart
 * by the rejoining rule, law/rejoining.ts) is listed here if it took effect: as reported, else by its notice, unless
 * a consent that followed it came before the first day the notice could take effect on, which revoked it
 * (`revokedByConsent`, decisions 0022, 0062). The calendar numbers them, so that a later notice adds an event and moves none (decision 0116). `boundBy` is
 * the party's standing's: whether the state was bound when it notified (decision 0105); `withdrawn` its standing's too:
 * with no notice on record, the latest withdrawal is the one the entry shows only while the party stands withdrawn.
 */
export function earlierWithdrawals(
  onRecord: readonly DevelopmentHistory[],
  party: string,
  noticePeriod: ClausePeriod | undefined,
  boundBy: (date: string) => boolean,
  withdrawn: boolean,
): EarlierWithdrawal[] {
  const acts = onRecord.filter(
    ({ current }) =>
      (current.type === 'withdrawal-notified' || current.type === 'withdrawn') && current.party === party,
  );
  // Most parties withdrew once, or never: nothing earlier to read for them.
  if (acts.length < 2) return [];
  const occurrences = occurrencesOf(acts, onRecord);
  const shown = representativeOf(latestOccurrence(reportsOf(onRecord, 'withdrawal-notified', party), onRecord));
  const shownAt = occurrences.findIndex((reports) => shown !== undefined && reports.includes(shown));
  // With no notice on record, the latest withdrawal is the one the entry shows (`withdrewOn`) while the party stands
  // withdrawn, not an earlier one; once it consented again, the entry shows none, and every withdrawal is earlier.
  const shownEnd = shownAt >= 0 ? shownAt : withdrawn ? occurrences.length - 1 : occurrences.length;
  return occurrences
    .slice(0, shownEnd)
    .flatMap((reports) => withdrawalThatTookEffect(reports, onRecord, party, noticePeriod, boundBy) ?? []);
}

/**
 * Whether a withdrawal of the party took effect after `from` and before `to` (acts dated strictly between the two,
 * as the rejoining rule reads them): what separates two periods of the party, a report of its entry into force or a
 * consent from a later consent. A notice that a consent revoked before it took effect does not: the state never left
 * (decision 0022), and its consent continued its period. The same reading as `earlierWithdrawals`.
 */
export function leftBetween(
  onRecord: readonly DevelopmentHistory[],
  party: string,
  [from, to]: readonly [string, string],
  noticePeriod: ClausePeriod | undefined,
  boundBy: (date: string) => boolean,
): boolean {
  const between = onRecord.filter(
    ({ current }) =>
      (current.type === 'withdrawal-notified' || current.type === 'withdrawn') &&
      current.party === party &&
      comparePartialDates(current.occurredOn, from) > 0 &&
      comparePartialDates(current.occurredOn, to) < 0,
  );
  return occurrencesOf(between, onRecord).some(
    (reports) => withdrawalThatTookEffect(reports, onRecord, party, noticePeriod, boundBy) !== null,
  );
}

/**
 * The reports of one withdrawal, if it took effect: as reported (`withdrawn`), else by its notice, unless a consent
 * that followed revoked it (`revokedByConsent`, decisions 0022, 0062).
 */
function withdrawalThatTookEffect(
  reports: readonly DevelopmentHistory[],
  onRecord: readonly DevelopmentHistory[],
  party: string,
  noticePeriod: ClausePeriod | undefined,
  boundBy: (date: string) => boolean,
): EarlierWithdrawal | null {
  const notice = representativeOf(reports.filter(({ current }) => current.type === 'withdrawal-notified'));
  const reported = representativeOf(reports.filter(({ current }) => current.type === 'withdrawn'));
  const notifiedOn = notice?.current.occurredOn ?? null;
  if (reported !== undefined) {
    const effectiveOn = reported.current.occurredOn;
    return { notifiedOn, effectiveOn, effectiveOnComputed: false, effectiveBetween: null };
  }
  if (notice === undefined || notice.current.type !== 'withdrawal-notified') return null;
  const withdrawal = noticeWithdrawal(notice.current, noticePeriod, boundBy);
  const { effectiveOn, effectiveOnComputed, effectiveBy, effectiveBetween } = withdrawal;
  if (effectiveBy === null || revokedByConsent(onRecord, party, withdrawal)) return null;
  return { notifiedOn, effectiveOn, effectiveOnComputed, effectiveBetween };
}

/**
 * Whether a consent of the party (or a report of its entry into force) after its notice revoked the notice (VCLT
 * art. 68, decision 0022): one known to come before the first day the notice could take effect on, as the decider
 * reads a revocation (decisions 0062, 0105). A consent between the first and the last possible days is not known to
 * come before the effect: it is a consent after a withdrawal that took effect, and begins a new period (decision
 * 0116). A withdrawal reported before that first day is the notice's effect: a consent must come before it
 * (`consentRevokesNotice`). A notice effective when given (a state not bound, decision 0043) is revoked by nothing.
 */
export function revokedByConsent(
  onRecord: readonly DevelopmentHistory[],
  party: string,
  { notifiedOn, effectiveOn, effectiveBy, effectiveBetween }: PartyWithdrawal,
): boolean {
  if (notifiedOn === null || effectiveBy === null || effectiveOn === notifiedOn) return false;
  return consentRevokesNotice(onRecord, party, notifiedOn, effectiveBetween?.earliest ?? effectiveBy);
}

/**
 * Whether a consent of the party (or a report of its entry into force) dated after its notice of `notifiedOn` and
 * known to come before `earliest`, the first day the notice could take effect on, revoked it; a withdrawal the record
 * reports on or after the notice is its effect, as the decider reads it (`effectOnRecord`): a consent from that day
 * on comes after the state left, and revokes nothing. The one reading of the party's entry and of a bilateral
 * treaty's end (`bilateralEndingOf`).
 */
export function consentRevokesNotice(
  onRecord: readonly DevelopmentHistory[],
  party: string,
  notifiedOn: string,
  earliest: string,
): boolean {
  const reported = onRecord.find(
    ({ current }) =>
      current.type === 'withdrawn' &&
      current.party === party &&
      comparePartialDates(current.occurredOn, notifiedOn) >= 0,
  )?.current.occurredOn;
  const before = reported !== undefined && comparePartialDates(reported, earliest) < 0 ? reported : earliest;
  return onRecord.some(
    ({ current }) =>
      (current.type === 'consent-to-be-bound' ||
        current.type === 'ratification-completed' ||
        current.type === 'entered-into-force') &&
      partyOf(current) === party &&
      comparePartialDates(current.occurredOn, notifiedOn) > 0 &&
      comparePartialDates(current.occurredOn, before) < 0,
  );
}

/**
 * The consent that began the party's current period: its latest (`latest`, `consentOf`), unless no withdrawal took
 * effect between it and the consent before (`left`, `leftBetween`): a consent that revoked a notice continues the
 * period the earlier one began (decision 0116's amendment), so the party is in force from that one, computed as
 * reported. The same reading as `earlierEntriesIntoForce`, which lists the periods before.
 */
export function consentOfPeriod(
  onRecord: readonly DevelopmentHistory[],
  party: string,
  latest: PartyConsent | null,
  left: (from: string, to: string) => boolean,
): PartyConsent | null {
  const consents = reportsOf(onRecord, 'consent-to-be-bound', party);
  // Most parties consented once: nothing to walk back through for them.
  if (latest === null || consents.length < 2) return latest;
  const occurrences = occurrencesOf(consents, onRecord);
  const acts = occurrences.flatMap((reports) => representativeOf(reports) ?? []);
  if (acts.length !== occurrences.length) return latest;
  let at = occurrences.findIndex((reports) => reports.some((report) => report.developmentId === latest.developmentId));
  if (at < 0) return latest;
  const start = at;
  while (at > 0 && !left(acts[at - 1]!.current.occurredOn, acts[at]!.current.occurredOn)) at -= 1;
  return at === start ? latest : consentFrom(acts[at]!);
}

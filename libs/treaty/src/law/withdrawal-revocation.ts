import type { Development } from '../development';
import { comparePartialDates } from '../partial-date';
import { determinedPeriodEnd, type ClausePeriod } from './clause-period';
import { separatedByRejoining } from './rejoining';

type OnRecord = { readonly current: Development };
type Notice = Extract<Development, { type: 'withdrawal-notified' }>;
/** A revocation as the record states it (a `withdrawal-revoked`), or one being checked. */
type Revocation = { readonly party: string; readonly occurredOn: string };

/**
 * A notification of withdrawal or denunciation may be revoked at any time before it takes effect (VCLT art. 68): the
 * Gambia and South Africa revoked theirs from the Rome Statute in 2017, before the year's notice had run. A revocation
 * names its party, not a notice: it revokes the party's latest notice dated by it (comparing at the coarser
 * precision), with every other report of that notice (no act of the party between them: law/rejoining.ts). The
 * decider refuses one with no such notice, or after the notice took effect; the views read the party as bound as if
 * the notice had never been given, while the timeline keeps both.
 */
export function noticeRevokedBy<T extends OnRecord>(
  revocation: Revocation,
  onRecord: readonly T[],
): (T & { readonly current: Notice })[] {
  const notices = onRecord.filter(
    (report): report is T & { readonly current: Notice } =>
      report.current.type === 'withdrawal-notified' &&
      report.current.party === revocation.party &&
      comparePartialDates(report.current.occurredOn, revocation.occurredOn) <= 0,
  );
  const latest = notices.reduce<(T & { readonly current: Notice }) | undefined>(
    (found, notice) =>
      found === undefined || comparePartialDates(notice.current.occurredOn, found.current.occurredOn) > 0
        ? notice
        : found,
    undefined,
  );
  if (latest === undefined) return [];
  return notices.filter(
    (notice) => notice === latest || !separatedByRejoining(notice.current, latest.current, onRecord),
  );
}

/**
 * The record without the notices revoked by a revocation on it: what a party's standing is read from. The same array
 * when it holds no revocation, so that callers comparing records by identity are not misled.
 */
export function withoutRevokedNotices<T extends OnRecord>(onRecord: readonly T[]): readonly T[] {
  // Every fold of a standing asks this, and few records hold a revocation: no copy for those that do not.
  if (!onRecord.some(({ current }) => current.type === 'withdrawal-revoked')) return onRecord;
  const revocations = onRecord.flatMap(({ current }) => (current.type === 'withdrawal-revoked' ? [current] : []));
  const revoked = new Set<T>(revocations.flatMap((revocation) => noticeRevokedBy(revocation, onRecord)));
  return onRecord.filter((report) => !revoked.has(report));
}

/**
 * The day a notified withdrawal takes effect: as reported, else the notification plus the notice period (in days,
 * months or years, perhaps to the first day of the following month: `periodEnd`), or null. A notification known only
 * to the month or year gives the effect as far as it is determined (`determinedPeriodEnd`): the day when every day of
 * it gives that day, else the month or year they all give, else null (decision 0105).
 * The notice period is for a state leaving a treaty that binds it (VCLT art. 56; the treaty's own clause speaks of
 * parties); a state not bound when it notified (a signatory saying it will not become a party, art. 18) is released
 * from its signature on the notification itself.
 */
export function noticeEffectiveOn(
  notice: { readonly occurredOn: string; readonly effectiveOn?: string },
  noticePeriod: ClausePeriod | undefined,
  boundWhenNotified: boolean,
): string | null {
  if (notice.effectiveOn !== undefined) return notice.effectiveOn;
  if (!boundWhenNotified) return notice.occurredOn;
  return noticePeriod !== undefined ? determinedPeriodEnd(notice.occurredOn, noticePeriod) : null;
}

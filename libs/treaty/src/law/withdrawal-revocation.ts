import type { Development } from '../development';
import { commonPeriod, comparePartialDates, endOfPeriod, startOfPeriod } from '../partial-date';
import { determinedPeriodEndRange, type ClausePeriod } from './clause-period';
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
 * When a notified withdrawal takes effect: `on`, as displayed, and the earliest and latest days it may fall on, which
 * decide (decision 0105). As reported, else the notification plus the notice period (in days, months or years,
 * perhaps to the first day of the following month: `periodEnd`), or null. A notification known only to the month or
 * year gives every end between those of its first and last days (`determinedPeriodEndRange`); `on` is the day when
 * they are one, else the month or year they share, else null (`determinedPeriodEnd`). A reported date known to the
 * month spans that month. Whether the effect has come is read from `latest`, whether an act came before it from
 * `earliest`, never from `on`.
 * The notice period is for a state leaving a treaty that binds it (VCLT art. 56; the treaty's own clause speaks of
 * parties); a state not bound when it notified (a signatory saying it will not become a party, art. 18) is released
 * from its signature on the notification itself.
 */
export function noticeEffect(
  notice: { readonly occurredOn: string; readonly effectiveOn?: string },
  noticePeriod: ClausePeriod | undefined,
  boundWhenNotified: boolean,
): NoticeEffect | null {
  const given = notice.effectiveOn ?? (boundWhenNotified ? undefined : notice.occurredOn);
  if (given !== undefined) return { on: given, earliest: startOfPeriod(given), latest: endOfPeriod(given) };
  if (noticePeriod === undefined) return null;
  const { earliest, latest } = determinedPeriodEndRange(notice.occurredOn, noticePeriod);
  return { on: commonPeriod(earliest, latest), earliest, latest };
}

export type NoticeEffect = {
  /** What the views show: the effect at the precision that is certain, or null when its ends span years. */
  readonly on: string | null;
  /** The first day the effect may fall on (`YYYY-MM-DD`): an act dated before it certainly came before the effect. */
  readonly earliest: string;
  /** The last day the effect may fall on (`YYYY-MM-DD`): once it has come, so has the effect. */
  readonly latest: string;
};

/** The day a notified withdrawal takes effect, as displayed (`noticeEffect`), or null. */
export function noticeEffectiveOn(
  notice: { readonly occurredOn: string; readonly effectiveOn?: string },
  noticePeriod: ClausePeriod | undefined,
  boundWhenNotified: boolean,
): string | null {
  return noticeEffect(notice, noticePeriod, boundWhenNotified)?.on ?? null;
}

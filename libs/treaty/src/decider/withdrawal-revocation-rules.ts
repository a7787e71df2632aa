import type { Development } from '../development';
import { withdrawalNoticePeriod, type ClausePeriod } from '../law/clause-period';
import { consentEstablishedBy } from '../law/established-consent';
import { separatedByRejoining } from '../law/rejoining';
import { noticeEffect, noticeRevokedBy } from '../law/withdrawal-revocation';
import { comparePartialDates, endOfPeriod, startOfPeriod } from '../partial-date';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import type { DevelopmentOnRecord, TreatyProfile } from './treaty.state';

type OnRecord = Pick<DevelopmentOnRecord, 'developmentId' | 'current'>;
type Revocation = { readonly party: string; readonly occurredOn: string };

/**
 * A revocation of a notice of withdrawal (VCLT art. 68) needs a notice of its party on record, dated by it, that had
 * not taken effect by then (law/withdrawal-revocation.ts): `WITHDRAWAL_NOTICE_NOT_FOUND`, `REVOCATION_BEFORE_NOTICE`,
 * `WITHDRAWAL_ALREADY_EFFECTIVE`. A new report is held to this by the treaty-law rules; `assertRevocationsStillHold`
 * holds a report, a correction or a retraction of the notice (or of a report that it took effect) to it, so that the
 * order in which they arrive cannot leave the record saying a state revoked a notice it never gave or one that had
 * already taken effect.
 */
export function assertRevocationFits(
  revocation: Revocation,
  treaty: TreatyProfile,
  others: readonly OnRecord[],
  prefix = '',
): void {
  const { party, occurredOn } = revocation;
  const notices = others.filter(({ current }) => current.type === 'withdrawal-notified' && current.party === party);
  if (notices.length === 0) {
    throw new TreatyRuleViolation(
      'WITHDRAWAL_NOTICE_NOT_FOUND',
      `${prefix}party: ${party} has no notice of withdrawal on record for this withdrawal-revoked to revoke; report the notice first`,
      `${prefix}party`,
    );
  }
  const revoked = noticeRevokedBy(revocation, others);
  if (revoked.length === 0) {
    const first = [...notices].sort((a, b) => comparePartialDates(a.current.occurredOn, b.current.occurredOn))[0]!;
    throw new TreatyRuleViolation(
      'REVOCATION_BEFORE_NOTICE',
      `${prefix}occurredOn ${occurredOn} is before every notice of withdrawal of ${party} on record (the first notified on ${first.current.occurredOn}, development ${first.developmentId}): a state revokes a notice it has given; correct the date of one of them`,
      `${prefix}occurredOn`,
    );
  }
  for (const notice of revoked) {
    const effect = effectOnRecord(notice, treaty, others);
    // Only a revocation known to come before the earliest day the effect may fall on is known to come before it
    // (decision 0062); between the earliest and the latest, it cannot be told, and is refused (decision 0105).
    if (effect === null || comparePartialDates(occurredOn, effect.earliest) < 0) continue;
    throw new TreatyRuleViolation(
      'WITHDRAWAL_ALREADY_EFFECTIVE',
      `${prefix}occurredOn ${occurredOn}: the notice of withdrawal of ${party} of ${notice.current.occurredOn} (development ${notice.developmentId}) ${effect.how} ${effect.on}, not known to come after this revocation; a notice can be revoked only before it takes effect (VCLT art. 68): a state that has left becomes a party again by a new consent`,
      `${prefix}occurredOn`,
    );
  }
}

/**
 * When the record says a notice took effect (`earliest`, the first day it may have; `on`, as the message says it): a report that it did (`withdrawn`, no act of the party between), the
 * day the notice gives, else its notice period's end for a state bound when it notified, or the notification itself
 * for one that was not (a signatory, released when it notifies). Bound is read here from the record's acts (under a
 * clause, an instrument established by the notice: a consent, or a ratification completed at home and exchanged since,
 * as the views read it; an entry into force for the party or the treaty by the notice); the status view weighs more
 * (decision 0043) and may find a state bound later than this, never earlier.
 */
function effectOnRecord(
  notice: OnRecord & { readonly current: Extract<Development, { type: 'withdrawal-notified' }> },
  treaty: TreatyProfile,
  others: readonly OnRecord[],
): { readonly earliest: string; readonly on: string; readonly how: string } | null {
  const { party, occurredOn } = notice.current;
  const reported = others.find(
    ({ current }) =>
      current.type === 'withdrawn' &&
      current.party === party &&
      comparePartialDates(current.occurredOn, occurredOn) >= 0 &&
      !separatedByRejoining(notice.current, current, others),
  );
  if (reported) {
    const on = reported.current.occurredOn;
    return { earliest: on, on, how: `is reported to have taken effect on` };
  }
  // Under a clause, an instrument binds: a consent to be bound, or a ratification completed at home once an exchange
  // followed it, as the views read it (`consentEstablishedBy`, decision 0101); a completion alone binds to nothing.
  // Without a clause a consent binds only once the treaty is in force (decision 0043), as the views read it.
  const bound =
    (treaty.entryIntoForce !== undefined && consentEstablishedBy(others, party, occurredOn)) ||
    others.some(
      ({ current }) =>
        current.type === 'entered-into-force' &&
        (current.party === undefined || current.party === party) &&
        comparePartialDates(current.occurredOn, occurredOn) <= 0,
    );
  const period = withdrawalNoticePeriod(treaty);
  const effect = noticeEffect(notice.current, period, bound);
  if (effect === null) return null;
  const { earliest, latest } = effect;
  // The effect as far as it is known: its day or month when every possible end falls in it, else both ends.
  const shown = effect.on;
  const exact = shown !== null && startOfPeriod(shown) === earliest && endOfPeriod(shown) === latest;
  const on = exact ? shown : `between ${earliest} and ${latest}`;
  const how =
    notice.current.effectiveOn !== undefined
      ? 'takes effect on'
      : bound && period !== undefined
        ? `takes effect after the treaty's notice period (${describePeriod(period)}) on`
        : 'was given by a state not bound by the treaty, so took effect when notified, on';
  return { earliest, on, how: exact ? how : how.replace(/ on$/, '') };
}

/** "365 days", "1 year, to the first day of the following month". */
function describePeriod({ length, unit, firstDayOfFollowingMonth }: ClausePeriod): string {
  const counted = `${length} ${length === 1 ? unit.slice(0, -1) : unit}`;
  return firstDayOfFollowingMonth ? `${counted}, to the first day of the following month` : counted;
}

/**
 * Every revocation on `record` (the record as a report, correction or retraction would leave it) must still fit it.
 * `field` names what the change touched, for the editor to find.
 */
export function assertRevocationsStillHold(record: readonly OnRecord[], treaty: TreatyProfile, field: string): void {
  for (const revocation of record) {
    const { current } = revocation;
    if (current.type !== 'withdrawal-revoked') continue;
    const others = record.filter((other) => other !== revocation);
    try {
      assertRevocationFits(current, treaty, others);
    } catch (error) {
      if (!(error instanceof TreatyRuleViolation)) throw error;
      throw new TreatyRuleViolation(
        error.code,
        `${field}: the revocation of ${current.party}'s notice of withdrawal (${current.occurredOn}, development ${revocation.developmentId}) would no longer hold: ${error.message}. Correct or retract that revocation first`,
        field,
      );
    }
  }
}

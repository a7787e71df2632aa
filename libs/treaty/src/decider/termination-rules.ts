import type { Development } from '../development';
import { isDiplomacy } from '../development-type';
import { comparePartialDates } from '../partial-date';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import type { DevelopmentOnRecord } from './treaty.state';

/**
 * Legal acts end with the treaty: nothing is signed, consented to, reserved or notified under a treaty after its
 * termination (what is said about it, diplomacy, goes on). A new report is held to this by `reportDevelopment`; these
 * hold a correction to it too, and a termination to the acts already on record, so that the order in which reports
 * and corrections arrive cannot leave the record saying a state consented to a treaty that had ended.
 */

/**
 * A legal act (new or corrected) must be known to come before every termination in `onRecord` (the record beside it):
 * one of the termination's day, month or year may have come after it. A report of the termination itself is another
 * report of that act, not an act under the treaty.
 */
export function assertBeforeTermination(
  development: Development,
  treatyId: string,
  onRecord: readonly DevelopmentOnRecord[],
  prefix = '',
): void {
  if (isDiplomacy(development.type) || development.type === 'terminated') return;
  const end = onRecord.find(
    ({ current }) =>
      current.type === 'terminated' && comparePartialDates(development.occurredOn, current.occurredOn) >= 0,
  );
  if (end === undefined) return;
  throw new TreatyRuleViolation(
    'TREATY_TERMINATED',
    `${prefix}occurredOn ${development.occurredOn}: treaty ${treatyId} is terminated on ${end.current.occurredOn} (development ${end.developmentId}), and a ${development.type} not known to come before its end cannot be recorded (correct or retract the termination first)`,
    `${prefix}occurredOn`,
  );
}

/**
 * A termination (new or corrected) must not be dated before a legal act on record that certainly came after it (a
 * consent of 2021 under a treaty said to have ended in 2020): one of the two reports has its date wrong. Acts of the
 * termination's own period are let be, as they may have come first.
 */
export function assertNoActAfterTermination(
  development: Development,
  onRecord: readonly DevelopmentOnRecord[],
  prefix = '',
): void {
  if (development.type !== 'terminated') return;
  const later = onRecord.find(
    ({ current }) =>
      !isDiplomacy(current.type) &&
      current.type !== 'terminated' &&
      comparePartialDates(current.occurredOn, development.occurredOn) > 0,
  );
  if (later === undefined) return;
  throw new TreatyRuleViolation(
    'TREATY_TERMINATED',
    `${prefix}occurredOn ${development.occurredOn} is before the ${later.current.type} on record (${later.current.occurredOn}, development ${later.developmentId}): a treaty's end comes after every act under it; correct or retract one of the two`,
    `${prefix}occurredOn`,
  );
}

import { identityKey, type Development } from '../development';
import { separatedByRejoining } from '../law/rejoining';
import { partialDatesAgree } from '../partial-date';
import type { RecordIndex } from './record-index';
import type { DevelopmentOnRecord } from './treaty.state';

/**
 * The developments on record that report the same act as `development`: the same identity (`identityKey`), and no
 * act of the party's opposite side between them (a consent after the party withdrew is another act:
 * law/rejoining.ts). Those whose date disagrees are other accounts of it; `onAgreeingDate` keeps the ones that are
 * the act on the same day.
 */
export function reportsOfSameAct(record: RecordIndex, development: Development): readonly DevelopmentOnRecord[] {
  return record
    .reportsOf(identityKey(development))
    .filter((other) => !separatedByRejoining(other.current, development, record.onRecord));
}

/**
 * Of `reports`, those whose date agrees with `development`'s at the coarser precision: a report of the act on such
 * a date corroborates one, and a correction must not make another development one of them (decision 0042).
 */
export function onAgreeingDate(
  reports: readonly DevelopmentOnRecord[],
  development: Development,
): readonly DevelopmentOnRecord[] {
  return reports.filter((other) => partialDatesAgree(other.current.occurredOn, development.occurredOn));
}

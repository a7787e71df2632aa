import { partyOf } from '../development';
import { comparePartialDates } from '../partial-date';
import type { DevelopmentHistory } from './treaty-history';

/**
 * Suspension (VCLT art. 57-58, 72) suspends the operation of a treaty: it releases the parties from performing it
 * for a time. A treaty operates once it is in force (for the treaty as a whole, for a party), or while a state applies
 * it provisionally pending its entry into force (art. 25), whose provisional application can be suspended as well
 * (ILC Guide to Provisional Application of Treaties, 2021, guideline 9(3): Part V, section 3 of the Convention
 * applies mutatis mutandis). Before either there is nothing to suspend, and a suspension dated then (a reporter's
 * "suspended" for a halted ratification, or a wrong date) suspends nothing: the record keeps it as reported, the
 * status is what it would be without it, and the view flags it (`SUSPENSION_BEFORE_ENTRY_INTO_FORCE`, decision 0085).
 */

export type Suspension = { suspendedOn: string | null; resumedOn: string | null; suspended: boolean };

/**
 * Whether `on` can be a day the treaty operated for `party` (null: for any state): the treaty was in force by then
 * (`inForceFrom`, the day it entered or enters into force for that scope, reported or computed), or the party (for
 * the whole treaty, any party) applied it provisionally then. Dates compare at the coarser precision, so only a
 * suspension known to come before both is said to have had nothing to suspend: one of the month the treaty entered
 * into force may have come after it.
 */
export function operatingOn(
  onRecord: readonly DevelopmentHistory[],
  party: string | null,
  inForceFrom: string | null,
  on: string,
): boolean {
  if (inForceFrom !== null && comparePartialDates(inForceFrom, on) <= 0) return true;
  return provisionallyAppliedOn(onRecord, party, on);
}

/**
 * A start of provisional application on record (the party's, or any party's) not known to come after `on`, whose
 * period no end of that party's on record is known to close before `on`.
 */
function provisionallyAppliedOn(onRecord: readonly DevelopmentHistory[], party: string | null, on: string): boolean {
  const applications = provisionalApplicationsIn(onRecord);
  return applications.some(
    ({ current: start }) =>
      start.type === 'provisional-application-started' &&
      (party === null || start.party === party) &&
      comparePartialDates(start.occurredOn, on) <= 0 &&
      !applications.some(
        ({ current: end }) =>
          end.type === 'provisional-application-ended' &&
          end.party === start.party &&
          comparePartialDates(end.occurredOn, start.occurredOn) >= 0 &&
          comparePartialDates(end.occurredOn, on) < 0,
      ),
  );
}

/**
 * The starts and ends of provisional application among `onRecord`, found once per record: a view asks about each
 * suspension on record, and a long history holds few of them but many other developments.
 */
function provisionalApplicationsIn(onRecord: readonly DevelopmentHistory[]): readonly DevelopmentHistory[] {
  let applications = PROVISIONAL_APPLICATIONS.get(onRecord);
  if (applications === undefined) {
    applications = onRecord.filter(
      ({ current }) =>
        current.type === 'provisional-application-started' || current.type === 'provisional-application-ended',
    );
    PROVISIONAL_APPLICATIONS.set(onRecord, applications);
  }
  return applications;
}

const PROVISIONAL_APPLICATIONS = new WeakMap<readonly DevelopmentHistory[], readonly DevelopmentHistory[]>();

/**
 * The latest suspension of this scope (a party, or null for the whole treaty) that had an operation to suspend
 * (`operates`: `operatingOn` for the scope), unless a resumption follows it. One dated when the treaty did not operate
 * for the scope is not a suspension of it, and is left out, also of `suspendedOn`.
 */
export function suspensionOf(
  onRecord: readonly DevelopmentHistory[],
  party: string | null,
  operates: (on: string) => boolean,
): Suspension {
  const inScope = (type: 'suspended' | 'resumed') =>
    onRecord.filter(
      (report) =>
        report.current.type === type &&
        (partyOf(report.current) ?? null) === party &&
        (type === 'resumed' || operates(report.current.occurredOn)),
    );
  const suspendedOn = inScope('suspended').at(-1)?.current.occurredOn ?? null;
  const resumedOn = inScope('resumed').at(-1)?.current.occurredOn ?? null;
  // Ordered by valid time; a resumption in the same period as the suspension is taken to follow it.
  const suspended = suspendedOn !== null && (resumedOn === null || comparePartialDates(resumedOn, suspendedOn) < 0);
  return { suspendedOn, resumedOn, suspended };
}

/**
 * A party's suspension ends with its withdrawal: once that has taken effect (`withdrawn`), the treaty no longer binds
 * the party (VCLT art. 70(1)(a)) and has no operation in regard to it left to suspend. `suspendedOn` stays, as after a
 * resumption: the suspension is part of the party's history (decision 0105).
 */
export function suspensionUntilWithdrawal(suspension: Suspension, withdrawn: boolean): Suspension {
  return !withdrawn || !suspension.suspended ? suspension : { ...suspension, suspended: false };
}

/**
 * The treaty's suspension: its own (reported with no party), else, for a bilateral treaty (`partiesOfABilateral`), a
 * party's that stands: suspended for one of its two parties, its operation is suspended between them (VCLT art. 57),
 * as Russia's suspension of New START (2023-02-21) suspended that treaty. Shown from the earliest such suspension,
 * not resumed. A multilateral treaty suspended for one party stays in force between the others. `operates` says
 * whether the treaty operated for a scope on a day (`operatingOn`): a suspension dated before suspends nothing.
 */
export function treatySuspensionOf(
  onRecord: readonly DevelopmentHistory[],
  partiesOfABilateral: readonly string[],
  operates: (party: string | null, on: string) => boolean,
): Suspension {
  const own = suspensionOf(onRecord, null, (on) => operates(null, on));
  if (own.suspended) return own;
  const byAParty = partiesOfABilateral
    .map((party) => suspensionOf(onRecord, party, (on) => operates(party, on)))
    .filter(
      (suspension) =>
        suspension.suspended &&
        // A resumption of the whole treaty after it ends it too.
        (own.resumedOn === null || comparePartialDates(own.resumedOn, suspension.suspendedOn!) < 0),
    )
    .sort((a, b) => comparePartialDates(a.suspendedOn!, b.suspendedOn!))[0];
  return byAParty ? { suspendedOn: byAParty.suspendedOn, resumedOn: null, suspended: true } : own;
}

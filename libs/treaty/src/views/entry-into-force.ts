import { entryIntoForcePeriod, periodEnd } from '../law/clause-period';
import type { EntryIntoForceClause } from '../law/treaty-law.vocabulary';
import { comparePartialDates, isCalendarDate, partialDatesAgree, startOfPeriod } from '../partial-date';
import type { DatesComeBy } from './dates-come-by';

/**
 * Entry into force as the treaty's own clause computes it: its period (days, months or years, perhaps to the first
 * day of the following month: `periodEnd`) after the `instrumentsRequired`th instrument of consent; for a party whose
 * instrument comes later, the same period after its own. Pure date arithmetic on the consents on record; the status
 * view decides what to show beside what was reported.
 */

/**
 * One party's instrument of consent: the date of deposit, exchange or notification, and of its withdrawal (a notice, or
 * a report that it took effect), when the party withdrew it before consenting again.
 */
export type Instrument = { readonly party: string; readonly on: string; readonly withdrawnOn?: string | null };

/** The treaty-wide date by the clause, or null: too few instruments, or the deciding one not known to the day. */
export function treatyEntryIntoForce(clause: EntryIntoForceClause, instruments: readonly Instrument[]): string | null {
  return countInstruments(clause, instruments).on;
}

/**
 * The clause's count: `on` as for `treatyEntryIntoForce`, and the instruments withdrawn before it was reached
 * (`withdrawnBefore`). The count is reached on the deposit of the Nth instrument that stands that day: one
 * withdrawn before it was never counted (nor is its state a party); one withdrawn after it was, the treaty's date
 * having been set by then. While the count is not reached, every instrument withdrawn is withdrawn before it. A
 * withdrawal that cannot be ordered against the deciding instrument (the same day, or a month or year around it)
 * leaves nothing computed rather than a guess.
 */
export function countInstruments(
  clause: EntryIntoForceClause,
  instruments: readonly Instrument[],
): {
  readonly on: string | null;
  /** The date of the instrument that completed the count (the Nth standing one), or null while it is not reached. */
  readonly countedThrough: string | null;
  readonly withdrawnBefore: readonly Instrument[];
} {
  const ordered = [...instruments].sort((a, b) => startOfPeriod(a.on).localeCompare(startOfPeriod(b.on)));
  const withdrawn = ordered.filter((instrument) => instrument.withdrawnOn != null);
  for (const [index, deciding] of ordered.entries()) {
    const deposited = ordered.slice(0, index + 1);
    const order = (instrument: Instrument) =>
      instrument.withdrawnOn == null ? 1 : comparePartialDates(instrument.withdrawnOn, deciding.on);
    if (deposited.some((instrument) => order(instrument) === 0)) return NOT_COUNTED;
    const standing = deposited.filter((instrument) => order(instrument) > 0);
    if (standing.length < clause.instrumentsRequired || !standing.includes(deciding)) continue;
    // A coarse instrument among the first N could fall after the deciding one: the date would be a guess.
    if (standing.some((instrument) => !isCalendarDate(instrument.on))) return NOT_COUNTED;
    return {
      on: periodEnd(deciding.on, entryIntoForcePeriod(clause)),
      countedThrough: deciding.on,
      withdrawnBefore: withdrawn.filter((instrument) => order(instrument) < 0),
    };
  }
  return { on: null, countedThrough: null, withdrawnBefore: withdrawn };
}

const NOT_COUNTED = { on: null, countedThrough: null, withdrawnBefore: [] } as const;

/**
 * The earliest day the clause may have put the treaty in force on, when an instrument known only to its month or year
 * keeps `countInstruments` from dating it (decision 0007: no guess): the count of every instrument taken at the first
 * day it may have been deposited. A later day never gives an earlier end, so the treaty entered into force on this day
 * or after it, and an act not known to come before it may have come after the entry into force (decision 0111). Null
 * while the count is not reached so, and when an instrument was withdrawn: whether it counted depends on the order of
 * the withdrawal and the deciding deposit, which coarse dates do not bound this way.
 */
export function earliestPossibleEntryIntoForce(
  clause: EntryIntoForceClause,
  instruments: readonly Instrument[],
): string | null {
  if (instruments.some((instrument) => instrument.withdrawnOn != null)) return null;
  const earliest = instruments.map(({ party, on }) => ({ party, on: startOfPeriod(on) }));
  return countInstruments(clause, earliest).on;
}

/**
 * A party's date: the treaty's for a party whose instrument counted towards it (or came early enough), its own
 * instrument plus the clause's period for a later one. `treatyDate` is the treaty-wide date in effect (reported or
 * computed); `countedThrough`, the date of the instrument that completed the clause's count: one deposited by then is
 * among those the treaty entered into force on, whatever day a report gives it.
 */
export function partyEntryIntoForce(
  clause: EntryIntoForceClause,
  treatyDate: string | null,
  instrument: { readonly on: string } | undefined,
  countedThrough: string | null = null,
): string | null {
  if (treatyDate === null || instrument === undefined || !isCalendarDate(instrument.on)) return null;
  if (countedThrough !== null && instrument.on <= countedThrough) return treatyDate;
  const own = periodEnd(instrument.on, entryIntoForcePeriod(clause));
  // A treaty date known only to the month or year is later than `own` only where the periods overlap.
  return comparePartialDates(own, treatyDate) > 0 ? own : treatyDate;
}

/**
 * A party's date under no clause (VCLT art. 24(3)): a state whose consent is established after the treaty entered into
 * force is bound from its consent. Null for a consent by then (the treaty's own date binds it: art. 24(2)) or while the
 * treaty is not in force. A notification of succession that gives no date of succession is not dated this way: the
 * successor is a party from the succession of States, which came before its notification, on a day the record lacks.
 */
export function laterConsentEntryIntoForce(
  treatyDate: string | null,
  consent: { readonly on: string; readonly type: string } | undefined,
): string | null {
  if (treatyDate === null || consent === undefined || consent.type === 'succession') return null;
  return comparePartialDates(consent.on, treatyDate) > 0 ? consent.on : null;
}

/**
 * A party's date under no clause when the treaty's date is computed from all the original parties' consents (art.
 * 24(2), decision 0079): that date, for a party whose consent came by it (an original party, or a state that acceded
 * before it). A reported treaty date binds through its report instead (decision 0030); a later consent has its own
 * date (`laterConsentEntryIntoForce`).
 */
export function allConsentsPartyEntryIntoForce(
  treatyInForce: Pick<ComputedDate, 'on' | 'computed'>,
  consent: { readonly on: string } | null,
): string | null {
  if (!treatyInForce.computed || treatyInForce.on === null || consent === null) return null;
  return comparePartialDates(consent.on, treatyInForce.on) <= 0 ? treatyInForce.on : null;
}

/**
 * A successor state's date (1978 Vienna Convention on Succession of States in respect of Treaties, art. 17, 18, 23):
 * a newly independent state that notifies its succession is a party from the date of the succession of States, or
 * from the treaty's entry into force if that is later; not while the treaty is not in force (`treatyDate` null).
 */
export function successorEntryIntoForce(successionOn: string, treatyDate: string | null): string | null {
  if (treatyDate === null) return null;
  return comparePartialDates(successionOn, treatyDate) > 0 ? successionOn : treatyDate;
}

/**
 * A successor state's date when its notification of succession gives no date of succession, under a clause. The
 * clause's days after a deposit are for instruments of ratification, acceptance, approval or accession: a successor is
 * a party from the succession of States, which came before its notification, or from the treaty's entry into force if
 * later (1978 Convention, art. 23(1), (3); art. 34 for a separation). So a notification made by the treaty's entry into
 * force binds from that date, and one made after it from a day between the two that the record lacks: null, as
 * without a clause (`laterConsentEntryIntoForce`), never the notification plus the clause's days.
 */
export function undatedSuccessorEntryIntoForce(
  treatyDate: string | null,
  notification: { readonly on: string },
): string | null {
  if (treatyDate === null) return null;
  return comparePartialDates(notification.on, treatyDate) <= 0 ? treatyDate : null;
}

/** A date computed from the record, shown as computed until a report confirms it, and beside a report that disagrees. */
export type ComputedDate = {
  /** The date in effect: the reported one when there is a report, else the computed one. */
  readonly on: string | null;
  /** True when `on` is the computed date, no report having confirmed it. */
  readonly computed: boolean;
  readonly computedOn: string | null;
  /** The computed date, when it lies after `asOf` and a report on record disagrees with it (`disagrees`). */
  readonly computedAhead: string | null;
  readonly reportedOn: string | null;
  /** A report and the computation name different dates (the report possibly dated after `asOf`: `computedDate`). */
  readonly disagrees: boolean;
  /** The computed date while it lies ahead of the view's day, no report giving a date: what the record expects. */
  readonly expectedOn: string | null;
};

/**
/**
 * A computed date shows once it has come by the view's day (`asOf`, or today for the present), as `asOf` hides reports
 * after it: a date known only to the month or year (a treaty date reported so, a date of succession) has come once its
 * whole period has. `reportedLater` is the date of a report the record holds that is dated after `asOf` (and so not
 * `reportedOn`): where it disagrees with the computation, the report, which wins in the present, says the development
 * had not happened by a day between the two, so the computed date is not in effect there either, and the two are
 * listed as disagreeing from the computed date on, as the present lists them. Likewise a report on record that names a
 * day before the computed date disagrees with it from the report's day on (`computedAhead`), though the computed date
 * is still hidden from `computedOn`.
 */
export function computedDate(
  reportedOn: string | null,
  computedOn: string | null,
  dates: DatesComeBy,
  reportedLater: string | null = null,
): ComputedDate {
  const visible = dates.hasCome(computedOn) ? computedOn : null;
  const overruled =
    reportedOn === null && reportedLater !== null && visible !== null && !partialDatesAgree(reportedLater, visible);
  // A report on record that names a day before the computed one disagrees with it already, though the computed date
  // has not come: the present lists the two, and so does every day from the report's on.
  const ahead =
    reportedOn !== null && computedOn !== null && visible === null && !partialDatesAgree(reportedOn, computedOn)
      ? computedOn
      : null;
  return {
    on: reportedOn ?? (overruled ? null : visible),
    computed: reportedOn === null && !overruled && visible !== null,
    computedOn: visible,
    computedAhead: ahead,
    reportedOn,
    disagrees:
      overruled ||
      ahead !== null ||
      (reportedOn !== null && visible !== null && !partialDatesAgree(reportedOn, visible)),
    expectedOn: reportedOn === null && computedOn !== null && visible === null ? computedOn : null,
  };
}

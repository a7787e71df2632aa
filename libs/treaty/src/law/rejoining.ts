import { partyOf, type Development } from '../development';
import { comparePartialDates } from '../partial-date';

/**
 * A state that withdrew may consent again, and withdraw again (the United States accepted the Paris Agreement in
 * 2016, withdrew, accepted it again in 2021 and notified a second withdrawal in 2025). Two reports of a party's
 * consent (or of the treaty's entry into force for it), or of its withdrawal, are then two acts, not one act
 * reported with two dates, when the party's opposite act lies between them. So are two objections of a state to the
 * same party's reservations with the withdrawal of its objection between them, and two such withdrawals with an
 * objection between them. A notice of withdrawal revoked before it took effect (VCLT art. 68) is over too: a notice
 * after the revocation is another notice, and a revocation after that notice another revocation.
 */

type Side = 'consent' | 'withdrawal' | 'revocation' | 'objection' | 'objection-withdrawal';

const OPPOSITE: Record<Side, readonly Side[]> = {
  consent: ['withdrawal'],
  withdrawal: ['consent', 'revocation'],
  revocation: ['withdrawal'],
  objection: ['objection-withdrawal'],
  'objection-withdrawal': ['objection'],
};

function sideOf(type: Development['type']): Side | null {
  switch (type) {
    case 'consent-to-be-bound':
    case 'ratification-completed':
    case 'entered-into-force':
      return 'consent';
    case 'withdrawal-notified':
    case 'withdrawn':
      return 'withdrawal';
    case 'withdrawal-revoked':
      return 'revocation';
    // Likewise a state may object to a party's reservations, withdraw the objection (VCLT art. 22(2)) and object again.
    case 'objection':
      return 'objection';
    case 'objection-withdrawn':
      return 'objection-withdrawal';
    default:
      return null;
  }
}

/** The reserving state an objection or its withdrawal concerns; the same for both acts of one pair. */
function againstPartyOf(development: Development): string | undefined {
  return development.type === 'objection' || development.type === 'objection-withdrawn'
    ? development.againstParty
    : undefined;
}

/** Whether the record holds the party's opposite act strictly between the two reports' dates. */
export function separatedByRejoining(
  a: Development,
  b: Development,
  onRecord: readonly { readonly current: Development }[],
): boolean {
  const side = sideOf(a.type);
  const party = partyOf(a);
  if (side === null || party === undefined) return false;
  const order = comparePartialDates(a.occurredOn, b.occurredOn);
  if (order === 0) return false;
  const [earlier, later] = order < 0 ? [a, b] : [b, a];
  return onRecord.some(({ current }) => {
    const other = sideOf(current.type);
    return (
      other !== null &&
      OPPOSITE[side].includes(other) &&
      partyOf(current) === party &&
      againstPartyOf(current) === againstPartyOf(a) &&
      comparePartialDates(current.occurredOn, earlier.occurredOn) > 0 &&
      comparePartialDates(current.occurredOn, later.occurredOn) < 0
    );
  });
}

/** The reports of one act (same identity) split into its occurrences, in the order of their first report. */
export function occurrencesOf<T extends { readonly current: Development }>(
  reports: readonly T[],
  onRecord: readonly { readonly current: Development }[],
): T[][] {
  const occurrences: T[][] = [];
  for (const report of reports) {
    const same = occurrences.find(
      ([first]) => first !== undefined && !separatedByRejoining(first.current, report.current, onRecord),
    );
    if (same) same.push(report);
    else occurrences.push([report]);
  }
  return occurrences;
}

/** Among reports of one act (in valid-time order), those of its latest occurrence. */
export function latestOccurrence<T extends { readonly current: Development }>(
  reports: readonly T[],
  onRecord: readonly { readonly current: Development }[],
): T[] {
  return occurrenceOf(reports, reports.at(-1), onRecord);
}

/** Among reports of one act (in valid-time order), those of its first occurrence. */
export function firstOccurrence<T extends { readonly current: Development }>(
  reports: readonly T[],
  onRecord: readonly { readonly current: Development }[],
): T[] {
  return occurrenceOf(reports, reports[0], onRecord);
}

function occurrenceOf<T extends { readonly current: Development }>(
  reports: readonly T[],
  of: T | undefined,
  onRecord: readonly { readonly current: Development }[],
): T[] {
  return of === undefined
    ? []
    : reports.filter((report) => report === of || !separatedByRejoining(report.current, of.current, onRecord));
}

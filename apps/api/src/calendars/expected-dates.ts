import type { JsonView } from '@timeline/projections';
import { allDaySpan, text } from './icalendar';

/** What a computed date is the date of. */
export type ExpectedOccurrence = 'entry-into-force' | 'withdrawal' | 'termination';

/** A date the service computed from a treaty's record, not one a source reported. */
export interface ExpectedDate {
  readonly treatyId: string;
  readonly treatyTitle: string;
  readonly what: ExpectedOccurrence;
  /** The party it is computed for; absent for the treaty as a whole. */
  readonly party?: string;
  readonly on: string;
  /**
   * The last day it may fall on, when `on` is the first of several (a withdrawal notified in a month, decision 0115):
   * the event spans them. Absent for a date known to its period.
   */
  readonly until?: string;
  /** How it was computed, for the event's description. */
  readonly computedFrom: string;
  /**
   * A party's entry into force or withdrawal: which of its entries into force (or withdrawals) it is, from 1 (a state
   * that left and rejoined entered into force more than once, decision 0106, and may leave more than once, decision
   * 0116). Absent for the first, and for the treaty's dates.
   */
  readonly occurrence?: number;
}

/** A withdrawal's effect as the status gives it: the party's current one, or one of its `earlierWithdrawals`. */
type WithdrawalEffect = {
  effectiveOn?: unknown;
  effectiveOnComputed?: unknown;
  effectiveBetween?: { earliest?: unknown; latest?: unknown } | null;
};

type PartyEntry = {
  earlierEntriesIntoForce?: { inForceOn?: unknown; inForceOnComputed?: unknown }[];
  earlierWithdrawals?: WithdrawalEffect[];
  inForceOn?: unknown;
  inForceOnComputed?: unknown;
  inForceOnExpected?: unknown;
  consent?: { successionOn?: unknown } | null;
  withdrawalEffectiveOn?: unknown;
  withdrawalEffectiveOnComputed?: unknown;
  withdrawalEffectiveBetween?: WithdrawalEffect['effectiveBetween'];
};

const FROM_THE_CLAUSE = "the treaty's entry-into-force clause and the instruments on record";
/** A treaty registered without a clause: in force on all its original parties' consents, a later state on its own. */
const FROM_THE_CONSENTS = 'the consents on record, no entry-into-force clause being registered (VCLT art. 24)';

/**
 * The dates a status view shows as computed, while no report has confirmed them, come or still ahead (the present's
 * status gives those ahead as `...Expected`: decision 0035): entry into force (treaty-wide, and each party's, every
 * time a state that left and rejoined entered into force: its `earlierEntriesIntoForce`, decision 0106; a
 * successor's from its date of succession), each party's withdrawal taking effect (notification plus the notice
 * period), and a bilateral treaty's end with it. `only` keeps one party's; the treaty-wide dates then stay out.
 */
export function expectedDatesOf(status: JsonView, only?: string): ExpectedDate[] {
  const treaty = { treatyId: String(status.id), treatyTitle: String(status.title) };
  const fromTheRecord = status.entryIntoForceClause == null ? FROM_THE_CONSENTS : FROM_THE_CLAUSE;
  const dates: ExpectedDate[] = [];
  const computed = (flag: unknown, on: unknown): on is string => flag === true && typeof on === 'string';
  /** The computed date, come (`on`, flagged computed) or still ahead (`expected`), or null. */
  const computedOrExpected = (flag: unknown, on: unknown, expected: unknown): string | null =>
    computed(flag, on) ? on : typeof expected === 'string' ? expected : null;
  const inForce = computedOrExpected(
    status.enteredIntoForceOnComputed,
    status.enteredIntoForceOn,
    status.enteredIntoForceOnExpected,
  );
  if (only === undefined && inForce !== null) {
    dates.push({ ...treaty, what: 'entry-into-force', on: inForce, computedFrom: fromTheRecord });
  }
  const parties = (status.ratification ?? {}) as Record<string, PartyEntry>;
  for (const [party, entry] of Object.entries(parties)) {
    if (only !== undefined && party !== only) continue;
    // Each entry into force of a state that left and rejoined, earliest first, numbered whether computed or reported,
    // so that an event keeps its number (and UID) whatever the others' are.
    const earlier = Array.isArray(entry.earlierEntriesIntoForce) ? entry.earlierEntriesIntoForce : [];
    for (const [index, { inForceOn, inForceOnComputed }] of earlier.entries()) {
      if (!computed(inForceOnComputed, inForceOn)) continue;
      dates.push({
        ...treaty,
        what: 'entry-into-force',
        party,
        on: inForceOn,
        computedFrom: fromTheRecord,
        ...nth(index + 1),
      });
    }
    const partyInForce = computedOrExpected(entry.inForceOnComputed, entry.inForceOn, entry.inForceOnExpected);
    if (partyInForce !== null) {
      const computedFrom =
        typeof entry.consent?.successionOn === 'string'
          ? 'the date of the succession of States and the entry into force on record'
          : fromTheRecord;
      dates.push({
        ...treaty,
        what: 'entry-into-force',
        party,
        on: partyInForce,
        computedFrom,
        ...nth(earlier.length + 1),
      });
    }
    // Each withdrawal that took effect, and the one notified last, numbered as the entries into force are.
    const withdrawals: WithdrawalEffect[] = [
      ...(Array.isArray(entry.earlierWithdrawals) ? entry.earlierWithdrawals : []),
      {
        effectiveOn: entry.withdrawalEffectiveOn,
        effectiveOnComputed: entry.withdrawalEffectiveOnComputed,
        effectiveBetween: entry.withdrawalEffectiveBetween,
      },
    ];
    for (const [index, withdrawal] of withdrawals.entries()) {
      const days = computedEffect(withdrawal);
      if (days === null) continue;
      const computedFrom = "the notification of withdrawal and the treaty's notice period";
      dates.push({ ...treaty, what: 'withdrawal', party, ...days, computedFrom, ...nth(index + 1) });
    }
  }
  const end = computedOrExpected(status.terminatedOnComputed, status.terminatedOn, status.terminatedOnExpected);
  if (only === undefined && end !== null) {
    const computedFrom = "a party's withdrawal taking effect: a bilateral treaty ends with it";
    dates.push({ ...treaty, what: 'termination', on: end, computedFrom });
  }
  return dates;
}

/**
 * The days of a withdrawal's computed effect: its period shown, or, where it may fall on several days, the first and
 * last of them (decision 0115: a notice of March 2022 under 180 days takes effect between 2022-08-28 and 2022-09-27,
 * shown as "2022"; one of July 2022 between 2022-12-28 and 2023-01-27, shown as nothing). Null for a reported one
 * (its development has its own event) and for none.
 */
function computedEffect({
  effectiveOn,
  effectiveOnComputed,
  effectiveBetween,
}: WithdrawalEffect): { on: string; until?: string } | null {
  const computed = effectiveOnComputed === true || effectiveOn === null;
  if (!computed) return null;
  const { earliest, latest } = effectiveBetween ?? {};
  if (typeof earliest === 'string' && typeof latest === 'string') return { on: earliest, until: latest };
  return typeof effectiveOn === 'string' ? { on: effectiveOn } : null;
}

/** The occurrence of a party's entry into force, said only from the second on (the first's UID predates them). */
const nth = (occurrence: number): { occurrence?: number } => (occurrence > 1 ? { occurrence } : {});

/**
 * Said the same whether the day has come or not: a calendar's bytes follow the record alone (decision 0047), and an
 * event dated last year is not "expected". `TENTATIVE` and the description say that no source has reported it.
 */
const SUMMARY: Record<ExpectedOccurrence, string> = {
  'entry-into-force': 'Entry into force (computed)',
  withdrawal: 'Withdrawal taking effect (computed)',
  termination: 'End (computed)',
};

/** The development type whose report would confirm it, as the calendar's category. */
const CATEGORY: Record<ExpectedOccurrence, string> = {
  'entry-into-force': 'entered-into-force',
  withdrawal: 'withdrawn',
  termination: 'terminated',
};

/** Where the event spans several days, that the date is one of them, not each. */
const between = ({ on, until }: ExpectedDate): string =>
  until === undefined ? '' : `; on one day from ${on} to ${until}, which the record does not tell`;

/**
 * A computed date as a tentative all-day event: calendars show it as expected, and its UID stays the same while the
 * computation moves, so that a changed deposit date moves the event instead of adding one. A party's second and later
 * entries into force (a state that left and rejoined) end in their number (`.US.2`); the first keeps the UID it has
 * always had, so that an event a calendar already holds is not duplicated, and a state rejoining adds an event
 * rather than moving the one of its first entry into force (decision 0106).
 */
export function expectedEvent(expected: ExpectedDate, baseUrl: string, stamp: string): string[] {
  const { start } = allDaySpan(expected.on);
  const { end } = allDaySpan(expected.until ?? expected.on);
  const who = expected.party ? ` for ${expected.party}` : '';
  const scope = `${expected.party ? `.${expected.party}` : ''}${expected.occurrence ? `.${expected.occurrence}` : ''}`;
  const uid = `${expected.treatyId}.${expected.what}${scope}@treaty-timeline`;
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${end}`,
    `SUMMARY:${text(`${SUMMARY[expected.what]}${who}: ${expected.treatyTitle}`)}`,
    `DESCRIPTION:${text(`Computed from ${expected.computedFrom}${between(expected)}; no source has reported it yet.`)}`,
    `URL;VALUE=URI:${baseUrl}/treaties/${encodeURIComponent(expected.treatyId)}`,
    `CATEGORIES:${CATEGORY[expected.what]}`,
    'STATUS:TENTATIVE',
    'TRANSP:TRANSPARENT',
    'X-TREATY-TIMELINE-COMPUTED:TRUE',
    'END:VEVENT',
  ];
}

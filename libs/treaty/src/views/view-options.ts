import { isCalendarDate } from '../partial-date';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';

/**
 * The two time-travel axes. `knownAt` is transaction time: what the record said at that moment (events recorded
 * later are ignored, corrections included). `asOf` is valid time: which developments had happened by that day.
 * Without `asOf`, `today` makes the view the present's: every report on record counts (the record takes none of a
 * day to come), and a date the record sets ahead (an entry into force by the clause, a withdrawal's effect) once it
 * has come by today. With neither, every date the record determines counts, those ahead too.
 */
export type ViewOptions = {
  /** `YYYY-MM-DD`, inclusive. A development known only to the month or year counts from the end of that period. */
  readonly asOf?: string;
  /** A Date or an ISO 8601 timestamp with a zone; events recorded at or before it are kept. */
  readonly knownAt?: Date | string;
  /** `YYYY-MM-DD`: the day the present is, when there is no `asOf`. */
  readonly today?: string;
};

export type ResolvedViewOptions = {
  readonly asOf: string | null;
  readonly knownAt: Date | null;
  readonly today?: string | null;
};

// A zone is required: without one JavaScript reads the time in the server's zone, and answers would differ by host.
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function resolveViewOptions(options: ViewOptions = {}): ResolvedViewOptions {
  const { asOf, knownAt, today } = options;
  for (const [field, day] of [
    ['asOf', asOf],
    ['today', today],
  ] as const) {
    if (day !== undefined && !isCalendarDate(day)) {
      throw new TreatyRuleViolation(
        'INVALID_DATE',
        `${field} must be a real date written YYYY-MM-DD; got ${String(day)}`,
        field,
      );
    }
  }
  return { asOf: asOf ?? null, knownAt: knownAt === undefined ? null : instantOf(knownAt), today: today ?? null };
}

function instantOf(knownAt: Date | string): Date {
  // JavaScript rolls a day past the month's end over into the next month (30 February is 2 March): refuse it.
  const instant =
    typeof knownAt === 'string' && ISO_TIMESTAMP.test(knownAt) && isCalendarDate(knownAt.slice(0, 10))
      ? new Date(knownAt)
      : knownAt;
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new TreatyRuleViolation(
      'INVALID_DATE',
      `knownAt must be an ISO 8601 timestamp such as 2025-04-08T12:00:00Z; got ${String(knownAt)}`,
      'knownAt',
    );
  }
  return instant;
}

import { endOfPeriod } from '../partial-date';

/**
 * The day against which a view reads the dates the record sets ahead of time: an entry into force computed from the
 * clause, a withdrawal's effect after its notice period or on the day the notice gives, a bilateral treaty's end.
 * A date has come once its whole period has (a month on its last day).
 *
 * It also remembers the first of the dates it was asked about that had not come: the view reads the same on every
 * day before it (a date it was not asked about can only matter once one it was asked about has come), so that is
 * when the calendar alone next changes it (`nextChangeOn`).
 */
export class DatesComeBy {
  private firstAhead: string | null = null;

  private constructor(readonly day: string | null) {}

  /** Every date on record has come, ahead of today or not: the record's last word (no `asOf`, no present). */
  static always(): DatesComeBy {
    return new DatesComeBy(null);
  }

  /** The dates that have come by `day` (`YYYY-MM-DD`): `asOf`, or today for the present. */
  static by(day: string): DatesComeBy {
    return new DatesComeBy(day);
  }

  hasCome(date: string | null): boolean {
    if (date === null) return false;
    if (this.day === null) return true;
    const end = endOfPeriod(date);
    if (end <= this.day) return true;
    if (this.firstAhead === null || end < this.firstAhead) this.firstAhead = end;
    return false;
  }

  /** The first day after `day` on which a date the view read comes, or null: none lies ahead. */
  get nextChangeOn(): string | null {
    return this.firstAhead;
  }
}

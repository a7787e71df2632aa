import type { Development } from '../development';
import { comparePartialDates, startOfPeriod } from '../partial-date';

type OnRecord = { readonly current: Development };

/**
 * Consent to be bound is established on the exchange of instruments, their deposit or a notification (VCLT art. 16),
 * not on the day a ratification was completed at home (`TREATY-LAW.md`; decisions 0079 and 0101). The views (a
 * clause's count, a party's entry into force, whether its notice runs the notice period, a bilateral treaty's end) and
 * the decider (whether a revocation came before the notice's effect) read it through these functions, so that they
 * cannot disagree on whether a state that ratified at home was bound.
 */

/**
 * The first exchange of instruments on record dated on or after `on` (a ratification completed), if any: the earliest
 * by its start, the first on record among those starting the same day (the views' valid-time order), whatever order
 * the record is given in (the decider's is the order of reporting).
 */
export function exchangeAfter<T extends OnRecord>(record: readonly T[], on: string): T | undefined {
  let first: T | undefined;
  for (const report of record) {
    if (report.current.type !== 'instruments-exchanged') continue;
    if (comparePartialDates(report.current.occurredOn, on) < 0) continue;
    if (first === undefined || startOfPeriod(report.current.occurredOn) < startOfPeriod(first.current.occurredOn)) {
      first = report;
    }
  }
  return first;
}

/**
 * The dates on which the party's consent was established, each time it was: every consent to be bound, and every
 * ratification completed at home by the exchange that followed it (none while no exchange is on record).
 */
export function consentEstablishedOn(record: readonly OnRecord[], party: string): string[] {
  return record.flatMap(({ current }) => {
    if (current.type === 'consent-to-be-bound' && current.party === party) return [current.occurredOn];
    if (current.type !== 'ratification-completed' || current.party !== party) return [];
    const exchange = exchangeAfter(record, current.occurredOn);
    return exchange ? [exchange.current.occurredOn] : [];
  });
}

/**
 * Whether an instrument of the party's, established internationally, is on record by `date` (at the coarser
 * precision): under an entry-into-force clause, what binds a state by then, short of a reported entry into force
 * (decision 0101). A ratification completed at home with no exchange by then says the state was ready, not bound: its
 * notice of withdrawal is one of a state saying it will not become a party, effective when given.
 */
export function consentEstablishedBy(record: readonly OnRecord[], party: string, date: string): boolean {
  return consentEstablishedOn(record, party).some((on) => comparePartialDates(on, date) <= 0);
}

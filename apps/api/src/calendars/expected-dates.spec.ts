import { describe, expect, it } from '@jest/globals';
import type { JsonView } from '@timeline/projections';
import { expectedDatesOf } from './expected-dates';

/** A status view as the read model renders it, with what expectedDatesOf reads. */
function status(entryIntoForceClause: unknown): JsonView {
  return {
    id: 'a-convention',
    title: 'A convention',
    entryIntoForceClause,
    enteredIntoForceOn: '2021-07-09',
    enteredIntoForceOnComputed: true,
    ratification: { AT: { inForceOn: '2021-07-09', inForceOnComputed: true, consent: { successionOn: null } } },
  };
}

describe('expectedDatesOf', () => {
  it('says a date computed under a clause comes from the clause', () => {
    const dates = expectedDatesOf(status({ instrumentsRequired: 2, daysAfter: 30 }));
    expect(dates.map(({ computedFrom }) => computedFrom)).toEqual([
      "the treaty's entry-into-force clause and the instruments on record",
      "the treaty's entry-into-force clause and the instruments on record",
    ]);
  });

  it('says a date computed with no clause registered comes from the consents (decision 0079)', () => {
    const dates = expectedDatesOf(status(null));
    expect(dates).toHaveLength(2);
    for (const { computedFrom } of dates) expect(computedFrom).toMatch(/consents on record.*VCLT art\. 24/);
  });
});

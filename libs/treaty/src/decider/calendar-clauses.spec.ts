import { describe, it } from '@jest/globals';
import { register, registered, spec } from '../testing';

/** Registration terms whose periods count months or years, or run to the first day of the following month (0063). */
describe('a clause in days, months or years, perhaps to the first day of the following month', () => {
  it('records a Council of Europe clause: three months after the fifth instrument, then the first of the month', () => {
    const terms = {
      entryIntoForce: { instrumentsRequired: 5, monthsAfter: 3, firstDayOfFollowingMonth: true },
      withdrawalNotice: { months: 3, firstDayOfFollowingMonth: true },
    } as const;
    spec.given([]).when(register(terms)).then(registered(terms));
  });

  it('records the Rome Statute: the first day of the month after the 60th day following the 60th instrument', () => {
    const entryIntoForce = { instrumentsRequired: 60, daysAfter: 60, firstDayOfFollowingMonth: true } as const;
    spec
      .given([])
      .when(register({ entryIntoForce, withdrawalNotice: { years: 1 } }))
      .then(registered({ entryIntoForce, withdrawalNotice: { years: 1 } }));
  });

  it('drops a false firstDayOfFollowingMonth, and records a notice of days alone as withdrawalNoticeDays', () => {
    spec
      .given([])
      .when(
        register({
          entryIntoForce: { instrumentsRequired: 2, yearsAfter: 1, firstDayOfFollowingMonth: false },
          withdrawalNotice: { days: 365, firstDayOfFollowingMonth: false },
        }),
      )
      .then(registered({ entryIntoForce: { instrumentsRequired: 2, yearsAfter: 1 }, withdrawalNoticeDays: 365 }));
  });

  it('records a clause of days alone as before', () => {
    const terms = { entryIntoForce: { instrumentsRequired: 3, daysAfter: 30 }, withdrawalNoticeDays: 180 } as const;
    spec.given([]).when(register(terms)).then(registered(terms));
  });

  it.each([
    [{ entryIntoForce: { instrumentsRequired: 3 } }, 'MISSING_FIELD', 'entryIntoForce.daysAfter'],
    // The number of instruments is checked first, as before.
    [{ entryIntoForce: { instrumentsRequired: 0 } }, 'INVALID_FIELD', 'entryIntoForce.instrumentsRequired'],
    [
      { entryIntoForce: { instrumentsRequired: 3, firstDayOfFollowingMonth: true } },
      'MISSING_FIELD',
      'entryIntoForce.daysAfter',
    ],
    [{ entryIntoForce: { instrumentsRequired: 3, daysAfter: 30, monthsAfter: 1 } }, 'INVALID_FIELD', 'entryIntoForce'],
    [{ entryIntoForce: { instrumentsRequired: 3, monthsAfter: 0 } }, 'INVALID_FIELD', 'entryIntoForce.monthsAfter'],
    [{ entryIntoForce: { instrumentsRequired: 3, monthsAfter: 121 } }, 'INVALID_FIELD', 'entryIntoForce.monthsAfter'],
    [{ entryIntoForce: { instrumentsRequired: 3, yearsAfter: 1.5 } }, 'INVALID_FIELD', 'entryIntoForce.yearsAfter'],
    [
      { entryIntoForce: { instrumentsRequired: 3, monthsAfter: 3, firstDayOfFollowingMonth: 'yes' } },
      'INVALID_FIELD',
      'entryIntoForce.firstDayOfFollowingMonth',
    ],
    [{ withdrawalNotice: {} }, 'MISSING_FIELD', 'withdrawalNotice.days'],
    [{ withdrawalNotice: 12 }, 'INVALID_FIELD', 'withdrawalNotice'],
    [{ withdrawalNotice: { months: 6, years: 1 } }, 'INVALID_FIELD', 'withdrawalNotice'],
    [{ withdrawalNotice: { years: 11 } }, 'INVALID_FIELD', 'withdrawalNotice.years'],
    [{ withdrawalNoticeDays: 365, withdrawalNotice: { years: 1 } }, 'INVALID_FIELD', 'withdrawalNotice'],
  ])('refuses %j with %s', (terms, code, field) => {
    spec
      .given([])
      .when(register(terms as never))
      .thenThrows(code, { field });
  });
});

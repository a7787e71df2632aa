import { describe, it } from '@jest/globals';
import {
  consented,
  correct,
  registeredMultilateral,
  report,
  retract,
  retracted,
  signedBy,
  source,
  spec,
  TREATY_ID,
  uuid,
  withdrawalNotified,
  withdrawalRevoked,
  withdrew,
} from '../testing';

/**
 * A notice of withdrawal revoked before it takes effect (VCLT art. 68): the Gambia acceded to the Rome Statute, gave
 * notice on 10 November 2016 (a year's notice: effective 10 November 2017) and revoked it on 10 February 2017.
 */
const id = uuid(10);
const notice = uuid(4);
const revocation = uuid(5);
const acceded = [
  registeredMultilateral({ withdrawalNoticeDays: 365 }),
  consented(uuid(3), 'GM', 'accession', '2002-09-28'),
];
const notified = [...acceded, withdrawalNotified(notice, 'GM', '2016-11-10')];
const revoked = [...notified, withdrawalRevoked(revocation, 'GM', '2017-02-10')];
/** A registration whose notice is the clause it is given, without the fixture's 180 days. */
function withoutNoticeDays(registration: ReturnType<typeof registeredMultilateral>) {
  const { withdrawalNoticeDays: _days, ...data } = registration.data;
  return { ...registration, data };
}
const revoke = (occurredOn: string, party = 'GM') => report(id, { type: 'withdrawal-revoked', party, occurredOn });

describe('a notice of withdrawal revoked before it takes effect', () => {
  it('is recorded for the party that gave it, with its source', () => {
    spec
      .given(notified)
      .when(revoke('2017-02-10'))
      .then({
        type: 'WithdrawalRevoked',
        data: { treatyId: TREATY_ID, developmentId: id, occurredOn: '2017-02-10', source: source(), party: 'GM' },
      });
  });

  it('needs a notice of the party on record', () => {
    spec
      .given(acceded)
      .when(revoke('2017-02-10'))
      .thenThrows('WITHDRAWAL_NOTICE_NOT_FOUND', { field: 'party', message: /GM has no notice of withdrawal/ });
    spec
      .given([...notified, consented(uuid(6), 'AT', 'ratification', '2003-01-01')])
      .when(revoke('2017-02-10', 'AT'))
      .thenThrows('WITHDRAWAL_NOTICE_NOT_FOUND', { field: 'party' });
  });

  it('is not dated before the notice', () => {
    spec
      .given(notified)
      .when(revoke('2016-10-01'))
      .thenThrows('REVOCATION_BEFORE_NOTICE', { field: 'occurredOn', message: /first notified on 2016-11-10/ });
  });

  it('is refused once the notice took effect: after the notice period, or on the day it ran out', () => {
    spec
      .given(notified)
      .when(revoke('2017-12-01'))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE', { field: 'occurredOn', message: /2017-11-10/ });
    spec.given(notified).when(revoke('2017-11-10')).thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE');
    // Known only to the month of the effect: not known to come before it.
    spec.given(notified).when(revoke('2017-11')).thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE');
    spec.given(notified).when(revoke('2017-11-09')).then(revokedOn('2017-11-09'));
  });

  it("counts a notice period in years on the calendar, as the treaty's clause gives it", () => {
    // The Rome Statute's art. 127: "one year after the date of receipt of the notification". Counted as 365 days, a
    // notice given on 2016-03-01 would take effect a day early, on 2017-02-28 (2016 is a leap year).
    const yearly = [
      withoutNoticeDays(registeredMultilateral({ withdrawalNotice: { years: 1 } })),
      consented(uuid(3), 'GM', 'accession', '2002-09-28'),
      withdrawalNotified(notice, 'GM', '2016-03-01'),
    ];
    spec.given(yearly).when(revoke('2017-02-28')).then(revokedOn('2017-02-28'));
    spec
      .given(yearly)
      .when(revoke('2017-03-01'))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE', { message: /notice period \(1 year\) on 2017-03-01/ });
  });

  it('is refused after the effect of a notice known only to its month, where every day of it gives that effect', () => {
    // The Rome Statute's withdrawal runs a year to the first day of the following month: any day of March 2022 gives
    // 2023-04-01 (decision 0105).
    const monthly = (clause: { years: number; firstDayOfFollowingMonth?: true }) => [
      withoutNoticeDays(registeredMultilateral({ withdrawalNotice: clause })),
      consented(uuid(3), 'JP', 'accession', '2007-07-17'),
      withdrawalNotified(notice, 'JP', '2022-03'),
    ];
    const rome = monthly({ years: 1, firstDayOfFollowingMonth: true });
    spec
      .given(rome)
      .when(revoke('2025-11-01', 'JP'))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE', { message: /on 2023-04-01/ });
    spec.given(rome).when(revoke('2023-03-31', 'JP')).then(revokedOn('2023-03-31', 'JP'));
    // A plain year: some day of March 2023, so a revocation of that month is not known to come before it.
    const plain = monthly({ years: 1 });
    spec
      .given(plain)
      .when(revoke('2023-03-01', 'JP'))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE', { message: /on 2023-03,/ });
    spec.given(plain).when(revoke('2023-02-28', 'JP')).then(revokedOn('2023-02-28', 'JP'));
  });

  it('is accepted before the earliest effect of a notice known to its month, refused once it may have come', () => {
    // 180 days from some day of March 2022 ends between 2022-08-28 and 2022-09-27 (decision 0105): a revocation of
    // 15 April is certainly before the effect, though both fall in 2022.
    const days180 = [
      registeredMultilateral({ withdrawalNoticeDays: 180 }),
      consented(uuid(3), 'JP', 'accession', '2007-07-17'),
      withdrawalNotified(notice, 'JP', '2022-03'),
    ];
    spec.given(days180).when(revoke('2022-04-15', 'JP')).then(revokedOn('2022-04-15', 'JP'));
    spec.given(days180).when(revoke('2022-08-27', 'JP')).then(revokedOn('2022-08-27', 'JP'));
    // On or after the earliest possible effect, it is not known to come before it (decision 0062).
    spec
      .given(days180)
      .when(revoke('2022-08-28', 'JP'))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE', { message: /between 2022-08-28 and 2022-09-27/ });
    spec
      .given(days180)
      .when(revoke('2022-10-01', 'JP'))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE', { message: /between 2022-08-28 and 2022-09-27/ });
  });

  it('is accepted before the earliest effect of a notice whose possible days fall in two years (decision 0115)', () => {
    // 180 days from some day of July 2022 ends between 2022-12-28 and 2023-01-27: no period is shown, yet the range
    // decides, as for any coarse notice.
    const july = [
      registeredMultilateral({ withdrawalNoticeDays: 180 }),
      consented(uuid(3), 'JP', 'accession', '2007-07-17'),
      withdrawalNotified(notice, 'JP', '2022-07'),
    ];
    spec.given(july).when(revoke('2022-11-01', 'JP')).then(revokedOn('2022-11-01', 'JP'));
    spec
      .given(july)
      .when(revoke('2023-01-10', 'JP'))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE', { message: /between 2022-12-28 and 2023-01-27/ });
  });

  it('is refused after the day the notice gives, or after a report that the withdrawal took effect', () => {
    spec
      .given([...acceded, withdrawalNotified(notice, 'GM', '2016-11-10', '2017-01-31')])
      .when(revoke('2017-02-10'))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE', { message: /takes effect on 2017-01-31/ });
    spec
      .given([...notified, withdrew(uuid(6), 'GM', '2017-01-15')])
      .when(revoke('2017-02-10'))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE', { message: /reported to have taken effect on 2017-01-15/ });
  });

  it("is refused for a signatory's notice, which took effect when given (VCLT art. 18)", () => {
    spec
      .given([
        registeredMultilateral({ withdrawalNoticeDays: 365 }),
        signedBy(uuid(3), 'US', '2000-12-31'),
        withdrawalNotified(notice, 'US', '2002-05-06'),
      ])
      .when(revoke('2002-06-01', 'US'))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE', { message: /not bound by the treaty/ });
  });

  it('a notice given after a revocation is another notice, and can be revoked in its turn', () => {
    spec
      .given(revoked)
      .when(report(id, { type: 'withdrawal-notified', party: 'GM', occurredOn: '2019-03-01' }))
      .then({
        type: 'WithdrawalNotified',
        data: { treatyId: TREATY_ID, developmentId: id, occurredOn: '2019-03-01', source: source(), party: 'GM' },
      });
    spec
      .given([...revoked, withdrawalNotified(uuid(7), 'GM', '2019-03-01')])
      .when(revoke('2019-05-01'))
      .then(revokedOn('2019-05-01'));
  });
});

describe('corrections, retractions and later reports keep a revocation revoking a notice that had not taken effect', () => {
  it('the notice is not moved after the revocation, nor its effect before it, nor to another party', () => {
    spec
      .given(revoked)
      .when(correct(id, notice, { occurredOn: '2017-03-01' }))
      .thenThrows('REVOCATION_BEFORE_NOTICE', { field: 'changes.occurredOn', message: /retract that revocation/ });
    spec
      .given(revoked)
      .when(correct(id, notice, { effectiveOn: '2017-01-31' }))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE', { field: 'changes.effectiveOn' });
    spec
      .given([...revoked, consented(uuid(6), 'AT', 'ratification', '2003-01-01')])
      .when(correct(id, notice, { party: 'AT' }))
      .thenThrows('WITHDRAWAL_NOTICE_NOT_FOUND', { field: 'changes.party' });
    spec
      .given(revoked)
      .when(correct(id, notice, { occurredOn: '2016-11-11' }))
      .then({
        type: 'DevelopmentCorrected',
        data: {
          treatyId: TREATY_ID,
          developmentId: notice,
          changes: { occurredOn: '2016-11-11' },
          reason: 'Misread the date',
          source: source(),
        },
      });
  });

  it('the revocation is held to the same rules as a new report', () => {
    spec
      .given(revoked)
      .when(correct(id, revocation, { occurredOn: '2018-01-01' }))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE', { field: 'changes.occurredOn' });
    spec
      .given(revoked)
      .when(correct(id, revocation, { occurredOn: '2016-01-01' }))
      .thenThrows('REVOCATION_BEFORE_NOTICE', { field: 'changes.occurredOn' });
  });

  it('the notice is retracted after its revocation, not before', () => {
    spec
      .given(revoked)
      .when(retract(id, notice))
      .thenThrows('WITHDRAWAL_NOTICE_NOT_FOUND', { field: 'developmentId', message: /retract that revocation/ });
    spec
      .given(revoked)
      .when(retract(id, revocation))
      .then({
        type: 'DevelopmentRetracted',
        data: { treatyId: TREATY_ID, developmentId: revocation, reason: 'Report was unfounded', source: source() },
      });
    spec
      .given([...revoked, retracted(revocation)])
      .when(retract(id, notice))
      .then({
        type: 'DevelopmentRetracted',
        data: { treatyId: TREATY_ID, developmentId: notice, reason: 'Report was unfounded', source: source() },
      });
  });

  it('a report that the withdrawal took effect before the revocation is refused; one after it is another withdrawal', () => {
    spec
      .given(revoked)
      .when(report(id, { type: 'withdrawn', party: 'GM', occurredOn: '2017-01-15' }))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE', { field: 'occurredOn', message: /GM's notice of withdrawal/ });
    spec
      .given(revoked)
      .when(report(id, { type: 'withdrawn', party: 'GM', occurredOn: '2018-01-15' }))
      .then({
        type: 'PartyWithdrew',
        data: { treatyId: TREATY_ID, developmentId: id, occurredOn: '2018-01-15', source: source(), party: 'GM' },
      });
  });

  it('the consent that made the state bound is not retracted from under a revocation', () => {
    // Without it, the notice is a signatory's, which took effect when given: there would be nothing to revoke.
    spec
      .given([
        registeredMultilateral({ withdrawalNoticeDays: 365 }),
        signedBy(uuid(2), 'GM', '1998-12-04'),
        consented(uuid(3), 'GM', 'ratification', '2002-06-28'),
        withdrawalNotified(notice, 'GM', '2016-11-10'),
        withdrawalRevoked(revocation, 'GM', '2017-02-10'),
      ])
      .when(retract(id, uuid(3)))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE', { field: 'developmentId' });
  });
});

function revokedOn(occurredOn: string, party = 'GM') {
  return {
    type: 'WithdrawalRevoked',
    data: { treatyId: TREATY_ID, developmentId: id, occurredOn, source: source(), party },
  } as const;
}

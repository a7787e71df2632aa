import { describe, expect, it } from '@jest/globals';
import { happened, ratified, recorded, registered, report, retract, spec, uuid } from '../testing/treaty-fixtures';
import {
  consented,
  registeredMultilateral,
  withdrawalNotified,
  withdrawalRevoked,
} from '../testing/treaty-law-fixtures';
import { treatyStatusView } from './treaty-status.view';

describe('decision 0062 with 0043, a revocation the views say came after the notice took effect', () => {
  // No clause, not in force: FR's consent does not bind it yet, so its notice took effect when given (decision 0043).
  const given = [
    registeredMultilateral({ entryIntoForce: undefined, withdrawalNoticeDays: 365 }),
    consented(uuid(2), 'FR', 'ratification', '2024-01-10'),
    withdrawalNotified(uuid(3), 'FR', '2024-06-01'),
  ];

  it('the status view reads the notice as effective on the day it was given', () => {
    const view = treatyStatusView(recorded(given))!;
    expect(view.ratification['FR']).toMatchObject({ withdrawalEffectiveOn: '2024-06-01' });
  });

  it('the decider refuses a revocation three months later (VCLT art. 68: only before it takes effect)', () => {
    spec
      .given(given)
      .when(report(uuid(4), { type: 'withdrawal-revoked', party: 'FR', occurredOn: '2024-09-01' }))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE');
  });
});

describe('decision 0062 with 0101, a revocation by a state that had only ratified at home, under a clause', () => {
  // Under a clause only an instrument binds (decision 0101): RU's ratification completed at home, with no exchange by
  // its notice, bound it to nothing a notice period protects, so its notice took effect when given. The decider and
  // the view read "bound" through the same function (`consentEstablishedBy`).
  const registration = registered({
    kind: 'bilateral',
    entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
    withdrawalNoticeDays: 365,
  });
  const completedAtHome = [
    registration,
    ratified(uuid(2), 'RU', '2024-01-10'),
    ratified(uuid(3), 'IR', '2024-02-10'),
    withdrawalNotified(uuid(4), 'RU', '2024-06-01'),
  ];
  const revoke = (occurredOn: string) => report(uuid(6), { type: 'withdrawal-revoked', party: 'RU', occurredOn });

  it('the view reads the notice as effective on the day it was given', () => {
    expect(treatyStatusView(recorded(completedAtHome))!.ratification['RU']).toMatchObject({
      withdrawalEffectiveOn: '2024-06-01',
      withdrawn: true,
    });
  });

  it('the decider refuses a revocation three months later, as after the effect', () => {
    spec
      .given(completedAtHome)
      .when(revoke('2024-09-01'))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE', { message: /state not bound by the treaty/ });
  });

  it('once the instruments were exchanged before the notice, both read the notice period', () => {
    const exchanged = [
      registration,
      ratified(uuid(2), 'RU', '2024-01-10'),
      ratified(uuid(3), 'IR', '2024-02-10'),
      happened('InstrumentsExchanged', uuid(5), '2024-03-01'),
      withdrawalNotified(uuid(4), 'RU', '2024-06-01'),
    ];
    expect(treatyStatusView(recorded(exchanged))!.ratification['RU']).toMatchObject({
      withdrawalEffectiveOn: '2025-06-01',
    });
    spec
      .given(exchanged)
      .when(revoke('2024-09-01'))
      .then(withdrawalRevoked(uuid(6), 'RU', '2024-09-01'));
  });

  it('the exchange a revocation depends on cannot be retracted while the revocation stands', () => {
    spec
      .given([
        registration,
        ratified(uuid(2), 'RU', '2024-01-10'),
        ratified(uuid(3), 'IR', '2024-02-10'),
        happened('InstrumentsExchanged', uuid(5), '2024-03-01'),
        withdrawalNotified(uuid(4), 'RU', '2024-06-01'),
        withdrawalRevoked(uuid(6), 'RU', '2024-09-01'),
      ])
      .when(retract(uuid(7), uuid(5)))
      .thenThrows('WITHDRAWAL_ALREADY_EFFECTIVE');
  });
});

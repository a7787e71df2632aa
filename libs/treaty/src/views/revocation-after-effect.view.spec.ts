import { describe, expect, it } from '@jest/globals';
import { recorded, report, spec, uuid } from '../testing/treaty-fixtures';
import { consented, registeredMultilateral, withdrawalNotified } from '../testing/treaty-law-fixtures';
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

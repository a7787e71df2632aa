import { describe, expect, it } from '@jest/globals';
import { happened, recorded, registered, report, spec, uuid } from '../testing/treaty-fixtures';
import { scoped } from '../testing/treaty-law-fixtures';
import { treatyStatusView } from './treaty-status.view';

describe('decision 0066, a resumption of the whole treaty after one party suspended it', () => {
  it('New START resumed as a whole (reported with no party) reads in force again', () => {
    const events = [
      registered({ title: 'New START', parties: ['US', 'RU'], kind: 'bilateral' }),
      happened('TreatyEnteredIntoForce', uuid(2), '2011-02-05'),
      scoped('TreatySuspended', uuid(3), '2023-02-21', 'RU'),
      // Accepted by the decider: "the treaty's operation resumed", no party named.
      happened('TreatyResumed', uuid(4), '2025-02-01'),
    ];
    spec
      .given(events.slice(0, 3))
      .when(report(uuid(4), { type: 'resumed', occurredOn: '2025-02-01' }))
      .then(events[3]!);
    const view = treatyStatusView(recorded(events))!;
    expect({ status: view.status, resumedOn: view.resumedOn }).toEqual({ status: 'in-force', resumedOn: '2025-02-01' });
  });
});

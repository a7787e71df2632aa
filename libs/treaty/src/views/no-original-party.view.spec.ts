import { describe, expect, it } from '@jest/globals';
import { recorded, uuid } from '../testing/treaty-fixtures';
import { consented, registeredMultilateral } from '../testing/treaty-law-fixtures';
import { treatyStatusView } from './treaty-status.view';

describe('decision 0067, a convention registered with no original party', () => {
  it('is not "ratified" when one state of the three its clause needs has ratified', () => {
    // ILO-like: no state signs; in force 30 days after the third instrument (the fixture's clause).
    const view = treatyStatusView(
      recorded([registeredMultilateral({ parties: [] }), consented(uuid(2), 'FR', 'ratification', '2025-03-01')]),
    )!;
    expect(view.parties).toEqual(['FR']);
    expect(view.enteredIntoForceOn).toBeNull();
    // The listing by status=ratified would hold it; with two original parties and FR's ratification it reads
    // ratification-in-progress.
    expect(view.status).not.toBe('ratified');
  });

  it('compare: the same convention with two original parties reads ratification-in-progress', () => {
    const view = treatyStatusView(
      recorded([
        registeredMultilateral({ parties: ['AT', 'BE'] }),
        consented(uuid(2), 'FR', 'ratification', '2025-03-01'),
      ]),
    )!;
    expect(view.status).toBe('ratification-in-progress');
  });
});

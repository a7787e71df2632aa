import { describe, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  consented,
  objected,
  registeredMultilateral,
  reserved,
  retract,
  retracted,
  source,
  spec,
  TREATY_ID,
  uuid,
} from '../testing';

const id = uuid(20);
const objectionsWithdrawn = (
  developmentId: string,
  party: string,
  againstParty: string,
  occurredOn: string,
): TreatyEvent => ({
  type: 'ObjectionWithdrawn',
  data: { treatyId: TREATY_ID, developmentId, occurredOn, source: source(), party, againstParty },
});

describe('a retraction judged by what it leaves, not by what an older log already holds', () => {
  it("retracts Denmark's objection though a log written before the rule holds Austria's orphaned withdrawal", () => {
    // Written before 00665bf: Austria's objection retracted, its withdrawal of objections left on record.
    const legacy = [
      registeredMultilateral(),
      consented(uuid(2), 'AT', 'ratification', '2025-01-10'),
      consented(uuid(3), 'BE', 'ratification', '2025-03-01'),
      consented(uuid(8), 'DK', 'ratification', '2025-03-01'),
      reserved(uuid(4), 'BE', '2025-03-01', 'On article 5'),
      objected(uuid(5), 'AT', 'BE', '2025-07-01'),
      objectionsWithdrawn(uuid(6), 'AT', 'BE', '2025-12-01'),
      retracted(uuid(5)),
      objected(uuid(7), 'DK', 'BE', '2025-08-01'),
    ];
    // Denmark's objection was a misreport: nothing depends on it.
    spec
      .given(legacy)
      .when(retract(id, uuid(7)))
      .then(retracted(uuid(7)));
  });
});

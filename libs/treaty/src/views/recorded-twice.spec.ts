import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import { approved, corrected, happened, recorded, registered, retracted, uuid, statement } from '../testing';
import { treatyStatusView } from './treaty-status.view';

function recordedTwiceIn(events: readonly TreatyEvent[], asOf?: string) {
  const view = treatyStatusView(recorded(events), asOf === undefined ? {} : { asOf });
  if (view === null) throw new Error('expected a registered treaty');
  return view.recordedTwice;
}

/**
 * A log written before decision 0042: the Duma's vote reported for 8 April, another report of it for 9 April kept
 * beside it as a disagreement, then corrected onto 8 April. One act, two developments.
 */
const correctedOntoTheOther = [
  registered(),
  approved(uuid(1), 'RU', 'State Duma', '2025-04-08'),
  approved(uuid(2), 'RU', 'state  duma', '2025-04-09', { disagreesWith: [uuid(1)] }),
  corrected(uuid(2), { occurredOn: '2025-04-08' }),
];

describe('acts recorded twice', () => {
  it('lists the developments that are one act, in the order recorded, with its type and party', () => {
    expect(recordedTwiceIn(correctedOntoTheOther)).toEqual([
      { type: 'legislative-approval', party: 'RU', developmentIds: [uuid(1), uuid(2)] },
    ]);
  });

  it('matches at the coarser precision, and an act of the treaty as a whole with no party', () => {
    const events = [
      registered(),
      happened('TreatyEnteredIntoForce', uuid(1), '2025-06'),
      happened('TreatyEnteredIntoForce', uuid(2), '2025-07-01', { disagreesWith: [uuid(1)] }),
      corrected(uuid(2), { occurredOn: '2025-06-20' }),
    ];
    expect(recordedTwiceIn(events)).toEqual([
      { type: 'entered-into-force', party: null, developmentIds: [uuid(1), uuid(2)] },
    ]);
  });

  it('lists nothing for disagreeing dates, other chambers or readings, a retracted copy, or before asOf', () => {
    expect(recordedTwiceIn(correctedOntoTheOther.slice(0, 3))).toEqual([]);
    expect(
      recordedTwiceIn([
        registered(),
        approved(uuid(1), 'RU', 'State Duma', '2025-04-08'),
        approved(uuid(2), 'RU', 'Federation Council', '2025-04-08'),
        approved(uuid(3), 'RU', 'State Duma', '2025-04-08', { stage: 'first-reading' }),
      ]),
    ).toEqual([]);
    expect(recordedTwiceIn([...correctedOntoTheOther, retracted(uuid(2))])).toEqual([]);
    // As of a day before the vote, neither is on record.
    expect(recordedTwiceIn(correctedOntoTheOther, '2025-04-07')).toEqual([]);
  });

  it('lists a statement recorded twice: the same speaker and words, spelled alike but for case and spaces', () => {
    const events = [
      registered(),
      statement(uuid(1), 'Vladimir Putin', 'A breakthrough document', '2025-01-17'),
      statement(uuid(2), 'vladimir  putin', 'a breakthrough  document', '2025-01-18'),
      corrected(uuid(2), { occurredOn: '2025-01' }),
    ];
    expect(recordedTwiceIn(events)).toEqual([{ type: 'statement', party: null, developmentIds: [uuid(1), uuid(2)] }]);
  });

  it('lists three developments of one act once, and not a disagreement that a third report agrees with', () => {
    const third = approved(uuid(3), 'RU', 'State Duma', '2025-04-10', { disagreesWith: [uuid(1), uuid(2)] });
    expect(recordedTwiceIn([...correctedOntoTheOther, third, corrected(uuid(3), { occurredOn: '2025-04' })])).toEqual([
      { type: 'legislative-approval', party: 'RU', developmentIds: [uuid(1), uuid(2), uuid(3)] },
    ]);
    // 8 and 9 April disagree; April agrees with both, and is listed with the first.
    const disagreeing = correctedOntoTheOther.slice(0, 3);
    expect(recordedTwiceIn([...disagreeing, third, corrected(uuid(3), { occurredOn: '2025-04' })])).toEqual([
      { type: 'legislative-approval', party: 'RU', developmentIds: [uuid(1), uuid(3)] },
    ]);
  });
});

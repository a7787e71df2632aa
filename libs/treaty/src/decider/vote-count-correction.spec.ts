import { describe, expect, it } from '@jest/globals';
import type { DevelopmentChangesInput } from '../treaty.commands';
import type { TreatyEvent, Votes } from '../treaty.events';
import {
  approved,
  correct,
  corrected,
  recorded,
  registered,
  signed,
  source,
  spec,
  TODAY,
  TREATY_ID,
  uuid,
} from '../testing/treaty-fixtures';
import { treatyStatusView } from '../views/treaty-status.view';
import { decide } from './treaty.decide';
import { foldTreaty } from './treaty.decider';

const id = uuid(10);
const approval = uuid(3);

function approvedWith(votes: Votes): TreatyEvent {
  const event = approved(approval, 'RU', 'State Duma', '2025-04-08');
  return { ...event, data: { ...event.data, votes } } as TreatyEvent;
}

const tally: Votes = { for: 390, against: 10, abstained: 2 };
const history = [registered(), signed(uuid(2), '2025-01-17'), approvedWith(tally)];

function recordsVotes(votes: Votes | null): TreatyEvent {
  return {
    type: 'DevelopmentCorrected',
    data: {
      treatyId: TREATY_ID,
      developmentId: approval,
      changes: { votes },
      reason: 'Misread the date',
      source: source(),
    },
  };
}

function decideOn(events: readonly TreatyEvent[], command: ReturnType<typeof correct>): TreatyEvent {
  return decide(command, foldTreaty(events), { today: TODAY });
}

function votesShownAfter(events: readonly TreatyEvent[]): Votes | null | undefined {
  return treatyStatusView(recorded(events))?.ratification['RU']?.steps[0]?.votes;
}

describe('a correction of vote counts changes the counts it names (decision 0029)', () => {
  it.each<[DevelopmentChangesInput['votes'], Votes | null]>([
    [{ for: 400 }, { for: 400, against: 10, abstained: 2 }],
    [{ against: null }, { for: 390, abstained: 2 }],
    [
      { for: 391, abstained: null },
      { for: 391, against: 10 },
    ],
    [{ for: null, against: null, abstained: null }, null],
    [null, null],
  ])('%j on a tally of 390-10-2 records %j: the counts as they now stand', (votes, after) => {
    spec
      .given(history)
      .when(correct(id, approval, { votes }))
      .then(recordsVotes(after));
  });

  it('shows the recorded counts it did not name', () => {
    const correction = decideOn(history, correct(id, approval, { votes: { for: 400 } }));
    expect(votesShownAfter([...history, correction])).toEqual({ for: 400, against: 10, abstained: 2 });
  });

  it('names counts a development reported without', () => {
    spec
      .given([registered(), signed(uuid(2), '2025-01-17'), approved(approval, 'RU', 'State Duma', '2025-04-08')])
      .when(correct(id, approval, { votes: { against: 3, abstained: null } }))
      .then(recordsVotes({ against: 3 }));
  });

  it('refuses counts that leave the tally as it is, and counts that name nothing', () => {
    spec
      .given(history)
      .when(correct(id, approval, { votes: { for: 390 } }))
      .thenThrows('EMPTY_CORRECTION');
    spec
      .given(history)
      .when(correct(id, approval, { votes: {} }))
      .thenThrows('INVALID_FIELD', { field: 'changes.votes' });
    spec
      .given(history)
      .when(correct(id, approval, { votes: { for: 1.5 } }))
      .thenThrows('INVALID_FIELD', { field: 'changes.votes.for' });
    spec
      .given(history)
      .when(correct(id, approval, { votes: { present: 4 } } as unknown as DevelopmentChangesInput))
      .thenThrows('INVALID_FIELD', { field: 'changes.votes' });
  });

  it('reads a correction recorded before as it always read: the counts it gives, and no others', () => {
    const earlier = corrected(approval, { votes: { for: 400 } });
    expect(votesShownAfter([...history, earlier])).toEqual({ for: 400 });
    const next = decideOn([...history, earlier], correct(id, approval, { votes: { against: 5 } }));
    expect(votesShownAfter([...history, earlier, next])).toEqual({ for: 400, against: 5 });
  });
});

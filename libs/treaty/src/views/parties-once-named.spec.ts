import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  approved,
  consented,
  corrected,
  recorded,
  registeredMultilateral,
  retracted,
  signedBy,
  uuid,
} from '../testing';
import { foldTreatyHistory } from './treaty-history';
import { treatyStatusSummaryOf } from './treaty-status-summary';

function summaryOf(events: readonly TreatyEvent[]) {
  const history = foldTreatyHistory(recorded(events), null);
  if (history === null) throw new Error('expected a registered treaty');
  return treatyStatusSummaryOf(history);
}

const joined = [registeredMultilateral(), consented(uuid(1), 'FR', 'accession', '2025-09-01')];

describe('the parties a listing by party may ever have shown a treaty under', () => {
  it('are the original parties and those that joined, while they are parties', () => {
    expect(summaryOf(joined)).toMatchObject({
      parties: ['AT', 'BE', 'CZ', 'DK', 'EE', 'FR'],
      partiesOnceNamed: ['AT', 'BE', 'CZ', 'DK', 'EE', 'FR'],
    });
  });

  it('keep a party whose joining was retracted, which the treaty no longer has', () => {
    const summary = summaryOf([...joined, retracted(uuid(1))]);
    expect(summary.parties).not.toContain('FR');
    expect(summary.partiesOnceNamed).toContain('FR');
  });

  it('keep the party a joining named before a correction gave it to another, and every version between', () => {
    const summary = summaryOf([
      ...joined,
      corrected(uuid(1), { party: 'GR' }),
      corrected(uuid(1), { party: 'HU' }),
      signedBy(uuid(2), 'IT', '2025-10-01'),
    ]);
    expect(summary.parties).toEqual(['AT', 'BE', 'CZ', 'DK', 'EE', 'HU', 'IT']);
    expect(summary.partiesOnceNamed).toEqual(['AT', 'BE', 'CZ', 'DK', 'EE', 'FR', 'GR', 'HU', 'IT']);
  });

  it('leave out the party of a development that never makes it a party', () => {
    expect(summaryOf([...joined, approved(uuid(2), 'PL', 'Sejm', '2025-10-01')]).partiesOnceNamed).not.toContain('PL');
  });
});

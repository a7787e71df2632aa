import { describe, expect, it } from '@jest/globals';
import { identityKey } from '../development';
import {
  approved,
  consented,
  corrected,
  corroborated,
  happened,
  registeredMultilateral,
  retracted,
  signedBy,
  source,
  uuid,
} from '../testing';
import type { TreatyEvent } from '../treaty.events';
import { recordIndexOf } from './record-index';
import { evolve } from './treaty.evolve';
import { developmentsOnRecord, initialState, partiesOf, type RegisteredTreaty, type TreatyState } from './treaty.state';

/** What the index must say, computed the plain way from the state's whole record. */
function expectIndexToMatchRecord(state: TreatyState) {
  if (state.status === 'unregistered') throw new Error('the history registers the treaty first');
  const onRecord = developmentsOnRecord(state);
  const index = recordIndexOf(state);
  expect(index.onRecord).toEqual(onRecord);
  expect(index.parties).toEqual(partiesOf(state.treaty, state.developments));
  for (const development of onRecord) {
    const key = identityKey(development.current);
    expect(index.reportsOf(key)).toEqual(onRecord.filter((other) => identityKey(other.current) === key));
  }
  expect(index.reportsOf('no such identity')).toEqual([]);
}

/** A deterministic mix of reports (parties joining among them) with corroborations, corrections and retractions. */
function history(length: number): TreatyEvent[] {
  const events: TreatyEvent[] = [registeredMultilateral()];
  const parties = ['AT', 'BE', 'CZ', 'DK'];
  const ids: string[] = [];
  for (let n = 1; n < length; n++) {
    const id = uuid(n);
    const party = parties[n % parties.length]!;
    const target = ids[(n * 7) % Math.max(ids.length, 1)];
    if (target !== undefined && n % 11 === 0) events.push(retracted(target));
    else if (target !== undefined && n % 13 === 0) events.push(corrected(target, { occurredOn: '2025-04' }));
    else if (target !== undefined && n % 5 === 0)
      events.push(corroborated(target, '2025-04-08', source({ publisher: 'IRNA' })));
    else {
      const makers = [
        () => approved(id, party, `Chamber ${n % 3}`, '2025-04-08'),
        () => signedBy(id, `X${n % 4}`, '2025-03-10'),
        () => consented(id, `Y${n % 3}`, 'accession', '2025-05'),
        () => happened('TreatyTerminated', id, '2025-09-30'),
      ];
      events.push(makers[n % makers.length]!());
      ids.push(id);
    }
  }
  return events;
}

describe('recordIndexOf', () => {
  it('says what the whole record says, when carried from one report to the next', () => {
    let state: TreatyState = initialState();
    for (const event of history(120)) {
      state = evolve(state, event);
      if (state.status !== 'unregistered') expectIndexToMatchRecord(state);
    }
  });

  it('says the same when first asked at the end of a long record', () => {
    const state = history(120).reduce(evolve, initialState());
    expectIndexToMatchRecord(state);
  });

  it('still answers for an earlier state after its index has moved on to the next', () => {
    const events = history(40);
    const earlier = events.slice(0, 30).reduce(evolve, initialState()) as RegisteredTreaty;
    recordIndexOf(earlier);
    const later = evolve(earlier, approved(uuid(999), 'AT', 'Chamber 9', '2025-04-08')) as RegisteredTreaty;
    expectIndexToMatchRecord(later);
    expectIndexToMatchRecord(earlier);
    expect(recordIndexOf(earlier).onRecord).toHaveLength(recordIndexOf(later).onRecord.length - 1);
  });
});

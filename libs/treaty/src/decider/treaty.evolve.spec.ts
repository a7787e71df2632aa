import { describe, expect, it } from '@jest/globals';
import {
  approved,
  corroborated,
  corrected,
  happened,
  registered,
  retracted,
  signed,
  source,
  uuid,
} from '../testing/treaty-fixtures';
import { foldTreaty, treatyDecider } from './treaty.decider';
import { developmentsOnRecord, type RegisteredTreaty } from './treaty.state';

const irna = source({ publisher: 'IRNA', publishedOn: '2025-04-09' });

function registeredState(events: Parameters<typeof foldTreaty>[0]): RegisteredTreaty {
  const state = foldTreaty(events);
  if (state.status === 'unregistered') throw new Error('expected a registered treaty');
  return state;
}

describe('evolve', () => {
  it('starts unregistered', () => {
    expect(treatyDecider.initialState()).toEqual({ status: 'unregistered' });
  });

  it('registration makes the treaty active with its profile', () => {
    expect(foldTreaty([registered()])).toEqual({
      status: 'active',
      treaty: {
        treatyId: 'ru-ir-partnership',
        title: 'Treaty on Comprehensive Strategic Partnership',
        parties: ['RU', 'IR'],
        category: 'partnership',
      },
      developments: [],
    });
  });

  it('keeps the first registration', () => {
    expect(registeredState([registered(), registered({ title: 'Other' })]).treaty.title).toBe(
      'Treaty on Comprehensive Strategic Partnership',
    );
  });

  it('ignores developments before registration', () => {
    expect(foldTreaty([signed(uuid(2), '2025-01-17')])).toEqual({ status: 'unregistered' });
  });

  it('records a development with its source, and adds corroborating sources', () => {
    const state = registeredState([
      registered(),
      approved(uuid(2), 'RU', 'State Duma', '2025-04-08'),
      corroborated(uuid(2), '2025-04', irna),
    ]);
    expect(state.developments).toEqual([
      {
        developmentId: uuid(2),
        reported: { type: 'legislative-approval', occurredOn: '2025-04-08', party: 'RU', body: 'State Duma' },
        current: { type: 'legislative-approval', occurredOn: '2025-04-08', party: 'RU', body: 'State Duma' },
        sources: [source(), irna],
        reports: [
          { source: source(), occurredOn: '2025-04-08' },
          { source: irna, occurredOn: '2025-04' },
        ],
        retracted: false,
      },
    ]);
  });

  it('applies corrections in order, keeping what was first reported', () => {
    const state = registeredState([
      registered(),
      signed(uuid(2), '2025-01', { place: 'Tehran' }),
      corrected(uuid(2), { occurredOn: '2025-01-16', signatories: ['A'] }),
      corrected(uuid(2), { occurredOn: '2025-01-17', place: null }),
    ]);
    const [development] = state.developments;
    expect(development?.reported).toEqual({ type: 'signed', occurredOn: '2025-01', place: 'Tehran' });
    expect(development?.current).toEqual({ type: 'signed', occurredOn: '2025-01-17', signatories: ['A'] });
  });

  it('a retraction takes a development off the record', () => {
    const state = registeredState([registered(), signed(uuid(2), '2025-01-17'), retracted(uuid(2))]);
    expect(state.developments[0]?.retracted).toBe(true);
    expect(developmentsOnRecord(state)).toEqual([]);
  });

  it('a termination on record terminates the treaty; retracting it reactivates', () => {
    const terminated = [registered(), happened('TreatyTerminated', uuid(2), '2025-11')];
    expect(foldTreaty(terminated)).toMatchObject({ status: 'terminated', terminationIds: [uuid(2)] });
    expect(foldTreaty([...terminated, retracted(uuid(2))]).status).toBe('active');
  });

  it('ignores corrections and retractions of unknown developments', () => {
    const state = foldTreaty([registered(), corrected(uuid(7), { occurredOn: '2025' }), retracted(uuid(7))]);
    expect(state).toEqual(foldTreaty([registered()]));
  });
});

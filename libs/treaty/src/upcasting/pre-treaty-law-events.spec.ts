import { describe, expect, it } from '@jest/globals';
import { foldTreaty } from '../decider/treaty.decider';
import { treatyStatusView } from '../views/treaty-status.view';
import { treatyTimelineView } from '../views/treaty-timeline.view';
import { upcast } from './upcaster';

/**
 * Events as stores hold them from before issue 13 (schema version 1): the treaty-law fields are all optional
 * additions, so these read unchanged, with no upcaster step, and mean what they meant.
 */
const source = { publisher: 'TASS', url: 'https://tass.com/politics/1', publishedOn: '2025-01-18' };
const treatyId = 'ru-ir-partnership';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const STORED: [string, Record<string, unknown>][] = [
  ['TreatyRegistered', { treatyId, title: 'Treaty', parties: ['RU', 'IR'], category: 'partnership' }],
  ['TreatySigned', { treatyId, developmentId: id(1), occurredOn: '2025-01-17', source, place: 'Moscow' }],
  [
    'LegislativeApprovalGiven',
    {
      treatyId,
      developmentId: id(2),
      occurredOn: '2025-04-08',
      source,
      party: 'RU',
      body: 'State Duma',
      votes: { for: 412 },
    },
  ],
  ['RatificationCompleted', { treatyId, developmentId: id(3), occurredOn: '2025-04-21', source, party: 'RU' }],
  ['RatificationCompleted', { treatyId, developmentId: id(4), occurredOn: '2025-06', source, party: 'IR' }],
  ['InstrumentsExchanged', { treatyId, developmentId: id(5), occurredOn: '2025-09-17', source }],
  ['TreatyEnteredIntoForce', { treatyId, developmentId: id(6), occurredOn: '2025-10-02', source }],
  ['TreatySuspended', { treatyId, developmentId: id(7), occurredOn: '2025-10-20', source }],
  ['TreatySuspended', { treatyId, developmentId: id(8), occurredOn: '2025-10-25', source, disagreesWith: [id(7)] }],
  ['TreatyResumed', { treatyId, developmentId: id(9), occurredOn: '2025-11-01', source }],
  ['PartyWithdrew', { treatyId, developmentId: id(10), occurredOn: '2025-11-05', source, party: 'IR' }],
  [
    'DevelopmentCorroborated',
    { treatyId, developmentId: id(1), occurredOn: '2025-01', source: { ...source, publisher: 'IRNA' } },
  ],
  [
    'DevelopmentCorrected',
    { treatyId, developmentId: id(4), changes: { occurredOn: '2025-06-01' }, reason: 'Date', source },
  ],
  ['DevelopmentRetracted', { treatyId, developmentId: id(8), reason: 'Duplicate', source }],
];

describe('events written before treaty law', () => {
  const events = STORED.map(([type, data]) => upcast(type, JSON.parse(JSON.stringify(data)), 1));
  const envelopes = events.map((event, index) => ({
    event,
    eventId: id(100 + index),
    recordedAt: new Date(Date.UTC(2025, 11, 1, 0, index)),
    revision: BigInt(index),
    position: BigInt(index),
  }));

  it('load with their data unchanged', () => {
    expect(events.map((event) => [event.type, event.data])).toEqual(STORED);
  });

  it('fold into the same state, parties fixed at registration', () => {
    const state = foldTreaty(events);
    expect(state.status).toBe('active');
    expect(state.status !== 'unregistered' && state.treaty).toEqual(STORED[0]?.[1]);
  });

  it('read as before: the reported dates, no clause, nothing computed, the new fields empty', () => {
    const view = treatyStatusView(envelopes);
    expect(view).toMatchObject({
      parties: ['RU', 'IR'],
      originalParties: ['RU', 'IR'],
      kind: null,
      entryIntoForceClause: null,
      status: 'in-force',
      signedOn: '2025-01-17',
      enteredIntoForceOn: '2025-10-02',
      enteredIntoForceOnComputed: false,
      suspendedOn: '2025-10-20',
      resumedOn: '2025-11-01',
      disagreements: [],
      ratification: {
        RU: {
          status: 'completed',
          completedOn: '2025-04-21',
          // Established as consent on the exchange of instruments that followed it (decision 0079).
          consent: { type: 'ratification', on: '2025-09-17' },
          inForceOn: '2025-10-02',
          inForceOnComputed: false,
          withdrawn: false,
          reservations: [],
        },
        IR: { status: 'completed', completedOn: '2025-06-01', withdrawn: true, withdrewOn: '2025-11-05' },
      },
    });
    expect(treatyTimelineView(envelopes)?.items.every((item) => item.kind === 'legal-act')).toBe(true);
  });
});

import { describe, expect, it, jest } from '@jest/globals';
import { timelineText } from '@timeline/projections';
import { developmentsOnRecord } from './developments-on-record';

const item = (id: string, overrides: Record<string, unknown> = {}) => ({
  type: 'legislative-approval',
  party: 'RU',
  body: 'State Duma',
  occurredOn: '2025-04-08',
  developmentId: id,
  eventId: id,
  reported: { type: 'legislative-approval' },
  corrections: [{ eventId: 'c' }],
  retracted: false,
  sources: [
    {
      publisher: 'TASS',
      publishedOn: '2025-04-08',
      quote: 'ratified',
      eventId: id,
      recordedAt: '2025-04-09T00:00:00Z',
      reportedOccurredOn: '2025-04',
    },
  ],
  ...overrides,
});

describe('developmentsOnRecord', () => {
  const timeline = timelineText({
    treatyId: 'ru-ir',
    items: [item('a'), item('b', { retracted: true }), item('c', { type: 'statement', speaker: 'S', quote: 'Q' })],
  });

  it('gives the extraction only what it matches on: no retracted development, no corrections, no event ids', () => {
    expect(JSON.parse(developmentsOnRecord(timeline))).toEqual([
      {
        id: 'a',
        type: 'legislative-approval',
        party: 'RU',
        body: 'State Duma',
        stage: null,
        occurredOn: '2025-04-08',
        consentType: null,
        votes: null,
        speaker: null,
        quote: null,
        reports: [
          { source: { publisher: 'TASS', publishedOn: '2025-04-08', quote: 'ratified' }, occurredOn: '2025-04' },
        ],
      },
      expect.objectContaining({ id: 'c', type: 'statement', party: 'RU', speaker: 'S', quote: 'Q' }),
    ]);
  });

  it('parses a rendering of the timeline once, however many extractions read it', () => {
    const fresh = timelineText({ treatyId: 'ru-ir', items: [item('d')] });
    const parse = jest.spyOn(JSON, 'parse');
    const first = developmentsOnRecord(fresh);
    expect(developmentsOnRecord(fresh)).toBe(first);
    expect(parse).toHaveBeenCalledTimes(1);
    parse.mockRestore();
  });
});

import { describe, expect, it, jest } from '@jest/globals';
import { timelineText } from '@timeline/projections';
import { developmentInTimeline, developmentInTimelineText } from './development-in-timeline';

const item = (id: string, sources: string[], correction?: string) => ({
  type: 'signed',
  developmentId: id,
  eventId: id,
  sources: sources.map((eventId) => ({ eventId, publisher: 'TASS' })),
  corrections: correction ? [{ eventId: correction }] : [],
  retraction: null,
});

const view = {
  treatyId: 'ru-ir',
  title: 'Treaty',
  items: [item('d1', ['d1', 's1']), item('d2', ['d2'], 'c2')],
  linkedItems: [{ developmentId: 'l1', fromTreatyId: 'ru-kp' }],
  treatiesNotOnRecord: [],
  asOf: null,
  knownAt: null,
  revision: '3',
  position: '9',
};

describe('developmentInTimelineText', () => {
  it('answers as the parsed timeline does, by development id, source, correction, or not at all', () => {
    const timeline = timelineText(view);
    for (const id of ['d1', 'D2', 's1', 'c2']) {
      expect(developmentInTimelineText(timeline, id)).toEqual(developmentInTimeline(view, id));
    }
    expect(() => developmentInTimelineText(timeline, 'l1')).toThrow('its permalink is /treaties/ru-kp/developments/l1');
    expect(() => developmentInTimelineText(timeline, 'nope')).toThrow('has no development');
  });

  it('parses the whole timeline at most once per rendering, however many ids it is asked for', () => {
    const timeline = timelineText(view);
    const parse = jest.spyOn(JSON, 'parse');
    for (const id of ['s1', 'c2', 'nope', 's1', 'nope']) {
      try {
        developmentInTimelineText(timeline, id);
      } catch {
        // not found: answered 404
      }
    }
    const whole = parse.mock.calls.filter(([text]) => text === timeline.text);
    expect(whole).toHaveLength(1);
    parse.mockRestore();
  });
});

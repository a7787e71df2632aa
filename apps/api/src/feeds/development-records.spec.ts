import { describe, expect, it } from '@jest/globals';
import { DEVELOPMENT_TYPES } from '@timeline/treaty';
import { describeDevelopment, type DevelopmentRecord } from './development-records';

const approval = (fields: Partial<DevelopmentRecord>): DevelopmentRecord => ({
  treatyId: 't-1',
  treatyTitle: 'A treaty',
  treatyParties: ['RU', 'IR'],
  developmentId: '0b8a1d36-3f0e-4a51-9d52-1c2b0f6c8e11',
  type: 'legislative-approval',
  occurredOn: '2025-04-01',
  precision: 'day',
  party: 'RU',
  body: 'State Duma',
  sources: [],
  recordedAt: '2025-04-09T10:00:00.000Z',
  updatedAt: '2025-04-09T10:00:00.000Z',
  position: '7',
  corrections: [],
  retraction: null,
  ...fields,
});

describe('describeDevelopment', () => {
  it("names a chamber's reading, so that two readings of one chamber read as two entries", () => {
    expect(describeDevelopment(approval({ stage: 'first-reading' }))).toBe(
      'Legislative approval (RU, State Duma, first reading)',
    );
    expect(describeDevelopment(approval({ stage: 'final' }))).toBe('Legislative approval (RU, State Duma, final vote)');
    expect(describeDevelopment(approval({}))).toBe('Legislative approval (RU, State Duma)');
  });

  it('names every type in words, never by its token, in feed titles and calendar summaries', () => {
    for (const type of DEVELOPMENT_TYPES) {
      const label = describeDevelopment(approval({ type, party: undefined, body: undefined }));
      expect([type, label]).not.toEqual([type, type]);
      expect(label).toMatch(/^[A-Z][a-z]+( [a-z]+)*$/);
    }
    expect(describeDevelopment(approval({ type: 'consent-to-be-bound', party: 'FR', body: undefined }))).toBe(
      'Consent to be bound (FR)',
    );
  });
});

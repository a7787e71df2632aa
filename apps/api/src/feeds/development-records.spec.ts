import { describe, expect, it } from '@jest/globals';
import { DEVELOPMENT_TYPES } from '@timeline/treaty';
import { describeDevelopment, detailLines, developmentRecords, type DevelopmentRecord } from './development-records';

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

describe('a development’s own fields, in feeds, calendars and downloads', () => {
  const timeline = (item: Record<string, unknown>) => ({
    items: [
      {
        developmentId: '0b8a1d36-3f0e-4a51-9d52-1c2b0f6c8e12',
        occurredOn: '2025-03-04',
        precision: 'day',
        sources: [],
        recordedAt: '2025-03-05T08:00:00.000Z',
        position: '9',
        corrections: [],
        retraction: null,
        ...item,
      },
    ],
  });
  const recordOf = (item: Record<string, unknown>) =>
    developmentRecords({ id: 't-1', title: 'A treaty', parties: ['RU', 'IR'] }, timeline(item))[0]!;

  it("keeps what a statement, negotiations and a context say, which a newsroom's feed is read for", () => {
    const statement = recordOf({
      type: 'statement',
      speaker: 'Maria Zakharova',
      quote: 'The treaty is not directed against third countries',
      treaties: ['ru-ir-2001-treaty'],
      parties: ['IR'],
      kind: 'diplomacy',
    });
    expect(statement).toMatchObject({ speaker: 'Maria Zakharova', treaties: ['ru-ir-2001-treaty'], parties: ['IR'] });
    expect(statement).not.toHaveProperty('kind');
    expect(describeDevelopment(statement)).toBe('Statement (Maria Zakharova)');
    expect(detailLines(statement)).toEqual([
      'Maria Zakharova: “The treaty is not directed against third countries”',
      'Treaties named: ru-ir-2001-treaty',
      'Parties named: IR',
    ]);
    const talks = recordOf({ type: 'negotiations', stage: 'held', participants: ['RU', 'IR'] });
    expect(describeDevelopment(talks)).toBe('Negotiations (RU, IR, held)');
    const context = recordOf({ type: 'context', summary: 'A depositary notice from Tarawa' });
    expect(detailLines(context)).toEqual(['A depositary notice from Tarawa']);
  });

  it("keeps a consent's type, a reservation's text and target, and a withdrawal's effective date", () => {
    expect(describeDevelopment(recordOf({ type: 'consent-to-be-bound', party: 'KZ', consentType: 'accession' }))).toBe(
      'Consent to be bound (KZ, accession)',
    );
    expect(
      describeDevelopment(recordOf({ type: 'consent-to-be-bound', party: 'KZ', consentType: 'definitive-signature' })),
    ).toBe('Consent to be bound (KZ, definitive signature)');
    const objection = recordOf({
      type: 'objection',
      party: 'DE',
      againstParty: 'FR',
      reservationId: '0b8a1d36-3f0e-4a51-9d52-1c2b0f6c8e10',
      text: 'incompatible with the object and purpose',
    });
    expect(describeDevelopment(objection)).toBe("Objection (DE, to FR's reservation)");
    expect(detailLines(objection)).toEqual([
      'Text: “incompatible with the object and purpose”',
      'Reservation: development 0b8a1d36-3f0e-4a51-9d52-1c2b0f6c8e10',
    ]);
    const notice = recordOf({ type: 'withdrawal-notified', party: 'IR', effectiveOn: '2026-03-04' });
    expect(notice.effectiveOn).toBe('2026-03-04');
    expect(detailLines(notice)).toEqual(['Takes effect on: 2026-03-04']);
  });
});

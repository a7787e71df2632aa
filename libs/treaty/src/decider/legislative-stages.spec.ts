import { describe, it } from '@jest/globals';
import type { LegislativeStage } from '../law/treaty-law.vocabulary';
import type { TreatyEvent } from '../treaty.events';
import { approved, correct, registered, report, signed, source, spec, TREATY_ID, uuid } from '../testing';

const id = uuid(10);
const firstReading = uuid(2);
/** The event that records the State Duma's vote reported as `id`. */
const dumaVote = (
  occurredOn: string,
  extra: { stage?: LegislativeStage; disagreesWith?: string[] } = {},
): TreatyEvent => ({
  type: 'LegislativeApprovalGiven',
  data: {
    treatyId: TREATY_ID,
    developmentId: id,
    occurredOn,
    source: source(),
    party: 'RU',
    body: 'State Duma',
    ...extra,
  },
});
const duma = (occurredOn: string, stage?: string) =>
  report(id, {
    type: 'legislative-approval',
    party: 'RU',
    body: 'State Duma',
    occurredOn,
    ...(stage ? { stage } : {}),
  });
const withFirstReading = [
  registered(),
  signed(uuid(1), '2025-01-17'),
  approved(firstReading, 'RU', 'State Duma', '2025-04-01', { stage: 'first-reading' }),
];

describe('a chamber voting more than once', () => {
  it('records the stage of the procedure a vote was taken at', () => {
    spec
      .given([registered(), signed(uuid(1), '2025-01-17')])
      .when(duma('2025-04-01', 'first-reading'))
      .then(dumaVote('2025-04-01', { stage: 'first-reading' }));
  });

  it("the same chamber's third reading is another vote, not a disagreement with its first", () => {
    spec
      .given(withFirstReading)
      .when(duma('2025-04-08', 'third-reading'))
      .then(dumaVote('2025-04-08', { stage: 'third-reading' }));
  });

  it('two reports of one reading on different days still disagree', () => {
    spec
      .given(withFirstReading)
      .when(duma('2025-04-03', 'first-reading'))
      .then(dumaVote('2025-04-03', { stage: 'first-reading', disagreesWith: [firstReading] }));
  });

  it('a report without a stage is the decisive vote: a report of the third or final reading on its day corroborates it, naming its reading', () => {
    const given = [registered(), signed(uuid(1), '2025-01-17'), approved(uuid(2), 'RU', 'State Duma', '2025-04-08')];
    for (const stage of ['third-reading', 'final'] as const) {
      spec
        .given(given)
        .when(duma('2025-04-08', stage))
        .then({
          type: 'DevelopmentCorroborated',
          data: { treatyId: TREATY_ID, developmentId: uuid(2), occurredOn: '2025-04-08', source: source(), stage },
        });
    }
  });

  it('a corroboration adds no reading to a vote whose reading is on record, nor one a report does not name', () => {
    // Recorded from another source: the same source giving its date again adds nothing (decision 0040).
    const thirdReading = approved(uuid(2), 'RU', 'State Duma', '2025-04-08', {
      stage: 'third-reading',
      source: source({ publisher: 'RIA Novosti', url: 'https://ria.ru/1' }),
    });
    const corroboration = {
      type: 'DevelopmentCorroborated',
      data: { treatyId: TREATY_ID, developmentId: uuid(2), occurredOn: '2025-04-08', source: source() },
    } as const;
    spec
      .given([registered(), signed(uuid(1), '2025-01-17'), thirdReading])
      .when(duma('2025-04-08', 'final'))
      .then(corroboration);
    spec
      .given([registered(), signed(uuid(1), '2025-01-17'), thirdReading])
      .when(duma('2025-04-08'))
      .then(corroboration);
  });

  it('a report without a stage disagrees with the decisive vote on record on another day, not with a first reading', () => {
    spec
      .given([...withFirstReading, approved(uuid(3), 'RU', 'State Duma', '2025-04-08', { stage: 'third-reading' })])
      .when(duma('2025-04-09'))
      .then(dumaVote('2025-04-09', { disagreesWith: [uuid(3)] }));
  });

  it('refuses a stage that is not one of the procedure, and a stage on a development that has none', () => {
    spec
      .given(withFirstReading)
      .when(duma('2025-04-08', 'fourth-reading'))
      .thenThrows('INVALID_FIELD', { field: 'stage', message: /committee, first-reading, second-reading/ });
    spec
      .given(withFirstReading)
      .when(report(id, { type: 'ratification-completed', party: 'RU', occurredOn: '2025-04-21', stage: 'final' }))
      .thenThrows('FIELD_NOT_APPLICABLE', { field: 'stage' });
  });

  it('a stage can be corrected, and cleared (the decisive vote)', () => {
    spec
      .given(withFirstReading)
      .when(correct(id, firstReading, { stage: 'second-reading' }))
      .then({
        type: 'DevelopmentCorrected',
        data: {
          treatyId: TREATY_ID,
          developmentId: firstReading,
          changes: { stage: 'second-reading' },
          reason: 'Misread the date',
          source: source(),
        },
      });
    spec
      .given(withFirstReading)
      .when(correct(id, firstReading, { stage: null }))
      .then({
        type: 'DevelopmentCorrected',
        data: {
          treatyId: TREATY_ID,
          developmentId: firstReading,
          changes: { stage: null },
          reason: 'Misread the date',
          source: source(),
        },
      });
    spec
      .given(withFirstReading)
      .when(correct(id, firstReading, { stage: 'fifth' as never }))
      .thenThrows('INVALID_FIELD', { field: 'changes.stage' });
  });
});

import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import { approved, corrected, ratified, recorded, registered, signed, source, uuid, statusOf } from '../testing';
import { treatyTimelineView } from './treaty-timeline.view';

const [firstReading, thirdReading, council] = [2, 3, 4].map(uuid) as [string, string, string];
const readings: TreatyEvent[] = [
  registered(),
  signed(uuid(1), '2025-01-17'),
  approved(firstReading, 'RU', 'State Duma', '2025-04-01', { stage: 'first-reading' }),
  approved(thirdReading, 'RU', 'State Duma', '2025-04-08', { stage: 'third-reading' }),
];

describe("a chamber's readings in the views", () => {
  it('are two steps of the party, each with its stage, and no disagreement', () => {
    const view = statusOf(readings);
    expect(view.ratification['RU']?.steps.map((step) => [step.body, step.stage, step.occurredOn])).toEqual([
      ['State Duma', 'first-reading', '2025-04-01'],
      ['State Duma', 'third-reading', '2025-04-08'],
    ]);
    expect(view.ratification['RU']?.steps.every((step) => step.disagreesWith === undefined)).toBe(true);
    expect(view.disagreements).toEqual([]);
  });

  it('are two items of the timeline, with their stage, neither disagreeing', () => {
    const timeline = treatyTimelineView(recorded(readings));
    const approvals = timeline?.items.filter((item) => item.type === 'legislative-approval') ?? [];
    expect(approvals.map((item) => [item.stage, item.openDisagreements])).toEqual([
      ['first-reading', []],
      ['third-reading', []],
    ]);
  });

  it('a decisive vote recorded without its reading shows the reading a corroborating report names', () => {
    const unstaged = approved(uuid(5), 'RU', 'State Duma', '2025-04-08');
    const naming: TreatyEvent = {
      type: 'DevelopmentCorroborated',
      data: {
        treatyId: 'ru-ir-partnership',
        developmentId: uuid(5),
        occurredOn: '2025-04-08',
        source: source({ publisher: 'Interfax', url: 'https://interfax.ru/1' }),
        stage: 'third-reading',
      },
    };
    const base = [registered(), signed(uuid(1), '2025-01-17'), unstaged];
    expect(statusOf(base).ratification['RU']?.steps.map((step) => step.stage)).toEqual([undefined]);
    const view = statusOf([...base, naming]);
    expect(view.ratification['RU']?.steps.map((step) => [step.stage, step.occurredOn, step.sources.length])).toEqual([
      ['third-reading', '2025-04-08', 2],
    ]);
    const timeline = treatyTimelineView(recorded([...base, naming]));
    expect(timeline?.items.find((item) => item.type === 'legislative-approval')?.stage).toBe('third-reading');
  });

  it('a first reading is progress, not ratification: the party is in progress until it consents', () => {
    const view = statusOf(readings, '2025-04-02');
    expect(view.ratification['RU']).toMatchObject({ status: 'in-progress', completedOn: null });
    expect(view.status).toBe('ratification-in-progress');
    expect(statusOf([...readings, ratified(uuid(5), 'RU', '2025-04-21')]).ratification['RU']?.status).toBe('completed');
  });

  it('reports of one reading on different days are a disagreement that names its stage', () => {
    const view = statusOf([
      ...readings,
      approved(uuid(5), 'RU', 'State Duma', '2025-04-02', { stage: 'first-reading' }),
    ]);
    expect(view.disagreements).toEqual([
      {
        type: 'legislative-approval',
        party: 'RU',
        body: 'State Duma',
        stage: 'first-reading',
        developmentIds: [firstReading, uuid(5)],
      },
    ]);
  });

  it('approvals without a stage read as they always did: no stage on the step', () => {
    const view = statusOf([
      registered(),
      signed(uuid(1), '2025-01-17'),
      approved(council, 'RU', 'Federation Council', '2025-04-16'),
    ]);
    expect(view.ratification['RU']?.steps[0]).not.toHaveProperty('stage');
    expect(view.ratification['RU']?.steps[0]).toMatchObject({ body: 'Federation Council', votes: null });
  });

  it('a stage corrected away makes the reading the decisive vote, which then disagrees with the third reading', () => {
    const view = statusOf([...readings, corrected(firstReading, { stage: null })]);
    expect(view.ratification['RU']?.steps.map((step) => step.stage ?? 'decisive')).toEqual([
      'decisive',
      'third-reading',
    ]);
    expect(view.disagreements.map((disagreement) => disagreement.developmentIds)).toEqual([
      [firstReading, thirdReading],
    ]);
  });
});

import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  approved,
  corroborated,
  corrected,
  happened,
  ratified,
  recorded,
  registered,
  retracted,
  signed,
  source,
  uuid,
} from '../testing/treaty-fixtures';
import { treatyTimelineView, type TreatyTimelineView } from './treaty-timeline.view';

const irna = source({ publisher: 'IRNA', url: 'https://irna.ir/news/2', publishedOn: '2025-05-22' });
const gazette = source({ publisher: 'Official Gazette', publishedOn: '2025-04-22' });
const [sig, duma, ruRatified, inForce] = [2, 3, 4, 5].map(uuid) as [string, string, string, string];

function timelineOf(
  events: readonly TreatyEvent[],
  options?: Parameters<typeof treatyTimelineView>[1],
): TreatyTimelineView {
  const view = treatyTimelineView(recorded(events), options);
  if (view === null) throw new Error('expected a registered treaty');
  return view;
}

describe('treatyTimelineView', () => {
  it('is null when no registration is known', () => {
    expect(treatyTimelineView([])).toBeNull();
  });

  it('orders developments by valid time, whatever order they were reported in', () => {
    const view = timelineOf([
      registered(),
      happened('TreatyEnteredIntoForce', inForce, '2025-10-02'),
      ratified(ruRatified, 'RU', '2025-04-21'),
      signed(sig, '2025-01-17'),
      approved(duma, 'RU', 'State Duma', '2025-04'),
    ]);
    expect(view.treatyId).toBe('ru-ir-partnership');
    expect(view.items.map((item) => [item.type, item.occurredOn])).toEqual([
      ['signed', '2025-01-17'],
      ['legislative-approval', '2025-04'],
      ['ratification-completed', '2025-04-21'],
      ['entered-into-force', '2025-10-02'],
    ]);
    expect(view).toMatchObject({ revision: 4n, position: 140n });
  });

  it('breaks ties in valid time by recorded order', () => {
    const view = timelineOf([
      registered(),
      approved(uuid(6), 'RU', 'Federation Council', '2025-04-16'),
      approved(duma, 'RU', 'State Duma', '2025-04-16'),
    ]);
    expect(view.items.map((item) => item.developmentId)).toEqual([uuid(6), duma]);
  });

  it('shows a development with its fields, precision, sources and recording time', () => {
    const [item] = timelineOf([registered(), approved(duma, 'RU', 'State Duma', '2025-04')]).items;
    expect(item).toEqual({
      type: 'legislative-approval',
      occurredOn: '2025-04',
      party: 'RU',
      body: 'State Duma',
      kind: 'legal-act',
      eventId: duma,
      developmentId: duma,
      eventType: 'LegislativeApprovalGiven',
      precision: 'month',
      approximate: true,
      reported: { type: 'legislative-approval', occurredOn: '2025-04', party: 'RU', body: 'State Duma' },
      sources: [
        {
          ...source(),
          kind: 'original',
          eventId: duma,
          recordedAt: new Date('2025-06-02T12:00:00Z'),
          position: 110n,
          reportedOccurredOn: '2025-04',
        },
      ],
      recordedAt: new Date('2025-06-02T12:00:00Z'),
      revision: 1n,
      position: 110n,
      corrections: [],
      retracted: false,
      retraction: null,
      openDisagreements: [],
    });
  });

  it('has no party or body where the type has none', () => {
    const [item] = timelineOf([registered(), signed(sig, '2025-01-17', { place: 'Moscow' })]).items;
    expect(item).not.toHaveProperty('party');
    expect(item).not.toHaveProperty('body');
    expect(item).toMatchObject({ place: 'Moscow' });
  });

  it('lists every source, corroborations with their own recording time', () => {
    const [item] = timelineOf([
      registered(),
      approved(duma, 'RU', 'State Duma', '2025-04-08'),
      corroborated(duma, '2025-04', irna),
    ]).items;
    expect(
      item?.sources.map((cited) => [cited.publisher, cited.kind, cited.reportedOccurredOn, cited.recordedAt]),
    ).toEqual([
      ['TASS', 'original', '2025-04-08', new Date('2025-06-02T12:00:00Z')],
      ['IRNA', 'corroboration', '2025-04', new Date('2025-06-03T12:00:00Z')],
    ]);
  });

  it('shows corrections beside the development, with its effective values and as first reported', () => {
    const [item] = timelineOf([
      registered(),
      approved(duma, 'RU', 'Duma', '2025-04'),
      corrected(duma, { occurredOn: '2025-04-08' }, gazette),
      corrected(duma, { body: 'State Duma' }, irna),
    ]).items;
    expect(item).toMatchObject({
      occurredOn: '2025-04-08',
      body: 'State Duma',
      precision: 'day',
      approximate: false,
      reported: { occurredOn: '2025-04', body: 'Duma' },
    });
    expect(item?.corrections).toEqual([
      {
        eventId: uuid(9002),
        changes: { occurredOn: '2025-04-08' },
        reason: 'Misread the date',
        source: gazette,
        recordedAt: new Date('2025-06-03T12:00:00Z'),
        position: 120n,
      },
      {
        eventId: uuid(9003),
        changes: { body: 'State Duma' },
        reason: 'Misread the date',
        source: irna,
        recordedAt: new Date('2025-06-04T12:00:00Z'),
        position: 130n,
      },
    ]);
  });

  it('keeps retracted developments, marked, with the retraction beside them', () => {
    const view = timelineOf([registered(), signed(sig, '2025-01-17'), retracted(sig, irna)]);
    expect(view.items).toHaveLength(1);
    expect(view.items[0]).toMatchObject({
      retracted: true,
      retraction: {
        eventId: uuid(9002),
        reason: 'Report was unfounded',
        source: irna,
        recordedAt: new Date('2025-06-03T12:00:00Z'),
        position: 120n,
      },
    });
  });

  it('shows disagreement as recorded and as it stands', () => {
    const early = uuid(30);
    const late = uuid(31);
    const events = [
      registered(),
      ratified(early, 'IR', '2025-05-21'),
      ratified(late, 'IR', '2025-06', { disagreesWith: [early], source: irna }),
    ];
    const open = timelineOf(events).items;
    expect(open.map((item) => [item.developmentId, item.disagreesWith, item.openDisagreements])).toEqual([
      [early, undefined, [late]],
      [late, [early], [early]],
    ]);
    const resolved = timelineOf([...events, retracted(early)]).items;
    expect(resolved.map((item) => [item.developmentId, item.disagreesWith, item.openDisagreements])).toEqual([
      [early, undefined, []],
      [late, [early], []],
    ]);
  });

  it('asOf keeps the developments that had happened by then, months counting from their end', () => {
    const events = [
      registered(),
      signed(sig, '2025-01-17'),
      approved(duma, 'RU', 'State Duma', '2025-04'),
      happened('TreatyEnteredIntoForce', inForce, '2025-10-02'),
    ];
    expect(timelineOf(events, { asOf: '2025-04-29' }).items.map((item) => item.developmentId)).toEqual([sig]);
    expect(timelineOf(events, { asOf: '2025-04-30' }).items.map((item) => item.developmentId)).toEqual([sig, duma]);
    expect(timelineOf(events, { asOf: '2025-01-16' }).items).toEqual([]);
  });

  it('asOf uses the corrected date', () => {
    const events = [registered(), signed(sig, '2025-01'), corrected(sig, { occurredOn: '2025-01-17' })];
    expect(timelineOf(events, { asOf: '2025-01-20' }).items).toHaveLength(1);
  });

  it('knownAt shows the record as it was then: later corrections, corroborations and retractions unknown', () => {
    const events = [
      registered(),
      signed(sig, '2025-01'),
      corroborated(sig, '2025-01-17', irna),
      corrected(sig, { occurredOn: '2025-01-17' }),
      retracted(sig),
    ];
    const [item] = timelineOf(events, { knownAt: '2025-06-02T12:00:00.000Z' }).items;
    expect(item).toMatchObject({ occurredOn: '2025-01', retracted: false, corrections: [] });
    expect(item?.sources).toHaveLength(1);
    expect(timelineOf(events, { knownAt: '2025-06-02T12:00:00.000Z' })).toMatchObject({ revision: 1n, position: 110n });
  });
});

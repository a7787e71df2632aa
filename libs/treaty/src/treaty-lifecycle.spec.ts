import { describe, expect, it } from '@jest/globals';
import {
  CURRENT_SCHEMA_VERSION,
  decide,
  foldTreaty,
  toEventData,
  treatyStatusView,
  treatyStreamName,
  treatyTimelineView,
  upcast,
  type PlainJsonObject,
  type TreatyCommand,
  type TreatyEventEnvelope,
} from '@timeline/treaty';

/** What the app does with the library, against a stream kept in an array: read, upcast, fold, decide, append. */
type Stored = {
  id: string;
  type: string;
  data: PlainJsonObject;
  schemaVersion: number;
  recordedAt: Date;
  revision: bigint;
};

function handle(stream: Stored[], command: TreatyCommand, today: string): void {
  const state = foldTreaty(stream.map((stored) => upcast(stored.type, stored.data, stored.schemaVersion)));
  const event = decide(command, state, { today });
  stream.push({
    id: command.data.eventId,
    type: event.type,
    data: toEventData(event),
    schemaVersion: CURRENT_SCHEMA_VERSION,
    recordedAt: new Date(`${today}T09:00:00Z`),
    revision: BigInt(stream.length),
  });
}

function envelopes(stream: readonly Stored[]): TreatyEventEnvelope[] {
  return stream.map((stored) => ({
    event: upcast(stored.type, stored.data, stored.schemaVersion),
    eventId: stored.id,
    recordedAt: stored.recordedAt,
    revision: stored.revision,
    position: 1000n + stored.revision,
  }));
}

const uuid = (n: number) => `6f1c2e4a-0000-4000-8000-${String(n).padStart(12, '0')}`;
const tass = (publishedOn: string) => ({ publisher: 'TASS', url: 'https://tass.com/politics/1', publishedOn });

describe('a treaty from registration to entry into force, through the public API', () => {
  it('records, corrects and shows the history', () => {
    const stream: Stored[] = [];
    expect(treatyStreamName('ru-ir-partnership')).toBe('treaty-ru-ir-partnership');
    handle(
      stream,
      {
        type: 'RegisterTreaty',
        data: {
          eventId: uuid(1),
          treatyId: 'ru-ir-partnership',
          title: 'Comprehensive Strategic Partnership',
          parties: ['RU', 'IR'],
          category: 'partnership',
        },
      },
      '2025-01-10',
    );
    handle(
      stream,
      {
        type: 'ReportDevelopment',
        data: {
          eventId: uuid(2),
          development: { type: 'signed', occurredOn: '2025-01', place: 'Moscow', source: tass('2025-01-17') },
        },
      },
      '2025-01-18',
    );
    handle(
      stream,
      {
        type: 'ReportDevelopment',
        data: {
          eventId: uuid(3),
          development: {
            type: 'legislative-approval',
            party: 'RU',
            body: 'State Duma',
            occurredOn: '2025-04-08',
            votes: { for: 400 },
            source: tass('2025-04-08'),
          },
        },
      },
      '2025-04-09',
    );
    handle(
      stream,
      {
        type: 'ReportDevelopment',
        data: {
          eventId: uuid(4),
          development: {
            type: 'ratification-completed',
            party: 'RU',
            occurredOn: '2025-04-21',
            source: tass('2025-04-21'),
          },
        },
      },
      '2025-04-22',
    );
    handle(
      stream,
      {
        type: 'ReportDevelopment',
        data: {
          eventId: uuid(5),
          development: {
            type: 'ratification-completed',
            party: 'IR',
            occurredOn: '2025-06',
            source: { publisher: 'IRNA', publishedOn: '2025-06-03' },
          },
        },
      },
      '2025-06-03',
    );
    handle(
      stream,
      {
        type: 'CorrectDevelopment',
        data: {
          eventId: uuid(6),
          developmentId: uuid(2),
          changes: { occurredOn: '2025-01-17' },
          reason: 'Day given by the Kremlin',
          source: { publisher: 'Kremlin', publishedOn: '2025-01-17', document: 'Press release 76089' },
        },
      },
      '2025-06-10',
    );
    handle(
      stream,
      {
        type: 'ReportDevelopment',
        data: {
          eventId: uuid(7),
          development: { type: 'entered-into-force', occurredOn: '2025-10-02', source: tass('2025-10-02') },
        },
      },
      '2025-10-03',
    );

    expect(stream.map((stored) => stored.type)).toEqual([
      'TreatyRegistered',
      'TreatySigned',
      'LegislativeApprovalGiven',
      'RatificationCompleted',
      'RatificationCompleted',
      'DevelopmentCorrected',
      'TreatyEnteredIntoForce',
    ]);
    expect(stream[1]?.data['developmentId']).toBe(uuid(2));

    const now = treatyStatusView(envelopes(stream));
    expect(now).toMatchObject({
      status: 'in-force',
      signedOn: '2025-01-17',
      enteredIntoForceOn: '2025-10-02',
      revision: 6n,
      position: 1006n,
    });

    const summer = treatyStatusView(envelopes(stream), { asOf: '2025-07-01', knownAt: '2025-06-05T00:00:00Z' });
    expect(summer).toMatchObject({ status: 'ratified', signedOn: '2025-01', signedOnPrecision: 'month', revision: 4n });

    const timeline = treatyTimelineView(envelopes(stream));
    expect(timeline?.items.map((item) => item.developmentId)).toEqual([uuid(2), uuid(3), uuid(4), uuid(5), uuid(7)]);
    expect(timeline?.items[0]?.corrections[0]).toMatchObject({ reason: 'Day given by the Kremlin' });
  });
});

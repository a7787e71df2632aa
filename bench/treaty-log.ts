import { newEventId } from '@timeline/event-store';
import { Sqlite } from '@timeline/sqlite-driver';
import { SqliteEventStore } from '@timeline/event-store-sqlite';
import {
  decide,
  evolve,
  initialState,
  toEventData,
  treatyStreamName,
  type TreatyCommand,
  type TreatyState,
} from '@timeline/treaty';
import { approvalReport, BENCH_SOURCE } from './bench-reports';

/** The commands of one treaty's life: registration, signature, then approvals by distinct bodies. */
function commandsFor(treatyId: string, events: number): ((eventId: string) => TreatyCommand)[] {
  const commands: ((eventId: string) => TreatyCommand)[] = [
    (eventId) => ({
      type: 'RegisterTreaty',
      data: { eventId, treatyId, title: `Bench ${treatyId}`, parties: ['RU', 'IR'], category: 'trade' },
    }),
    (eventId) => ({
      type: 'ReportDevelopment',
      data: { eventId, development: { type: 'signed', occurredOn: '2025-01-17', source: BENCH_SOURCE } },
    }),
  ];
  for (let index = 2; index < events; index++) {
    commands.push((eventId) => ({
      type: 'ReportDevelopment',
      data: { eventId, development: approvalReport(index) },
    }));
  }
  return commands;
}

/**
 * Writes `treaties` treaties of `perTreaty` decided events each straight into a fresh event-store file, in one
 * transaction (a benchmark's fixture, not a way to write: real writes go through the store).
 */
export async function writeTreatyLog(file: string, treaties: number, perTreaty: number): Promise<void> {
  await new SqliteEventStore({ file }).close();
  const db = new Sqlite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insert = db.prepare(
    'INSERT INTO events (event_id, stream_name, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const recordedAt = new Date().toISOString();
  db.transaction(() => {
    for (let treaty = 0; treaty < treaties; treaty++) {
      const treatyId = `bench-${treaty}`;
      let state: TreatyState = initialState();
      commandsFor(treatyId, perTreaty).forEach((command, revision) => {
        const eventId = newEventId();
        const event = decide(command(eventId), state, { today: '2025-06-01' });
        state = evolve(state, event);
        insert.run(
          eventId,
          treatyStreamName(treatyId),
          revision,
          event.type,
          JSON.stringify(toEventData(event)),
          '{"schemaVersion":1}',
          recordedAt,
        );
      });
    }
  })();
  db.close();
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreConformance } from '@timeline/event-store/testing';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreConformance('embedded SQLite', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'timeline-sqlite-'));
  const store = new SqliteEventStore({ file: join(directory, 'events.db') });
  return {
    store,
    teardown: async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
});

import { Logger } from '@nestjs/common';
import type { EventStore } from '@timeline/event-store';
import { EsdbEventStore } from '@timeline/event-store-esdb';
import { SqliteEventStore } from '@timeline/event-store-sqlite';
import type { StoreConfig } from '../config/app-config';

/** The one place that turns configuration into a store: the api and the command-line tools both call it. */
export function createEventStore(config: StoreConfig): EventStore {
  switch (config.kind) {
    case 'embedded':
      return new SqliteEventStore({ file: config.file });
    case 'eventstoredb':
      return new EsdbEventStore({
        connectionString: config.connectionString,
        onWarning: (message) => new Logger('EventStore').warn(message),
      });
    default: {
      const unknown: never = config;
      throw new Error(`Unknown store configuration ${JSON.stringify(unknown)}`);
    }
  }
}

export function describeStore(config: StoreConfig): string {
  return config.kind === 'embedded'
    ? `embedded event store ${config.file}`
    : 'EventStoreDB (EVENTSTORE_CONNECTION_STRING)';
}

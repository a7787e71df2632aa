import { Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import { EsdbEventStore } from '@timeline/event-store-esdb';
import { SqliteEventStore } from '@timeline/event-store-sqlite';
import type { StoreConfig } from '../config/app-config';

/** Closes the store last, after everything that reads or writes it has stopped. */
@Injectable()
class EventStoreLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('EventStore');
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.logger.log('Event store closed');
  }
}

/** Binds the one event store of the app to the `EVENT_STORE` token, chosen by configuration. */
@Module({})
export class EventStoreModule {
  static register(config: StoreConfig): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [
        {
          provide: EVENT_STORE,
          useFactory: (): EventStore => {
            const logger = new Logger('EventStore');
            switch (config.kind) {
              case 'embedded':
                logger.log(`Embedded event store: ${config.file}`);
                return new SqliteEventStore({ file: config.file });
              case 'eventstoredb':
                logger.log('EventStoreDB event store (EVENTSTORE_CONNECTION_STRING)');
                return new EsdbEventStore({ connectionString: config.connectionString });
              default: {
                const unknown: never = config;
                throw new Error(`Unknown store configuration ${JSON.stringify(unknown)}`);
              }
            }
          },
        },
        EventStoreLifecycle,
      ],
      exports: [EVENT_STORE],
    };
  }
}

import { Inject, Injectable, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import type { StoreConfig } from '../config/app-config';
import { LogHead } from '../http/positions';
import { createEventStore, describeStore } from './create-event-store';

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
            new Logger('EventStore').log(`Using the ${describeStore(config)}`);
            return createEventStore(config);
          },
        },
        EventStoreLifecycle,
        LogHead,
      ],
      exports: [EVENT_STORE, LogHead],
    };
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EVENT_STORE, UnreadableEventError, type EventStore } from '@timeline/event-store';
import { EventUpcastError } from '@timeline/treaty';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TreatyEditing } from '../treaties/application/treaty-editing.service';
import type { WriteRequest } from '../treaties/application/write-request';
import { RegisterTreatyRequestDto } from '../treaties/dto/register-treaty.request.dto';
import { ReportDevelopmentRequestDto } from '../treaties/dto/report-development.request.dto';
import { DEMO_TREATIES } from './demo-data';

const DEMO_ACTOR = { role: 'editor', keyId: 'demo-loader' } as const;
const DEMO_CORRELATION_ID = 'demo-data';
/** More events than the demo has: a store with this many demo-only events at its start is not a demo store. */
const DEMO_SCAN_LIMIT = 1000;

/**
 * Loads the demo data into a store that holds nothing else, through the editors' own use cases (validated by
 * the same DTOs, decided by the same decider). Every post carries an idempotency key, so a start that was
 * interrupted mid-load finishes the job at the next start without writing anything twice.
 */
@Injectable()
export class DemoDataLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly editing: TreatyEditing,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.loadDemoData) return;
    if (!(await this.holdsOnlyDemoData())) {
      this.logger.log('The store holds other data: demo data not loaded');
      return;
    }
    try {
      await this.load();
    } catch (error) {
      // The demo's streams are read again at every start, its posts being idempotent. One holding an event this build
      // cannot read is the log's damage, for verification to report (decision 0008), not a reason not to start.
      if (!(error instanceof EventUpcastError || error instanceof UnreadableEventError)) throw error;
      this.logger.warn(
        `Demo data not loaded: the log holds an event this build cannot read (${error.message}); GET /audit/verify tells whether it was altered`,
      );
    }
  }

  private async load(): Promise<void> {
    let appended = 0;
    for (const treaty of DEMO_TREATIES) {
      const registration = validated(RegisterTreatyRequestDto, treaty.registration);
      const write = (key: string, route: string, body: unknown): WriteRequest => ({
        principal: DEMO_ACTOR,
        correlationId: DEMO_CORRELATION_ID,
        idempotencyKey: `demo:${key}`,
        route,
        body,
      });
      const registered = await this.editing.register(
        registration,
        write(registration.id, 'POST /treaties', treaty.registration),
      );
      if (!registered.replayed) appended += 1;
      for (const development of treaty.developments) {
        const request = validated(ReportDevelopmentRequestDto, development.request);
        const route = `POST /treaties/${registration.id}/developments`;
        const outcome = await this.editing.reportDevelopment(
          registration.id,
          request,
          write(`${registration.id}:${development.ref}`, route, development.request),
        );
        if (!outcome.replayed) appended += 1;
      }
    }
    this.logger.log(`Demo data: ${DEMO_TREATIES.length} treaties, ${appended} events appended`);
    // The start-up verification may have read the log before these events: /health would show it checked empty.
    if (appended > 0) this.audit.verifyInBackground();
  }

  private async holdsOnlyDemoData(): Promise<boolean> {
    let seen = 0;
    try {
      for await (const event of this.store.readAll({ maxCount: DEMO_SCAN_LIMIT })) {
        seen += 1;
        if (event.metadata.correlationId !== DEMO_CORRELATION_ID) return false;
      }
    } catch (error) {
      // A damaged log is for verification to report (decision 0008): it must not keep the service from starting.
      if (error instanceof UnreadableEventError) return false;
      throw error;
    }
    return seen < DEMO_SCAN_LIMIT;
  }
}

function validated<T extends object>(type: ClassConstructor<T>, body: unknown): T {
  const instance = plainToInstance(type, body);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new Error(`Demo data does not pass the editors' validation: ${JSON.stringify(errors.map(String))}`);
  }
  return instance;
}

import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import type { HttpDrain } from './http/http-drain';

/**
 * How long requests already read may take to be answered after SIGTERM by default (decision 0094;
 * TIMELINE_SHUTDOWN_DRAIN_MS): the unanswered connections close before `docker stop`'s 10 s run out, and with the
 * close's 4 s it stays under Kubernetes' default grace of 30 s. A supervisor that waits longer may allow more.
 */
export const DRAIN_DEADLINE_MS = 8_000;
/** How long closing the app (live streams ended, threads stopped, queued appends committed) may take after that. */
export const CLOSE_DEADLINE_MS = 4_000;

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * SIGTERM or SIGINT: stop taking new work, answer what was read, then close the app (the store last) and exit 0.
 * A second signal, or a close that outlasts its deadline, exits at once with 1: every acknowledged append is already
 * durable (each is acknowledged only after its fsync), so exiting loses none; what was not answered was not written
 * or is retried by its client with the same Idempotency-Key.
 */
export function shutDownOnSignals(
  app: INestApplication,
  drain: HttpDrain,
  logger: Logger,
  deadlines = { drainMs: DRAIN_DEADLINE_MS, closeMs: CLOSE_DEADLINE_MS },
): void {
  const log = logger.child({ context: 'Shutdown' });
  const onSignal = (signal: NodeJS.Signals): void => {
    if (drain.started) {
      log.warn(`${signal} again while shutting down: exiting now`);
      process.exit(1);
    }
    void shutDown(signal);
  };
  const shutDown = async (signal: NodeJS.Signals): Promise<void> => {
    setTimeout(() => {
      log.error(`The service did not close within ${deadlines.drainMs + deadlines.closeMs} ms of ${signal}: exiting`);
      process.exit(1);
    }, deadlines.drainMs + deadlines.closeMs).unref();
    log.info(`${signal}: taking no new requests; answering the ${drain.inFlight} in flight`);
    drain.begin();
    if (!(await drain.settled(Date.now() + deadlines.drainMs))) {
      log.warn(`${drain.inFlight} requests still unanswered after ${deadlines.drainMs} ms: closing their connections`);
      drain.closeAll();
    }
    try {
      await app.close();
    } catch (error) {
      log.error({ err: error }, 'Closing the app failed');
      process.exit(1);
    }
    drain.closeAll();
    log.info('Shut down');
    process.exit(0);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

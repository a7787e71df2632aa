import 'reflect-metadata';
import type { AddressInfo, Server } from 'node:net';
import { ApiKeys } from './auth/api-keys';
import { createApp, httpDrainOf } from './bootstrap';
import { InvalidConfigurationError, loadConfig } from './config/app-config';
import { CLOSE_DEADLINE_MS, DRAIN_DEADLINE_MS, shutDownOnSignals } from './graceful-shutdown';
import { checkStartup, portFailure, StartupFailure } from './startup-checks';
import { createLogger, writesPrettyLogs } from './http/pino-logger';
import { startupBlock, startupSummary } from './http/startup-summary';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof InvalidConfigurationError)) throw error;
    console.error(error.message);
    process.exit(78); // EX_CONFIG: a script can tell a configuration error from a crash.
  }
  try {
    await checkStartup(config);
    // The keys file is checked before the app is built (and after the data directory is known to be usable), so
    // that a weak key in it stops the start as a weak TIMELINE_API_KEYS does (exit 78), not as a crash while the
    // modules are wired.
    if (!config.apiKeys) ApiKeys.fromDataDirectory(config.dataDir);
  } catch (error) {
    if (error instanceof InvalidConfigurationError) {
      console.error(error.message);
      process.exit(78);
    }
    if (!(error instanceof StartupFailure)) throw error;
    console.error(error.message);
    process.exit(error.exitCode);
  }
  const logger = createLogger(config);
  const app = await createApp(config, {}, logger);
  await app.listen(config.port).catch((error: unknown) => {
    const failure = portFailure(config.port, error);
    if (!failure) throw error;
    console.error(failure.message);
    process.exit(failure.exitCode);
  });
  shutDownOnSignals(app, httpDrainOf(app), logger, {
    drainMs: config.shutdownDrainMs ?? DRAIN_DEADLINE_MS,
    closeMs: CLOSE_DEADLINE_MS,
  });
  const port = boundPort(app.getHttpServer() as Server);
  const summary = startupSummary(config, port);
  // A person reads one block; a log collector gets the same facts as fields of one record.
  if (writesPrettyLogs(config)) logger.info(`\n${startupBlock(summary)}`);
  else logger.info({ context: 'Bootstrap', ...summary }, `Treaty Timeline listening on ${summary.url}`);
  // A parent that started it with an IPC channel (a process manager, the tests' harness) is told the port too. A
  // channel the parent has closed meanwhile is no reason to stop: the callback takes the error, which would
  // otherwise be thrown on the process.
  if (process.connected) process.send?.({ event: 'listening', port }, undefined, undefined, () => undefined);
}

/** The port bound: the one asked for, or the one the system gave for PORT=0. */
function boundPort(server: Server): number {
  return (server.address() as AddressInfo).port;
}

void main();

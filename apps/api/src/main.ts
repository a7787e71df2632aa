import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { InvalidConfigurationError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof InvalidConfigurationError)) throw error;
    console.error(error.message);
    process.exit(78); // EX_CONFIG: a script can tell a configuration error from a crash.
  }
  const app = await createApp(config);
  await app.listen(config.port);
  new Logger('Bootstrap').log(`Treaty Timeline listening on http://localhost:${config.port} (docs at /docs)`);
}

void main();

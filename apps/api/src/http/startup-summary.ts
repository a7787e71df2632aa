import { join } from 'node:path';
import { KEYS_FILE_NAME } from '../auth/api-keys';
import type { AppConfig } from '../config/app-config';

/** What a person starting the service needs to know first: where it answers, where its keys are, what it stores. */
export interface StartupSummary {
  readonly url: string;
  readonly page: string;
  readonly docs: string;
  readonly openApi: string;
  readonly health: string;
  readonly store: string;
  readonly keys: string;
  readonly demoData: boolean;
  readonly publicReads: boolean;
}

export function startupSummary(config: AppConfig, port: number): StartupSummary {
  const url = `http://localhost:${port}`;
  return {
    url,
    page: `${url}/`,
    docs: `${url}/docs`,
    openApi: `${url}/docs-json`,
    health: `${url}/health/ready`,
    store:
      config.store.kind === 'embedded'
        ? `embedded SQLite file ${config.store.file}`
        : `EventStoreDB at ${withoutCredentials(config.store.connectionString)}`,
    keys: config.apiKeys
      ? 'from TIMELINE_API_KEYS'
      : `in ${join(config.dataDir, KEYS_FILE_NAME)} (one per role; send one as "Authorization: Bearer <key>")`,
    demoData: config.loadDemoData,
    publicReads: config.publicReads,
  };
}

/** The summary as one block of aligned lines, for a terminal. */
export function startupBlock(summary: StartupSummary): string {
  const rows: [string, string][] = [
    ['Page', summary.page],
    ['API docs', `${summary.docs} (OpenAPI at ${summary.openApi})`],
    ['Readiness', summary.health],
    ['Store', summary.store],
    ['API keys', summary.keys],
    ['Demo data', summary.demoData ? 'loaded from the five source articles' : 'off (TIMELINE_DEMO_DATA=false)'],
    ['Reads', summary.publicReads ? 'open to anyone' : 'need a key (TIMELINE_PUBLIC_READS=false)'],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    `Treaty Timeline is listening on ${summary.url}`,
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
  ].join('\n');
}

/** Drops a user name and password from a connection string: a log is no place for them. */
function withoutCredentials(connectionString: string): string {
  return connectionString.replace(/^([a-z+]+:\/\/)[^@/]*@/i, '$1');
}

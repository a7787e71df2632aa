import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Sqlite } from '@timeline/sqlite-driver';
import type { AppConfig } from '../config/app-config';

/**
 * A consistent online copy of the embedded event log through SQLite's backup API: the service keeps writing while
 * it runs, and the copy is the log as of one moment. EventStoreDB has its own backup procedures.
 */
export async function backupEventLog(config: AppConfig, target: string): Promise<{ file: string; pages: number }> {
  if (config.store.kind !== 'embedded') {
    throw new Error('npm run backup copies the embedded store; back EventStoreDB up with its own tools');
  }
  const file = resolve(target);
  if (existsSync(file)) throw new Error(`${file} exists: name a new file`);
  const db = new Sqlite(config.store.file, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(file);
    return { file, pages: result.totalPages };
  } finally {
    db.close();
  }
}

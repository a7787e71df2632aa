import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { Sqlite } from '@timeline/sqlite-driver';
import { loadConfig } from '../config/app-config';
import { restoreEventLog, RestoreRefused } from './restore-command';

describe('restoreEventLog refuses before touching the data directory', () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  const folder = () => {
    const made = mkdtempSync(join(tmpdir(), 'timeline-restore-unit-'));
    folders.push(made);
    return made;
  };
  const embedded = (dataDir: string) => loadConfig({ TIMELINE_DATA_DIR: dataDir });

  async function refusal(promise: Promise<unknown>): Promise<RestoreRefused> {
    const error = await promise.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(RestoreRefused);
    return error as RestoreRefused;
  }

  it('an EventStoreDB configuration: that store has its own tools', async () => {
    const config = loadConfig({
      TIMELINE_DATA_DIR: folder(),
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
    });
    expect((await refusal(restoreEventLog(config, 'backup.db'))).message).toContain('EventStoreDB');
  });

  it('a file that is not a store, a missing one, or the log itself', async () => {
    const dataDir = folder();
    const text = join(folder(), 'notes.txt');
    writeFileSync(text, 'not a database, not at all');
    expect((await refusal(restoreEventLog(embedded(dataDir), text))).message).toContain('not an embedded store');
    expect((await refusal(restoreEventLog(embedded(dataDir), join(dataDir, 'none.db')))).message).toContain(
      'does not exist',
    );
    writeFileSync(join(dataDir, 'events.db'), '');
    const itself = await refusal(restoreEventLog(embedded(dataDir), join(dataDir, 'events.db')));
    expect(itself.message).toContain("the data directory's own log");
    expect(readdirSync(dataDir)).toEqual(['events.db']);
  });

  it('a copy whose events are partly in the -wal beside it', async () => {
    const dataDir = folder();
    const copy = join(folder(), 'copy.db');
    const db = new Sqlite(copy);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x)');
    db.close();
    writeFileSync(`${copy}-wal`, 'frames not yet in the file');
    const refused = await refusal(restoreEventLog(embedded(dataDir), copy));
    expect(refused.exitCode).toBe(2);
    expect(refused.message).toContain('-wal is not empty');
    expect(readdirSync(dataDir)).toEqual([]);
  });
});

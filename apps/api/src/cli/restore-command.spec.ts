import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { integrityOf, sealEvent } from '@timeline/audit';
import type { NewEvent, RecordedEvent } from '@timeline/event-store';
import { newEvents } from '@timeline/event-store/testing';
import { SqliteEventStore } from '@timeline/event-store-sqlite';
import { Sqlite, SQLITE_DRIVER_PATH } from '@timeline/sqlite-driver';
import { CHECKPOINTS_FILE } from '../audit/issued-checkpoints';
import { loadConfig } from '../config/app-config';
import { restoreEventLog, RestoreRefused } from './restore-command';

/** A backup as `npm run backup` makes one: a single file holding one stream of `count` sealed events. */
async function backupWith(file: string, count: number): Promise<void> {
  const sealed: NewEvent[] = [];
  let previous: string | null = null;
  for (const [revision, event] of newEvents(count).entries()) {
    const one = sealEvent(event, 'restore-unit', BigInt(revision), previous, new Date());
    previous = integrityOf(one as Pick<RecordedEvent, 'metadata'>)!.hash;
    sealed.push(one);
  }
  const store = new SqliteEventStore({ file });
  await store.appendToStream('restore-unit', sealed);
  await store.close();
}

/**
 * A data directory as `kill -9` of the service leaves it: `events.db` with a non-empty `events.db-wal` beside it,
 * written by another process that died with its connection open (so no close checkpointed the -wal).
 */
function crashedLog(dataDir: string): void {
  const script = `
    const Database = require(${JSON.stringify(SQLITE_DRIVER_PATH)});
    const db = new Database(${JSON.stringify(join(dataDir, 'events.db'))});
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x)');
    for (let i = 0; i < 50; i++) db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(500));
    process.kill(process.pid, 'SIGKILL');`;
  spawnSync(process.execPath, ['-e', script]);
  expect(existsSync(join(dataDir, 'events.db-wal'))).toBe(true);
}

/** Every file of the folder with a hash of its bytes: what a refused restore must leave as it found it. */
function contentsOf(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(join(folder, name)))
          .digest('hex'),
      ]),
  );
}

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

  it("a backup that fails verification, with a crash's -wal beside the log: not one byte of the directory changes", async () => {
    const dataDir = folder();
    crashedLog(dataDir);
    const backup = join(folder(), 'altered.db');
    await backupWith(backup, 3);
    const altered = new Sqlite(backup);
    altered.prepare("UPDATE events SET data = replace(data, 'event', 'EVENT') WHERE position = 1").run();
    altered.close();
    const before = contentsOf(dataDir);

    const refused = await refusal(restoreEventLog(embedded(dataDir), backup));
    expect(refused.exitCode).toBe(1);
    expect(refused.message).toContain('altered.db fails verification');
    expect(contentsOf(dataDir)).toEqual(before);
  });

  it('a checkpoint line that does not parse: the file and the line named, nothing touched', async () => {
    const dataDir = folder();
    crashedLog(dataDir);
    const backup = join(folder(), 'backup.db');
    await backupWith(backup, 2);
    writeFileSync(join(dataDir, CHECKPOINTS_FILE), '\n{"position":"1"}\n{"position": oops}\n{"position":"2"}\n');
    const before = contentsOf(dataDir);

    const refused = await refusal(restoreEventLog(embedded(dataDir), backup));
    expect(refused.exitCode).toBe(2);
    expect(refused.message).toContain(`${join(dataDir, CHECKPOINTS_FILE)}, line 3: `);
    expect(contentsOf(dataDir)).toEqual(before);
  });
});

describe('restoreEventLog reads the checkpoints as the service does', () => {
  const folders: string[] = [];
  afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('a last line torn by a crash is left out, said so, and the file set aside whole', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'timeline-restore-unit-'));
    const backups = mkdtempSync(join(tmpdir(), 'timeline-restore-unit-'));
    folders.push(dataDir, backups);
    const backup = join(backups, 'backup.db');
    await backupWith(backup, 2);
    const checkpoints = join(dataDir, CHECKPOINTS_FILE);
    // An append cut short: a checkpoint past the backup's end, its line without its end nor its newline.
    appendFileSync(checkpoints, '{"position":"9","issuedAt":"2026-01-01T00:00:00.000Z","signat');
    const torn = readFileSync(checkpoints);

    const report = await restoreEventLog(loadConfig({ TIMELINE_DATA_DIR: dataDir }), backup);
    expect(report.events).toBe(2);
    expect(report.tornCheckpointBytes).toBe(torn.length);
    expect(report.unreached).toEqual([]);
    expect(report.movedAside).toEqual([CHECKPOINTS_FILE]);
    expect(readFileSync(join(report.setAside!, CHECKPOINTS_FILE))).toEqual(torn);
  });
});

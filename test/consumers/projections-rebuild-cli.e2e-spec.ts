import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SqliteEventStore } from '@timeline/event-store-sqlite';
import { toEventData, treatyStreamName } from '@timeline/treaty';
import { registered, signed, uuid } from '@timeline/treaty/testing';

const CLI = 'dist/apps/api/apps/api/src/cli/projections-rebuild.js';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function rebuild(dataDir: string, ...options: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...options],
      { env: { ...process.env, TIMELINE_DATA_DIR: dataDir, TIMELINE_REBUILD_WORKERS: '2' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A data folder whose log holds two treaties (two parts of a rebuild have a treaty each, most likely). */
async function dataFolderWithALog(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'timeline-rebuild-cli-'));
  const store = new SqliteEventStore({ file: join(dataDir, 'events.db') });
  for (const [n, treatyId] of ['ru-ir', 'fr-de'].entries()) {
    await store.appendToStream(
      treatyStreamName(treatyId),
      [registered({ treatyId }), signed(uuid(n * 10 + 1), '2025-01-17')].map((event, revision) => ({
        id: uuid(100 + n * 10 + revision),
        type: event.type,
        data: toEventData(event),
        metadata: { schemaVersion: 1 },
      })),
    );
  }
  await store.close();
  return dataDir;
}

describe('npm run projections:rebuild', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await dataFolderWithALog();
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a data folder without an event log, naming it, and creates nothing', async () => {
    const typo = join(dataDir, 'typo');
    const run = await rebuild(typo);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`No event log at ${join(typo, 'events.db')}`);
    expect(run.stdout).not.toContain('Promoted');
    expect(existsSync(typo)).toBe(false);
  });

  it('refuses an option it does not know (a misspelt --dry-run must not promote)', async () => {
    const run = await rebuild(dataDir, '--dryrun');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'--dryrun'");
    expect(existsSync(join(dataDir, 'projections.current'))).toBe(false);
  });
});

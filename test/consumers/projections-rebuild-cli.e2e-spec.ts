import { execFile, spawn } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SqliteEventStore } from '@timeline/event-store-sqlite';
import { toEventData, treatyStreamName } from '@timeline/treaty';
import { registered, signed, uuid } from '@timeline/treaty/testing';
import { ownerOfThisProcess } from '../../apps/api/src/read-models/rebuild-leftovers';
import { startBuiltService } from '../support/built-service';

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

/**
 * A data folder whose log holds `treaties` treaties (two parts of a rebuild have a treaty each, most likely), each
 * registered and then reported signed `reports` times: a log long enough that a rebuild is still running when a
 * test signals it, however fast the machine.
 */
async function dataFolderWithALog(treaties = 2, reports = 1): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'timeline-rebuild-cli-'));
  const store = new SqliteEventStore({ file: join(dataDir, 'events.db') });
  let ids = 0;
  for (let n = 0; n < treaties; n++) {
    const treatyId = `treaty-${n}`;
    const events = [
      registered({ treatyId }),
      ...Array.from({ length: reports }, () => signed(uuid((ids += 1)), '2025-01-17')),
    ];
    await store.appendToStream(
      treatyStreamName(treatyId),
      events.map((event) => ({
        id: uuid(1_000_000 + (ids += 1)),
        type: event.type,
        data: toEventData(event),
        metadata: { schemaVersion: 1 },
      })),
    );
  }
  await store.close();
  return dataDir;
}

const rebuildFiles = (dataDir: string) => readdirSync(dataDir).filter((name) => name.startsWith('projections-'));

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

  it('rebuilds and promotes over a live read model that cannot be read, which blocks the start and says how to mend it', async () => {
    const damaged = join(dataDir, 'projections.db');
    writeFileSync(damaged, Buffer.alloc(8192, 0x5a));
    await expect(startBuiltService(dataDir)).rejects.toThrow(
      new RegExp(`Cannot open the read model ${damaged} \\(file is not a database\\).*npm run projections:rebuild`),
    );

    const dryRun = await rebuild(dataDir, '--dry-run');
    expect({ code: dryRun.code, stderr: dryRun.stderr }).toEqual({ code: 1, stderr: '' });
    expect(dryRun.stdout).toMatch(/Replayed \d+ events/);
    expect(dryRun.stdout).toContain(
      `The live read model ${damaged} cannot be read (file is not a database): not compared; run without --dry-run to replace it.`,
    );

    const run = await rebuild(dataDir);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Promoted: the rebuilt read models are now live.');
    expect(run.stdout).toContain(
      `The live read model ${damaged} cannot be read (file is not a database): not compared; the rebuilt one replaced it.`,
    );
    const service = await startBuiltService(dataDir);
    service.process.kill('SIGTERM');
  }, 120_000);

  it('rebuilds and promotes over a live read model cut short (a disk that filled, a copy that stopped)', async () => {
    rmSync(dataDir, { recursive: true, force: true });
    dataDir = await dataFolderWithALog(40, 20);
    expect((await rebuild(dataDir)).code).toBe(0);
    const live = join(dataDir, readFileSync(join(dataDir, 'projections.current'), 'utf8').trim());
    truncateSync(live, Math.floor(statSync(live).size / 2));

    const run = await rebuild(dataDir);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Promoted: the rebuilt read models are now live.');
    expect(run.stdout).toMatch(
      new RegExp(`The live read model ${live} cannot be read \\(.+\\): not compared; the rebuilt one replaced it\\.`),
    );
    const service = await startBuiltService(dataDir);
    try {
      const treaty = await fetch(`${service.base}/treaties/treaty-39`);
      expect(treaty.status).toBe(200);
    } finally {
      service.process.kill('SIGTERM');
    }
  }, 120_000);

  for (const options of [[], ['--dry-run']]) {
    it(`removes what it wrote when interrupted (SIGTERM) ${options.join(' ')}`, async () => {
      rmSync(dataDir, { recursive: true, force: true });
      // 20,000 events: the signal, sent within milliseconds of the part files appearing, finds the rebuild running.
      dataDir = await dataFolderWithALog(200, 99);
      const child = spawn(process.execPath, [CLI, ...options], {
        env: { ...process.env, TIMELINE_DATA_DIR: dataDir, TIMELINE_REBUILD_WORKERS: '2' },
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      // Once the second part's file is there: the rebuild's own file, its part's and its claim are all written.
      for (let waited = 0; !rebuildFiles(dataDir).some((name) => name.includes('.part-')); waited++) {
        if (child.exitCode !== null || waited > 3000)
          throw new Error(`no part file seen: ${readdirSync(dataDir).join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      child.kill('SIGTERM');
      expect(await exited).toBe(143);
      expect(rebuildFiles(dataDir)).toEqual([]);
    }, 60_000);
  }

  it('removes the files of a rebuild killed outright before the next begins, not those of one still running', async () => {
    const killed = join(dataDir, 'projections-20260101T000000000Z.db');
    const running = join(dataDir, 'projections-20260101T000000001Z.db');
    const previousFormat = join(dataDir, 'projections-20260101T000000002Z.db');
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    for (const [file, owner] of [
      [killed, { ...ownerOfThisProcess(), pid: gone.pid }], // this namespace, this boot: that pid is no process
      [running, ownerOfThisProcess()], // this test's process, alive
      [previousFormat, { pid: gone.pid, host: hostname() }], // pid and host only: nothing shows its namespace
    ] as const) {
      writeFileSync(`${file}.owner`, JSON.stringify(owner));
      writeFileSync(file, '');
      writeFileSync(`${file}.part-1`, '');
      writeFileSync(`${file}.part-1-journal`, '');
    }

    const run = await rebuild(dataDir, '--dry-run');
    expect(run.stdout).toContain(
      'Removed files of interrupted rebuilds: projections-20260101T000000000Z.db, ' +
        'projections-20260101T000000000Z.db.part-1, projections-20260101T000000000Z.db.part-1-journal',
    );
    expect(rebuildFiles(dataDir).sort()).toEqual([
      'projections-20260101T000000001Z.db',
      'projections-20260101T000000001Z.db.owner',
      'projections-20260101T000000001Z.db.part-1',
      'projections-20260101T000000001Z.db.part-1-journal',
      'projections-20260101T000000002Z.db',
      'projections-20260101T000000002Z.db.owner',
      'projections-20260101T000000002Z.db.part-1',
      'projections-20260101T000000002Z.db.part-1-journal',
    ]);
  });

  it('the service, as it starts, removes the files of a rebuild killed outright', async () => {
    const killed = join(dataDir, 'projections-20260101T000000000Z.db');
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(`${killed}.owner`, JSON.stringify({ ...ownerOfThisProcess(), pid: gone.pid }));
    writeFileSync(`${killed}.part-1`, '');

    const service = await startBuiltService(dataDir);
    service.process.kill('SIGTERM');
    expect(rebuildFiles(dataDir)).toEqual([]);
  }, 60_000);
});

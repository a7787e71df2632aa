import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  abandonRebuildsInProgress,
  claimRebuildFile,
  releaseRebuildFile,
  removeAbandonedRebuilds,
} from './rebuild-leftovers';

/** The pid of a process that has exited (the system does not hand it out again this soon, in practice). */
const goneProcess = (): number =>
  Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());

describe('the files of interrupted rebuilds', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'rebuild-leftovers-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const listed = () => readdirSync(dataDir).sort();
  /** A rebuild's file and its part's, claimed by `owner` (none: unclaimed). */
  const rebuildFiles = (name: string, owner?: object) => {
    const file = join(dataDir, name);
    if (owner) writeFileSync(`${file}.owner`, JSON.stringify(owner));
    for (const suffix of ['', '-wal', '.part-1', '.part-1-journal']) writeFileSync(`${file}${suffix}`, '');
    return file;
  };
  const live = () => join(dataDir, 'projections.db');

  it('removes what a process that is gone claimed, and only that', () => {
    rebuildFiles('projections-1.db', { pid: goneProcess(), host: hostname() });
    rebuildFiles('projections-2.db', { pid: process.ppid, host: hostname() }); // alive
    rebuildFiles('projections-3.db', { pid: goneProcess(), host: 'another-machine' });
    rebuildFiles('projections-4.db'); // unclaimed: a rebuild's from before claims, or a file being served
    writeFileSync(live(), '');

    expect(removeAbandonedRebuilds(dataDir, live())).toEqual([
      'projections-1.db',
      'projections-1.db-wal',
      'projections-1.db.part-1',
      'projections-1.db.part-1-journal',
    ]);
    expect(listed().filter((name) => name.startsWith('projections-1'))).toEqual([]);
    expect(listed().filter((name) => name.startsWith('projections-2'))).toHaveLength(5);
    expect(listed().filter((name) => name.startsWith('projections-3'))).toHaveLength(5);
    expect(listed().filter((name) => name.startsWith('projections-4'))).toHaveLength(4);
  });

  it('keeps a claimed file that was promoted, dropping only its claim', () => {
    const promoted = rebuildFiles('projections-1.db', { pid: goneProcess(), host: hostname() });
    expect(removeAbandonedRebuilds(dataDir, promoted)).toEqual([]);
    expect(listed()).toEqual([
      'projections-1.db',
      'projections-1.db-wal',
      'projections-1.db.part-1',
      'projections-1.db.part-1-journal',
    ]);
  });

  it("keeps this process's rebuilds in progress, and takes its own pid's others (a restart under the same pid)", () => {
    const writing = join(dataDir, 'projections-1.db');
    claimRebuildFile(writing);
    writeFileSync(writing, '');
    rebuildFiles('projections-2.db', { pid: process.pid, host: hostname() });

    expect(removeAbandonedRebuilds(dataDir, live())).toEqual([
      'projections-2.db',
      'projections-2.db-wal',
      'projections-2.db.part-1',
      'projections-2.db.part-1-journal',
    ]);
    expect(listed()).toEqual(['projections-1.db', 'projections-1.db.owner']);

    abandonRebuildsInProgress(live());
    expect(listed()).toEqual([]);
    releaseRebuildFile(writing);
  });
});

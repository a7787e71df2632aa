import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { systemProcessFacts, type ProcessFacts } from './process-facts';
import {
  abandonRebuildsInProgress,
  CLAIM_LEASE_SECONDS,
  claimRebuildFile,
  releaseRebuildFile,
  removeAbandonedRebuilds,
  renewClaims,
} from './rebuild-leftovers';

/** The pid of a process that has exited (the system does not hand it out again this soon, in practice). */
const goneProcess = (): number =>
  Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString());

const HOST = 'app';
const BOOT = '61c9fc06-5861-4456-a7df-6800b53f2906';
const NAMESPACE = 'pid:[4026531836]';
const TIME_NAMESPACE = 'time:[4026531834]';

/**
 * What a process in a container sees of itself and of its namespace's processes (pid → start time), as `/proc`
 * would say; `readable: false` stands for a `/proc` that cannot be read (not Linux, hidden).
 */
function facts(
  overrides: Partial<{
    host: string;
    pid: number;
    pidNamespace: string | undefined;
    timeNamespace: string | null | undefined;
    bootId: string | undefined;
    processes: Record<number, number>;
    startTimeReadable: boolean;
    existsKnown: boolean;
  }> = {},
): ProcessFacts {
  const seen = {
    host: HOST,
    pid: 1,
    pidNamespace: NAMESPACE as string | undefined,
    timeNamespace: TIME_NAMESPACE as string | null | undefined,
    bootId: BOOT as string | undefined,
    processes: { 1: 5000, 40: 5100 } as Record<number, number>,
    startTimeReadable: true,
    existsKnown: true,
    ...overrides,
  };
  return {
    host: () => seen.host,
    pid: () => seen.pid,
    pidNamespace: () => seen.pidNamespace,
    timeNamespace: () => seen.timeNamespace,
    bootId: () => seen.bootId,
    startTime: (pid) => (seen.startTimeReadable ? seen.processes[pid] : undefined),
    exists: (pid) => (seen.existsKnown ? pid in seen.processes : undefined),
  };
}

/** A claim by pid `pid` started at `startTime`, made in this host's namespace on this boot unless overridden. */
const claim = (pid: number, startTime: number, overrides: object = {}) => ({
  pid,
  host: HOST,
  pidNamespace: NAMESPACE,
  timeNamespace: TIME_NAMESPACE,
  bootId: BOOT,
  startTime,
  leaseSeconds: CLAIM_LEASE_SECONDS,
  ...overrides,
});

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
  const removedFrom = (name: string) => [name, `${name}-wal`, `${name}.part-1`, `${name}.part-1-journal`];
  const live = () => join(dataDir, 'projections.db');
  /** Which of `projections-N.db` (N = 1, 2, ...) are still there, their claim included. */
  const kept = () =>
    [...new Set(listed().map((name) => /^projections-(\d+)\.db/.exec(name)?.[1]))].filter(Boolean).map(Number);

  it('removes what a process of this namespace that is gone claimed, and only that', () => {
    rebuildFiles('projections-1.db', claim(77, 5200)); // no process 77
    rebuildFiles('projections-2.db', claim(40, 5100)); // alive
    rebuildFiles('projections-3.db', claim(77, 5200, { host: 'another-machine' }));
    rebuildFiles('projections-4.db'); // unclaimed: a rebuild's from before claims, or a file being served
    writeFileSync(live(), '');

    expect(removeAbandonedRebuilds(dataDir, live(), facts())).toEqual(removedFrom('projections-1.db'));
    expect(kept()).toEqual([2, 3, 4]);
    expect(listed().filter((name) => name.startsWith('projections-2'))).toHaveLength(5);
    expect(listed().filter((name) => name.startsWith('projections-4'))).toHaveLength(4);
  });

  it('removes what a process claimed whose pid another process has taken since (another start time)', () => {
    rebuildFiles('projections-1.db', claim(40, 4900));
    expect(removeAbandonedRebuilds(dataDir, live(), facts())).toEqual(removedFrom('projections-1.db'));
    expect(listed()).toEqual([]);
  });

  it("keeps another container's claims that share the host name but not the PID namespace, PID 1 included", () => {
    const otherContainer = { pidNamespace: 'pid:[4026532999]' };
    rebuildFiles('projections-1.db', claim(1, 4000, otherContainer)); // its PID 1, as this one's is: no predecessor
    rebuildFiles('projections-2.db', claim(77, 5200, otherContainer)); // no 77 here: it may well run there
    rebuildFiles('projections-3.db', claim(40, 4900, otherContainer));

    expect(removeAbandonedRebuilds(dataDir, live(), facts({ pid: 1 }))).toEqual([]);
    expect(kept()).toEqual([1, 2, 3]);
  });

  it("this process's pid: takes a predecessor's claims (a restart as PID 1) and its own not being written", () => {
    const self = facts({ pid: 1, processes: { 1: 5000 } });
    rebuildFiles('projections-1.db', claim(1, 3000)); // the service that was PID 1 before a restart
    rebuildFiles('projections-2.db', claim(1, 5000)); // this process's, no rebuild of it now
    const writing = join(dataDir, 'projections-3.db');
    claimRebuildFile(writing, self);
    writeFileSync(writing, '');

    expect(removeAbandonedRebuilds(dataDir, live(), self)).toEqual([
      ...removedFrom('projections-1.db'),
      ...removedFrom('projections-2.db'),
    ]);
    expect(listed()).toEqual(['projections-3.db', 'projections-3.db.owner']);

    abandonRebuildsInProgress(live());
    expect(listed()).toEqual([]);
    releaseRebuildFile(writing);
  });

  /** Makes a claim's last renewal `seconds` ago. */
  const renewedAgo = (file: string, seconds: number) => {
    const then = new Date(Date.now() - seconds * 1000);
    utimesSync(`${file}.owner`, then, then);
  };

  it('keeps a claim whose process cannot be examined from here while its lease runs, and removes it after', () => {
    const otherKernel = { bootId: 'b1a5d3c0-0000-4000-8000-000000000000' }; // a reboot, or a sandbox's own kernel
    const cases = [
      claim(40, 5100, otherKernel), // a pid alive here may be another process
      claim(1, 5000, { ...otherKernel, pidNamespace: 'pid:[4026532999]' }),
      claim(40, 5100, { host: 'another-machine' }), // a shared folder, or a container recreated since
      claim(77, 5200, { pidNamespace: 'pid:[4026532999]' }), // another container under this host name
    ];
    const files = cases.map((owner, index) => rebuildFiles(`projections-${index + 1}.db`, owner));

    expect(removeAbandonedRebuilds(dataDir, live(), facts())).toEqual([]);
    for (const file of files) renewedAgo(file, CLAIM_LEASE_SECONDS - 60);
    expect(removeAbandonedRebuilds(dataDir, live(), facts())).toEqual([]);
    expect(kept()).toEqual([1, 2, 3, 4]);

    renewedAgo(files[0]!, CLAIM_LEASE_SECONDS + 60);
    renewedAgo(files[2]!, CLAIM_LEASE_SECONDS + 60);
    expect(removeAbandonedRebuilds(dataDir, live(), facts())).toEqual([
      ...removedFrom('projections-1.db'),
      ...removedFrom('projections-3.db'),
    ]);
    expect(kept()).toEqual([2, 4]);
  });

  it("keeps a live process's claim however long ago it was renewed (stopped, not gone)", () => {
    const file = rebuildFiles('projections-1.db', claim(40, 5100));
    renewedAgo(file, CLAIM_LEASE_SECONDS * 10);
    expect(removeAbandonedRebuilds(dataDir, live(), facts())).toEqual([]);
    expect(kept()).toEqual([1]);
  });

  it('keeps a claim without a lease (made before leases) whose process cannot be examined, however old', () => {
    const { leaseSeconds, ...noLease } = claim(40, 5100, { pidNamespace: 'pid:[4026532999]' });
    expect(leaseSeconds).toBe(CLAIM_LEASE_SECONDS);
    renewedAgo(rebuildFiles('projections-1.db', noLease), CLAIM_LEASE_SECONDS * 10);
    renewedAgo(rebuildFiles('projections-2.db', { ...noLease, leaseSeconds: 'forever' }), CLAIM_LEASE_SECONDS * 10);
    renewedAgo(rebuildFiles('projections-3.db', { ...noLease, host: 'another-machine' }), CLAIM_LEASE_SECONDS * 10);
    expect(removeAbandonedRebuilds(dataDir, live(), facts())).toEqual([]);
    expect(kept()).toEqual([1, 2, 3]);
  });

  it('takes a claim without a lease from another boot of this host name for a reboot, as decision 0092 did', () => {
    const { leaseSeconds, ...noLease } = claim(40, 5100, { bootId: 'b1a5d3c0-0000-4000-8000-000000000000' });
    expect(leaseSeconds).toBe(CLAIM_LEASE_SECONDS);
    rebuildFiles('projections-1.db', noLease);
    expect(removeAbandonedRebuilds(dataDir, live(), facts())).toEqual(removedFrom('projections-1.db'));
  });

  it("keeps the claims of the files this process is writing, whatever else it holds (another boot's id read now)", () => {
    const writing = join(dataDir, 'projections-1.db');
    claimRebuildFile(writing, facts({ pid: 40 }));
    writeFileSync(writing, '');
    renewedAgo(writing, CLAIM_LEASE_SECONDS * 10);
    expect(
      removeAbandonedRebuilds(dataDir, live(), facts({ pid: 40, bootId: 'b1a5d3c0-0000-4000-8000-000000000000' })),
    ).toEqual([]);
    expect(kept()).toEqual([1]);
    releaseRebuildFile(writing);
  });

  it('renews the claims of the files in progress, and only theirs', () => {
    const writing = join(dataDir, 'projections-1.db');
    claimRebuildFile(writing, facts({ pid: 40 }));
    const released = join(dataDir, 'projections-2.db');
    claimRebuildFile(released, facts({ pid: 40 }));
    releaseRebuildFile(released);
    writeFileSync(`${released}.owner`, JSON.stringify(claim(40, 5100))); // someone else's claim under that name
    renewedAgo(writing, CLAIM_LEASE_SECONDS);
    renewedAgo(released, CLAIM_LEASE_SECONDS);

    renewClaims();
    const age = (file: string) => (Date.now() - statSync(`${file}.owner`).mtimeMs) / 1000;
    expect(age(writing)).toBeLessThan(60);
    expect(age(released)).toBeGreaterThanOrEqual(CLAIM_LEASE_SECONDS);
    releaseRebuildFile(writing);
  });

  it('keeps claims of the previous format (pid and host only): neither their boot nor their namespace is known', () => {
    rebuildFiles('projections-1.db', { pid: 77, host: HOST }); // no such process
    rebuildFiles('projections-2.db', { pid: 1, host: HOST }); // this process's pid
    rebuildFiles('projections-3.db', { pid: goneProcess(), host: hostname() });

    expect(removeAbandonedRebuilds(dataDir, live(), facts({ pid: 1 }))).toEqual([]);
    expect(removeAbandonedRebuilds(dataDir, live())).toEqual([]);
    expect(kept()).toEqual([1, 2, 3]);
  });

  it('keeps a claim when what would prove it abandoned cannot be read (not Linux, /proc hidden)', () => {
    rebuildFiles('projections-1.db', claim(77, 5200)); // gone, were it known
    rebuildFiles('projections-2.db', claim(40, 4900)); // its pid taken, were it known
    for (const unreadable of [
      facts({ bootId: undefined }),
      facts({ pidNamespace: undefined }),
      facts({ timeNamespace: undefined }),
      facts({ existsKnown: false }),
    ]) {
      expect(removeAbandonedRebuilds(dataDir, live(), unreadable)).toEqual([]);
    }
    expect(removeAbandonedRebuilds(dataDir, live(), facts({ startTimeReadable: false }))).toEqual(
      removedFrom('projections-1.db'), // ESRCH alone proves it, in this namespace
    );
    expect(kept()).toEqual([2]);
  });

  it('keeps a claim whose process wrote no namespace, start time or boot (it could not read them)', () => {
    const { pidNamespace, ...noNamespace } = claim(77, 5200);
    const { startTime, ...noStartTime } = claim(77, 5200);
    const { bootId, ...noBoot } = claim(77, 5200);
    expect([pidNamespace, startTime, bootId]).toEqual([NAMESPACE, 5200, BOOT]);
    rebuildFiles('projections-1.db', noNamespace);
    rebuildFiles('projections-2.db', noStartTime);
    rebuildFiles('projections-3.db', noBoot);

    expect(removeAbandonedRebuilds(dataDir, live(), facts())).toEqual([]);
    expect(kept()).toEqual([1, 2, 3]);
  });

  it('keeps a claim made in another time namespace: its start times are read through another clock', () => {
    rebuildFiles('projections-1.db', claim(40, 4900, { timeNamespace: 'time:[4026532777]' }));
    expect(removeAbandonedRebuilds(dataDir, live(), facts())).toEqual([]);
    rebuildFiles('projections-2.db', claim(40, 4900, { timeNamespace: null })); // a kernel without them
    expect(removeAbandonedRebuilds(dataDir, live(), facts({ timeNamespace: null }))).toEqual(
      removedFrom('projections-2.db'),
    );
    expect(kept()).toEqual([1]);
  });

  it('keeps a claim whose pid names no process (0 or below: kill would ask about process groups)', () => {
    rebuildFiles('projections-1.db', claim(-77, 5200));
    rebuildFiles('projections-2.db', claim(0, 5200));
    expect(removeAbandonedRebuilds(dataDir, live(), facts())).toEqual([]);
    expect(kept()).toEqual([1, 2]);
  });

  it('keeps a claimed file that was promoted, dropping only its claim', () => {
    const promoted = rebuildFiles('projections-1.db', claim(77, 5200));
    expect(removeAbandonedRebuilds(dataDir, promoted, facts())).toEqual([]);
    expect(listed()).toEqual(removedFrom('projections-1.db').sort());
  });

  it('claims with what identifies the process (pid, host, PID and time namespaces, boot, start time) and its lease', () => {
    const file = join(dataDir, 'projections-1.db');
    claimRebuildFile(file, facts({ pid: 40 }));
    expect(JSON.parse(readFileSync(`${file}.owner`, 'utf8'))).toEqual(claim(40, 5100));
    releaseRebuildFile(file);
    claimRebuildFile(file, facts({ pid: 40, pidNamespace: undefined, bootId: undefined }));
    expect(JSON.parse(readFileSync(`${file}.owner`, 'utf8'))).toEqual({
      pid: 40,
      host: HOST,
      timeNamespace: TIME_NAMESPACE,
      startTime: 5100,
      leaseSeconds: CLAIM_LEASE_SECONDS,
    });
    releaseRebuildFile(file);
  });

  (process.platform === 'linux' ? it : it.skip)('reads those facts from /proc on Linux', () => {
    const self = systemProcessFacts;
    expect(self.pidNamespace()).toMatch(/^pid:\[\d+\]$/);
    expect(self.bootId()).toMatch(/^[0-9a-f-]{36}$/);
    expect(self.startTime(process.pid)).toEqual(expect.any(Number));
    expect(self.startTime(process.ppid)!).toBeLessThanOrEqual(self.startTime(process.pid)!);
    expect(self.exists(process.pid)).toBe(true);
    expect(self.exists(goneProcess())).toBe(false);
    expect(self.startTime(goneProcess())).toBeUndefined();

    // A claim by this process, read back by this process: kept while it writes that file, taken once it does not.
    const file = join(dataDir, 'projections-1.db');
    claimRebuildFile(file);
    const owner = JSON.parse(readFileSync(`${file}.owner`, 'utf8')) as object;
    rebuildFiles('projections-2.db', owner);
    rebuildFiles('projections-3.db', { ...owner, pid: goneProcess() });
    rebuildFiles('projections-4.db', { ...owner, pidNamespace: 'pid:[1]' });
    expect(removeAbandonedRebuilds(dataDir, live())).toEqual([
      ...removedFrom('projections-2.db'),
      ...removedFrom('projections-3.db'),
    ]);
    expect(kept()).toEqual([1, 4]);
    abandonRebuildsInProgress(live());
    releaseRebuildFile(file);
  });
});

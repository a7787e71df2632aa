import { readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * A rebuild's files (`projections-<time>.db`, its parts' `.part-N`, their journals) are claimed by an owner file
 * beside them, `projections-<time>.db.owner`, written before the first of them and removed once the rebuild has
 * promoted or removed them. A rebuild stopped by a signal removes its own files (`abandonRebuildsInProgress`); one
 * that could not (SIGKILL, a power cut) leaves its owner file, and the next rebuild or start removes what it claims
 * once its process is provably gone (`removeAbandonedRebuilds`, decision 0092).
 */
const OWNER_SUFFIX = '.owner';

/**
 * What a claim records of its process. A pid means one process only within one PID namespace on one boot, and while
 * that process lives: a host name alone does not say which namespace (`docker run --network host`, a compose
 * `hostname:` reused by `docker compose run`, the containers of a Kubernetes pod share it, each with its own pids,
 * often all PID 1), hence the namespace (`pid:[4026531836]`), the boot (`boot_id`), and the process's start time
 * (clock ticks since boot: another process given the pid later has a later one). The time namespace is recorded
 * too: a start time is read through the reader's. Each is absent where it could not be read (not Linux, `/proc`
 * hidden), and every one is absent from claims of the previous format (pid and host only): such claims are kept.
 */
export interface RebuildOwner {
  readonly pid: number;
  readonly host: string;
  readonly pidNamespace?: string;
  /** `null`: a kernel without time namespaces (before 5.6). */
  readonly timeNamespace?: string | null;
  readonly bootId?: string;
  readonly startTime?: number;
}

/**
 * What this process can learn of itself and of other processes (`/proc` on Linux). Each reading is `undefined` when
 * it cannot be made, which keeps a claim: only what is read proves a process gone.
 */
export interface ProcessFacts {
  host(): string;
  pid(): number;
  /** `readlink /proc/self/ns/pid`, provided that `/proc` is this namespace's. */
  pidNamespace(): string | undefined;
  /** `readlink /proc/self/ns/time`; `null` where the kernel has no time namespaces. */
  timeNamespace(): string | null | undefined;
  /** `/proc/sys/kernel/random/boot_id`: new at every boot, shared by every container on the kernel. */
  bootId(): string | undefined;
  /** Field 22 of `/proc/<pid>/stat` (clock ticks since boot); `undefined`: no such process, or it cannot be read. */
  startTime(pid: number): number | undefined;
  /** `kill(pid, 0)`, in this process's PID namespace: `false` for ESRCH only, `true` alive (EPERM: another user's). */
  exists(pid: number): boolean | undefined;
}

/** This process's facts, read from `/proc` (Linux) at each call. */
export const systemProcessFacts: ProcessFacts = {
  host: () => hostname(),
  pid: () => process.pid,
  pidNamespace: () => (procIsOurs() ? readLink('/proc/self/ns/pid') : undefined),
  timeNamespace: () => {
    if (!procIsOurs()) return undefined;
    try {
      return readlinkSync('/proc/self/ns/time');
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : undefined;
    }
  },
  bootId: () => readText('/proc/sys/kernel/random/boot_id')?.trim() || undefined,
  startTime: (pid) => statFields(`/proc/${pid}/stat`)?.startTime,
  exists: (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      const { code } = error as NodeJS.ErrnoException;
      return code === 'ESRCH' ? false : code === 'EPERM' ? true : undefined;
    }
  },
};

/** The files this process's rebuilds are writing: their owner names this process, and they are not abandoned. */
const inProgress = new Set<string>();

/** Claims a rebuild's file before it is created (a cleanup in another process may look at any moment). */
export function claimRebuildFile(file: string, facts: ProcessFacts = systemProcessFacts): void {
  writeFileSync(`${file}${OWNER_SUFFIX}`, `${JSON.stringify(ownerOfThisProcess(facts))}\n`, { flag: 'wx' });
  inProgress.add(file);
}

/** What a claim by this process records (undefined fields, those that cannot be read, are left out). */
export function ownerOfThisProcess(facts: ProcessFacts = systemProcessFacts): RebuildOwner {
  const pid = facts.pid();
  return {
    pid,
    host: facts.host(),
    pidNamespace: facts.pidNamespace(),
    timeNamespace: facts.timeNamespace(),
    bootId: facts.bootId(),
    startTime: facts.startTime(pid),
  };
}

/** Once the rebuild's file is promoted (then it is the service's) or removed. */
export function releaseRebuildFile(file: string): void {
  inProgress.delete(file);
  rmSync(`${file}${OWNER_SUFFIX}`, { force: true });
}

/**
 * Removes the files of this process's rebuilds, for a signal that ends it: they are half-written and nothing else
 * would remove them. A file the pointer names (`live`) was promoted and is kept. A worker thread could still create
 * its part's file between this removal and the exit that ends it: its owner file is removed last, so such a file is
 * then unclaimed and stays (the window is one synchronous step).
 */
export function abandonRebuildsInProgress(live: string): void {
  for (const file of [...inProgress]) {
    if (file !== live) removeRebuildFiles(file);
    releaseRebuildFile(file);
  }
}

/**
 * Removes the files of rebuilds whose process is gone, and returns their names. Only what is provably abandoned
 * goes: a claim made on this host name, on this boot and in this PID namespace (and time namespace) by a process
 * that no longer exists (`kill(pid, 0)` answers ESRCH) or whose pid another process has taken since (its start time
 * differs), by this very process's pid for a file this process is not writing (a restarted service in a container is
 * PID 1 again: the start time differs, or it is this process and the file is no rebuild of its), or on this host
 * name before a reboot (another boot id: every process of that boot is gone). Everything else is kept: a claim from
 * another host name (another machine, a recreated container), from another PID namespace on this boot (another
 * container sharing the host name: its pids mean nothing here), a claim whose process, or this process's facts,
 * cannot be read (not Linux, `/proc` hidden), a claim of the previous format (pid and host only: neither its boot
 * nor its namespace can be shown to be this one), and every file without an owner (the live read model, the one a
 * running service still serves while it switches to a promoted file, a rebuild's before claims). A claimed file
 * that the pointer names (`live`: promoted, the process gone before it released it) keeps its file and loses only
 * its claim.
 */
export function removeAbandonedRebuilds(
  dataDir: string,
  live: string,
  facts: ProcessFacts = systemProcessFacts,
): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dataDir)) {
    if (!/^projections-[^/]*\.db\.owner$/.test(name)) continue;
    const file = join(dataDir, name.slice(0, -OWNER_SUFFIX.length));
    const owner = readOwner(join(dataDir, name));
    if (!owner || !isAbandoned(owner, file, facts)) continue;
    if (file !== live) removed.push(...removeRebuildFiles(file));
    rmSync(join(dataDir, name), { force: true });
  }
  return removed;
}

function isAbandoned(owner: RebuildOwner, file: string, facts: ProcessFacts): boolean {
  if (owner.host !== facts.host()) return false; // another machine, or a container since recreated: cannot tell
  const bootId = facts.bootId();
  if (owner.bootId === undefined || bootId === undefined) return false; // the previous format, or unreadable
  if (owner.bootId !== bootId) return true; // made before a reboot of this host: its process is gone
  const pidNamespace = facts.pidNamespace();
  if (owner.pidNamespace === undefined || pidNamespace === undefined || owner.pidNamespace !== pidNamespace) {
    return false; // another container sharing the host name (or unreadable): its pid names nothing here
  }
  const timeNamespace = facts.timeNamespace();
  if (owner.timeNamespace === undefined || timeNamespace === undefined || owner.timeNamespace !== timeNamespace) {
    return false; // start times read through another time namespace cannot be compared
  }
  if (owner.startTime === undefined) return false;
  const exists = facts.exists(owner.pid);
  if (exists === false) return true; // ESRCH, in the namespace the claim was made in: gone
  if (exists === undefined) return false;
  const startTime = facts.startTime(owner.pid);
  if (startTime === undefined) return false; // hidden, or exited just now: the next look will tell
  if (startTime !== owner.startTime) return true; // the pid was given to another process since: the owner is gone
  return owner.pid === facts.pid() && !inProgress.has(file); // the owner lives: only this process's own can go
}

function readOwner(file: string): RebuildOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<keyof RebuildOwner, unknown>>;
    // A pid of 0 or below would make `kill` ask about process groups: no claim of a process.
    if (!Number.isInteger(owner.pid) || (owner.pid as number) <= 0 || typeof owner.host !== 'string') return undefined;
    return {
      pid: owner.pid as number,
      host: owner.host,
      pidNamespace: typeof owner.pidNamespace === 'string' ? owner.pidNamespace : undefined,
      timeNamespace:
        typeof owner.timeNamespace === 'string' || owner.timeNamespace === null ? owner.timeNamespace : undefined,
      bootId: typeof owner.bootId === 'string' ? owner.bootId : undefined,
      startTime: Number.isInteger(owner.startTime) ? (owner.startTime as number) : undefined,
    };
  } catch {
    return undefined; // being written, or gone: not provably abandoned
  }
}

/** Whether `/proc` is this process's PID namespace's (`/proc/self` is this process): else its pids are others'. */
function procIsOurs(): boolean {
  return statFields('/proc/self/stat')?.pid === process.pid;
}

/** Fields 1 (pid) and 22 (start time) of a `/proc/<pid>/stat`: the name between them may hold spaces and `)`. */
function statFields(path: string): { pid: number; startTime: number } | undefined {
  const stat = readText(path);
  const close = stat?.lastIndexOf(')') ?? -1;
  if (stat === undefined || close < 0) return undefined;
  const after = stat.slice(close + 2).split(' '); // from field 3 (state)
  const pid = Number(stat.slice(0, stat.indexOf(' ')));
  const startTime = Number(after[22 - 3]);
  return Number.isInteger(pid) && Number.isInteger(startTime) ? { pid, startTime } : undefined;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function readLink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

/** A rebuild's file, its parts' files and their journals (`-wal`, `-shm`, `-journal`); not its owner file. */
function removeRebuildFiles(file: string): string[] {
  const name = basename(file);
  const ours = (entry: string) =>
    entry === name || /^-(wal|shm|journal)$/.test(entry.slice(name.length)) || entry.startsWith(`${name}.part-`);
  const removed = readdirSync(dirname(file)).filter((entry) => entry.startsWith(name) && ours(entry));
  for (const entry of removed) rmSync(join(dirname(file), entry), { force: true });
  return removed;
}

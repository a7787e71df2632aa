import { readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { systemProcessFacts, type ProcessFacts } from './process-facts';

/**
 * A rebuild's files (`projections-<time>.db`, its parts' `.part-N`, their journals) are claimed by an owner file
 * beside them, `projections-<time>.db.owner`, written before the first of them and removed once the rebuild has
 * promoted or removed them. A rebuild stopped by a signal removes its own files (`abandonRebuildsInProgress`); one
 * that could not (SIGKILL, a power cut) leaves its owner file, and the next rebuild or start removes what it claims
 * once its process is provably gone (`removeAbandonedRebuilds`, decision 0092), or, where its process cannot be
 * examined from here, once its claim has not been renewed for its lease (decision 0095).
 */
const OWNER_SUFFIX = '.owner';

/**
 * How long a claim stands without being renewed when its process cannot be examined from here (another machine or
 * boot, another container): its process renews it (the owner file's modification time) every
 * {@link CLAIM_RENEWAL_MS} while the rebuild runs, so a claim older than this was left by a process that is gone,
 * or that has not run for a quarter of an hour (stopped, suspended).
 */
export const CLAIM_LEASE_SECONDS = 900;
export const CLAIM_RENEWAL_MS = 60_000;

/**
 * What a claim records of its process. A pid means one process only within one PID namespace on one boot, and while
 * that process lives: a host name alone does not say which namespace (`docker run --network host`, a compose
 * `hostname:` reused by `docker compose run`, the containers of a Kubernetes pod share it, each with its own pids,
 * often all PID 1), hence the namespace (`pid:[4026531836]`), the boot (`boot_id`), and the process's start time
 * (clock ticks since boot: another process given the pid later has a later one). The time namespace is recorded
 * too: a start time is read through the reader's. Each is absent where it could not be read (not Linux, `/proc`
 * hidden), and every one is absent from claims of the previous format (pid and host only): such claims are kept.
 * `leaseSeconds` says that the claim is renewed while its process runs; claims made before leases have none.
 */
export interface RebuildOwner {
  readonly pid: number;
  readonly host: string;
  readonly pidNamespace?: string;
  /** `null`: a kernel without time namespaces (before 5.6). */
  readonly timeNamespace?: string | null;
  readonly bootId?: string;
  readonly startTime?: number;
  readonly leaseSeconds?: number;
}

/** The files this process's rebuilds are writing: their owner names this process, and they are not abandoned. */
const inProgress = new Set<string>();
let renewal: NodeJS.Timeout | undefined;

/**
 * Claims a rebuild's file before it is created (a cleanup in another process may look at any moment), and renews
 * the claim while the file is in progress.
 */
export function claimRebuildFile(file: string, facts: ProcessFacts = systemProcessFacts): void {
  writeFileSync(`${file}${OWNER_SUFFIX}`, `${JSON.stringify(ownerOfThisProcess(facts))}\n`, { flag: 'wx' });
  inProgress.add(file);
  renewal ??= setInterval(renewClaims, CLAIM_RENEWAL_MS).unref();
}

/** Renews the claims of the files in progress: their owner files' modification time becomes now. */
export function renewClaims(): void {
  const now = new Date();
  for (const file of inProgress) {
    try {
      utimesSync(`${file}${OWNER_SUFFIX}`, now, now);
    } catch {
      // Removed by this process as it ends the rebuild, or by hand: nothing to renew.
    }
  }
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
    leaseSeconds: CLAIM_LEASE_SECONDS,
  };
}

/** Once the rebuild's file is promoted (then it is the service's) or removed. */
export function releaseRebuildFile(file: string): void {
  inProgress.delete(file);
  rmSync(`${file}${OWNER_SUFFIX}`, { force: true });
  if (inProgress.size === 0 && renewal !== undefined) {
    clearInterval(renewal);
    renewal = undefined;
  }
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
 * Removes the files of rebuilds whose process is gone, and returns their names. What is provably abandoned goes: a
 * claim made on this host name, on this boot and in this PID namespace (and time namespace) by a process that no
 * longer exists (`kill(pid, 0)` answers ESRCH) or whose pid another process has taken since (its start time
 * differs), or by this very process's pid for a file this process is not writing (a restarted service in a container
 * is PID 1 again: the start time differs, or it is this process and the file is no rebuild of its). A claim whose
 * process cannot be examined from here goes once its lease has run out (not renewed for `leaseSeconds` by this
 * process's clock): one from another host name (another machine on a shared folder, a recreated container), from
 * before a reboot or from another kernel under this host name (another boot id: a reboot, or a sandboxed container
 * with a kernel of its own), from another PID namespace (another container sharing the host name: its pids mean
 * nothing here), or whose facts, or this process's, cannot be read (not Linux, `/proc` hidden). Everything else is
 * kept: a live process's claim, a claim of a format without a lease, and every file without an owner (the live read
 * model, the one a running service still serves while it switches to a promoted file, a rebuild's before claims). A
 * claimed file that the pointer names (`live`: promoted, the process gone before it released it) keeps its file and
 * loses only its claim.
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
    const ownerFile = join(dataDir, name);
    const owner = readOwner(ownerFile);
    if (!owner) continue;
    const verdict = processOf(owner, file, facts);
    if (verdict === 'alive' || (verdict === 'cannot-tell' && !leaseRanOut(owner, ownerFile))) continue;
    if (file !== live) removed.push(...removeRebuildFiles(file));
    rmSync(ownerFile, { force: true });
  }
  return removed;
}

/** What can be told here of the process that made a claim: gone, alive, or nothing (then its lease decides). */
function processOf(owner: RebuildOwner, file: string, facts: ProcessFacts): 'gone' | 'alive' | 'cannot-tell' {
  if (inProgress.has(file)) return 'alive'; // this process is writing it
  if (owner.host !== facts.host()) return 'cannot-tell'; // another machine, or a container since recreated
  const bootId = facts.bootId();
  if (owner.bootId === undefined || bootId === undefined) return 'cannot-tell';
  // Another boot id: a reboot of this host, or another kernel under its name (a gVisor or Kata container has its own).
  // A claim with a lease is left to it; one made before leases (decision 0092's format, which its process did not
  // renew) is taken for a reboot's, as it was then.
  if (owner.bootId !== bootId) return owner.leaseSeconds === undefined ? 'gone' : 'cannot-tell';
  const pidNamespace = facts.pidNamespace();
  if (owner.pidNamespace === undefined || pidNamespace === undefined || owner.pidNamespace !== pidNamespace) {
    return 'cannot-tell'; // another container sharing the host name (or unreadable): its pid names nothing here
  }
  const timeNamespace = facts.timeNamespace();
  if (owner.timeNamespace === undefined || timeNamespace === undefined || owner.timeNamespace !== timeNamespace) {
    return 'cannot-tell'; // start times read through another time namespace cannot be compared
  }
  if (owner.startTime === undefined) return 'cannot-tell';
  const exists = facts.exists(owner.pid);
  if (exists === false) return 'gone'; // ESRCH, in the namespace the claim was made in
  if (exists === undefined) return 'cannot-tell';
  const startTime = facts.startTime(owner.pid);
  if (startTime === undefined) return 'cannot-tell'; // hidden, or exited just now: the next look will tell
  if (startTime !== owner.startTime) return 'gone'; // the pid was given to another process since
  // The owner lives: only this process's own claims can go (for files it is not writing, seen above).
  return owner.pid === facts.pid() ? 'gone' : 'alive';
}

/** Whether the claim has gone unrenewed for longer than its lease; never for a claim without one. */
function leaseRanOut(owner: RebuildOwner, ownerFile: string): boolean {
  if (owner.leaseSeconds === undefined) return false;
  try {
    return Date.now() - statSync(ownerFile).mtimeMs > owner.leaseSeconds * 1000;
  } catch {
    return false; // removed meanwhile: its rebuild ended
  }
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
      leaseSeconds: typeof owner.leaseSeconds === 'number' && owner.leaseSeconds > 0 ? owner.leaseSeconds : undefined,
    };
  } catch {
    return undefined; // being written, or gone: not provably abandoned
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

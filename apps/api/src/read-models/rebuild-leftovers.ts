import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * A rebuild's files (`projections-<time>.db`, its parts' `.part-N`, their journals) are claimed by an owner file
 * beside them, `projections-<time>.db.owner`, written before the first of them and removed once the rebuild has
 * promoted or removed them. A rebuild stopped by a signal removes its own files (`abandonRebuildsInProgress`); one
 * that could not (SIGKILL, a power cut) leaves its owner file, and the next rebuild or start removes what it claims
 * once its process is provably gone (`removeAbandonedRebuilds`).
 */
const OWNER_SUFFIX = '.owner';

interface Owner {
  readonly pid: number;
  readonly host: string;
}

/** The files this process's rebuilds are writing: their owner names this process, and they are not abandoned. */
const inProgress = new Set<string>();

/** Claims a rebuild's file before it is created (a cleanup in another process may look at any moment). */
export function claimRebuildFile(file: string): void {
  const owner: Owner = { pid: process.pid, host: hostname() };
  writeFileSync(`${file}${OWNER_SUFFIX}`, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
  inProgress.add(file);
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
 * goes: a claim by a process on this machine that no longer exists (`kill(pid, 0)` answers ESRCH), or by this very
 * process (a restarted service can get its predecessor's pid, as PID 1 in a container) for a file it is not
 * writing. A claim from another machine (a shared folder) cannot be checked from here and is kept, as is a pid that
 * a new process has taken (it stays until that process ends), and every file without an owner (the live read model,
 * the one a running service still serves while it switches to a promoted file, a rebuild's before this version). A
 * claimed file that the pointer names (`live`: promoted, the process gone before it released it) keeps its file
 * and loses only its claim.
 */
export function removeAbandonedRebuilds(dataDir: string, live: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dataDir)) {
    if (!/^projections-[^/]*\.db\.owner$/.test(name)) continue;
    const file = join(dataDir, name.slice(0, -OWNER_SUFFIX.length));
    const owner = readOwner(join(dataDir, name));
    if (!owner || !isAbandoned(owner, file)) continue;
    if (file !== live) removed.push(...removeRebuildFiles(file));
    rmSync(join(dataDir, name), { force: true });
  }
  return removed;
}

function isAbandoned(owner: Owner, file: string): boolean {
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return !inProgress.has(file);
  try {
    process.kill(owner.pid, 0);
    return false; // alive (ours to signal)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'; // EPERM: alive, another user's
  }
}

function readOwner(file: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<Owner>;
    return Number.isInteger(owner.pid) && typeof owner.host === 'string' ? (owner as Owner) : undefined;
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

import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

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

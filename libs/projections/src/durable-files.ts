import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Forces what was written through a descriptor to the disk (fsync): tests pass one that also records the call. */
export type SyncDescriptor = (descriptor: number) => void;

/** Syncs a file's contents to the disk. */
export function syncFile(file: string, sync: SyncDescriptor = fsyncSync): void {
  const descriptor = openSync(file, 'r+');
  try {
    sync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Syncs a directory's entries: a file created, renamed into or removed from it is only sure to stay so after a
 * power cut once its directory is synced. Windows cannot open a directory to sync it: there it is skipped.
 */
export function syncDirectory(directory: string, sync: SyncDescriptor = fsyncSync): void {
  if (process.platform === 'win32') return;
  const descriptor = openSync(directory, 'r');
  try {
    sync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Replaces a small file's contents at once and durably: a temporary file beside it is written and synced, renamed
 * over it, and their directory synced. A reader sees the old contents or the new, never a part of them, and after a
 * power cut the file holds one or the other, never nothing. A failed write leaves no temporary file behind.
 */
export function replaceFileDurably(file: string, contents: string, sync: SyncDescriptor = fsyncSync): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const descriptor = openSync(temporary, 'w');
    try {
      writeFileSync(descriptor, contents);
      sync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncDirectory(dirname(file), sync);
}

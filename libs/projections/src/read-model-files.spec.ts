import { fstatSync, fsyncSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ReadModelFiles } from './read-model-files';

describe('ReadModelFiles', () => {
  let directory: string;
  /** Each sync, in order: what was synced, and what `current()` named at that moment. */
  let syncs: string[];
  let files: ReadModelFiles;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'read-model-files-'));
    syncs = [];
    files = new ReadModelFiles(directory, (descriptor) => {
      syncs.push(`${syncedName(descriptor)} (live: ${files.current().slice(directory.length + 1)})`);
      fsyncSync(descriptor);
    });
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  /** The data folder, or the name of the file in it, that a descriptor is open on. */
  const syncedName = (descriptor: number): string | undefined => {
    const stat = fstatSync(descriptor);
    if (stat.isDirectory()) return 'the folder';
    return readdirSync(directory).find((name) => statSync(join(directory, name)).ino === stat.ino);
  };

  it('reads projections.db without a pointer, and the file the pointer names with one', () => {
    expect(files.current()).toBe(join(directory, 'projections.db'));
    writeFileSync(join(directory, 'projections.current'), 'projections-1.db\n');
    expect(files.current()).toBe(join(directory, 'projections-1.db'));
  });

  it('reads an empty pointer as none, rather than the data folder itself', () => {
    writeFileSync(join(directory, 'projections.current'), '');
    expect(files.current()).toBe(join(directory, 'projections.db'));
    writeFileSync(join(directory, 'projections.current'), ' \n');
    expect(files.current()).toBe(join(directory, 'projections.db'));
  });

  it('promotes a file once it and its entry are on disk, through a synced temporary pointer and a synced rename', () => {
    writeFileSync(join(directory, 'projections-1.db'), 'rebuilt');
    files.promote(join(directory, 'projections-1.db'));
    expect(syncs).toEqual([
      'projections-1.db (live: projections.db)',
      'the folder (live: projections.db)',
      `projections.current.${process.pid}.tmp (live: projections.db)`,
      'the folder (live: projections-1.db)',
    ]);
    expect(files.current()).toBe(join(directory, 'projections-1.db'));
    expect(readdirSync(directory).sort()).toEqual(['projections-1.db', 'projections.current']);
  });

  it('keeps the pointer whole, and leaves no temporary file, when writing the new one fails', () => {
    writeFileSync(join(directory, 'projections-1.db'), 'rebuilt');
    files.promote(join(directory, 'projections-1.db'));
    writeFileSync(join(directory, 'projections-2.db'), 'rebuilt again');
    const failingDisk = new ReadModelFiles(directory, (descriptor) => {
      if (syncedName(descriptor)?.endsWith('.tmp')) throw new Error('EIO: i/o error, fsync');
      fsyncSync(descriptor);
    });
    expect(() => failingDisk.promote(join(directory, 'projections-2.db'))).toThrow('EIO');
    expect(files.current()).toBe(join(directory, 'projections-1.db'));
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves no temporary file when the rename fails', () => {
    writeFileSync(join(directory, 'projections-1.db'), 'rebuilt');
    mkdirSync(join(directory, 'projections.current'));
    expect(() => files.promote(join(directory, 'projections-1.db'))).toThrow();
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('syncs the folder, where another process renamed the pointer, before it removes a retired file', () => {
    writeFileSync(join(directory, 'projections.db'), 'old');
    writeFileSync(join(directory, 'projections.db-wal'), 'old');
    // What the folder held when it was synced: the retired file is still there, so the sync came first.
    const held: string[][] = [];
    new ReadModelFiles(directory, (descriptor) => {
      held.push(readdirSync(directory).sort());
      fsyncSync(descriptor);
    }).retire(join(directory, 'projections.db'));
    expect(held).toEqual([['projections.db', 'projections.db-wal']]);
    expect(readdirSync(directory)).toEqual([]);
  });
});

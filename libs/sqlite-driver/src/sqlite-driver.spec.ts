import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { SQLITE_DRIVER_PACKAGE, SQLITE_DRIVER_PATH, Sqlite } from './sqlite-driver';

const requireFromRoot = createRequire(join(process.cwd(), 'index.js'));
const nodeMajor = Number(process.versions.node.split('.')[0]);

describe('the SQLite driver', () => {
  it('is better-sqlite3 13 from Node 22 on, and the 12.11 build on Node 20', () => {
    const { version } = requireFromRoot(`${SQLITE_DRIVER_PACKAGE}/package.json`) as { version: string };
    if (nodeMajor >= 22) expect(version).toMatch(/^13\./);
    else expect(version).toMatch(/^12\.11\./);
  });

  it('names the entry file of that same build, for worker threads', () => {
    expect(requireFromRoot(SQLITE_DRIVER_PATH)).toBe(Sqlite);
    expect(SQLITE_DRIVER_PATH).toContain(`node_modules/${SQLITE_DRIVER_PACKAGE}/`);
  });

  it('opens a database and runs statements', () => {
    const db = new Sqlite(':memory:');
    db.exec('CREATE TABLE t (n INTEGER)');
    const insert = db.prepare('INSERT INTO t (n) VALUES (?)');
    for (let n = 0; n < 10; n++) insert.run(n);
    expect(db.prepare('SELECT sum(n) AS total FROM t').get()).toEqual({ total: 45 });
    db.close();
  });

  // On Node 24, better-sqlite3 12 aborts the whole process when the collector frees a statement. A child process
  // keeps that abort from taking the test runner with it.
  it('lets the garbage collector free thousands of statements without crashing the process', () => {
    const child = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '-e',
        `const Database = require(process.argv[1]);
         const db = new Database(':memory:');
         for (let round = 0; round < 5; round++) {
           for (let n = 0; n < 2000; n++) db.prepare('SELECT ' + n).get();
           global.gc();
         }
         db.close();
         global.gc();
         process.stdout.write('done');`,
        SQLITE_DRIVER_PACKAGE,
      ],
      { cwd: process.cwd(), encoding: 'utf8', timeout: 30_000 },
    );
    expect({ status: child.status, signal: child.signal, stderr: child.stderr }).toEqual({
      status: 0,
      signal: null,
      stderr: '',
    });
    expect(child.stdout).toBe('done');
  });
});

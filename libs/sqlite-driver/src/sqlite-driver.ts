import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * The better-sqlite3 build that works on this Node (decision 0006).
 *
 * better-sqlite3 13 is an N-API addon with prebuilt binaries, and the only line that survives Node 24: on 24, every
 * 12.x statement collected by the garbage collector aborts the process. It needs Node 22, and crashes on Node 20.
 * So Node 20 loads 12.11.1, installed from source under the alias `better-sqlite3-node20`, and every later Node
 * loads 13. Both have the same API.
 */
export const SQLITE_DRIVER_PACKAGE = nodeMajorVersion() >= 22 ? 'better-sqlite3' : 'better-sqlite3-node20';

export type SqliteDatabaseConstructor = typeof BetterSqlite3;

// The build is CommonJS (`__filename`); under jest the sources run as ES modules, always from the project root.
const requireFromHere = createRequire(typeof __filename === 'string' ? __filename : join(process.cwd(), 'index.js'));

export const Sqlite: SqliteDatabaseConstructor = loadDriver();

/**
 * The name that opens `file` as immutable (SQLite's `immutable=1`): read-only, no lock taken, no `-wal` or `-shm`
 * looked for or made beside it, so that it opens on read-only media and leaves nothing there. Only for a file that
 * nobody writes while it is open (an auditor's evidence copy): SQLite reads it as if it could never change, and a
 * `-wal` beside it is not read.
 */
export function immutableFileName(file: string): string {
  return `${pathToFileURL(resolve(file)).href}?mode=ro&immutable=1`;
}

/** Where that build's entry file is, for a worker thread that loads the driver by itself. */
export const SQLITE_DRIVER_PATH: string = requireFromHere.resolve(SQLITE_DRIVER_PACKAGE);

function loadDriver(): SqliteDatabaseConstructor {
  // better-sqlite3 builds SQLite without URI file names, and turns them on when SQLITE_USE_URI is 1 as it loads (once
  // per process): `immutableFileName` needs them. Paths the project opens never begin with `file:`, so nothing else
  // changes. (Under jest, `process.env` is a copy native code never reads: jest.config.mjs sets it for the runner.)
  process.env.SQLITE_USE_URI ??= '1';
  try {
    return requireFromHere(SQLITE_DRIVER_PACKAGE) as SqliteDatabaseConstructor;
  } catch (error) {
    throw new Error(
      `Cannot load ${SQLITE_DRIVER_PACKAGE}, the SQLite driver for Node ${process.versions.node}. ` +
        (SQLITE_DRIVER_PACKAGE === 'better-sqlite3-node20'
          ? 'On Node 20 it is compiled at `npm install` (it needs python3, make and g++); reinstall, or use Node 22 or 24.'
          : 'Run `npm install`.'),
      { cause: error },
    );
  }
}

function nodeMajorVersion(): number {
  return Number(process.versions.node.split('.')[0]);
}

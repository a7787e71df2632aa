import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { Sqlite } from '@timeline/sqlite-driver';
import { loadSigningKey } from './audit/signing-key';
import type { AppConfig } from './config/app-config';

/** sysexits.h: a mistake in the configuration; a supervisor should not restart blindly. */
export const EX_CONFIG = 78;
/** sysexits.h: the input data was wrong (here, a damaged event log). */
export const EX_DATAERR = 65;
/** sysexits.h: a temporary failure; trying again later may work (here, a port another process holds). */
export const EX_TEMPFAIL = 75;

/** A reason not to start, said in one line that names the variable or file and what to do, with its exit code. */
export class StartupFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'StartupFailure';
  }
}

/**
 * What the service needs from its environment, checked before anything is written (demo data, generated keys), so
 * that a start that cannot succeed fails at once with a message an operator can act on, instead of a driver's or
 * Node's error from deep inside the start.
 */
export async function checkStartup(config: AppConfig): Promise<void> {
  if (config.port !== 0) await checkPortFree(config.port);
  checkDataDirectory(config.dataDir);
  if (config.store.kind === 'embedded') checkEventLog(config.store.file);
  checkSigningKey(config);
}

export function checkDataDirectory(dataDir: string): void {
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw new StartupFailure(
      `TIMELINE_DATA_DIR=${dataDir} is a file, not a directory: point TIMELINE_DATA_DIR at a directory (created if missing)`,
      EX_CONFIG,
    );
  }
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EEXIST') {
      throw new StartupFailure(
        `TIMELINE_DATA_DIR=${dataDir} lies under a file, not a directory: point TIMELINE_DATA_DIR at a directory`,
        EX_CONFIG,
      );
    }
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new StartupFailure(
        `TIMELINE_DATA_DIR=${dataDir} cannot be ${code === 'EROFS' ? 'written (read-only file system)' : `written by user ${userInfo().username}`} (${code}): give the service's user write access to it, or point TIMELINE_DATA_DIR elsewhere`,
        EX_CONFIG,
      );
    }
    throw error;
  }
}

/** An existing event log that SQLite cannot read is damaged or is not one: never start on it, never replace it. */
export function checkEventLog(file: string): void {
  if (!existsSync(file)) return;
  let db: InstanceType<typeof Sqlite> | undefined;
  try {
    db = new Sqlite(file, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new StartupFailure(
        `${file} (the event log in TIMELINE_DATA_DIR) is not a readable SQLite database (${code}: ${message}): restore it from a backup (made with npm run backup); the service does not start on it`,
        EX_DATAERR,
      );
    }
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM' || code === 'SQLITE_READONLY') {
      throw new StartupFailure(
        `${file} (the event log in TIMELINE_DATA_DIR) cannot be opened (${code}: ${message}): give the service's user read and write access to it`,
        EX_CONFIG,
      );
    }
    throw error;
  } finally {
    db?.close();
  }
}

export function checkSigningKey(config: AppConfig): void {
  try {
    loadSigningKey(config);
  } catch (error) {
    const reason = (error as Error).message;
    if (config.signingKeyFile) {
      const missing = !existsSync(config.signingKeyFile);
      throw new StartupFailure(
        `TIMELINE_SIGNING_KEY_FILE=${config.signingKeyFile} ${missing ? 'does not exist' : `is not an Ed25519 private key in PEM (${reason})`}: point it at one (make one with \`openssl genpkey -algorithm ed25519 -out signing-key.pem\`)`,
        EX_CONFIG,
      );
    }
    throw new StartupFailure(
      `The signing key generated into TIMELINE_DATA_DIR cannot be read (${reason}): restore it from a backup, or set TIMELINE_SIGNING_KEY_FILE`,
      EX_DATAERR,
    );
  }
}

export function checkPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => reject(portFailure(port, error) ?? error));
    // Bound as the app binds it (every address), then released at once.
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** The port cannot be bound: by the check above, or by the app itself when another process took it meanwhile. */
export function portFailure(port: number, error: unknown): StartupFailure | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new StartupFailure(
      `PORT=${port} is in use by another process (EADDRINUSE): stop that process (an earlier instance?), or set PORT to a free port`,
      EX_TEMPFAIL,
    );
  }
  if (code === 'EACCES') {
    return new StartupFailure(
      `PORT=${port} needs privileges this user lacks (EACCES): set PORT to 1024 or above`,
      EX_CONFIG,
    );
  }
  return undefined;
}
